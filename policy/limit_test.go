package policy

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// entriesDoc returns a one-statement policy whose Action lists n entries
// made by entry, one per line.
func entriesDoc(n int, entry func(i int) string) string {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*","Action":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n%q", entry(i))
	}
	b.WriteString("]}}")
	return b.String()
}

// A policy with more problems than diag.MaxErrors keeps the first ones
// and ends its list with one that counts the rest, positioned at the first
// left out (issue 15: 2.6 million invalid actions held 1.4 GB). The policy
// is still invalid.
func TestProblemsPastLimit(t *testing.T) {
	t.Parallel()
	const extra = 25
	src := entriesDoc(diag.MaxErrors+extra, func(i int) string { return fmt.Sprintf("noservice%d", i) })
	_, err := ParseString(src, Source{File: "p.json"})
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, diag.MaxErrors+1)
	for _, e := range list[:diag.MaxErrors] {
		require.ErrorIs(t, e, ErrValue)
	}
	last := list[diag.MaxErrors]
	assert.ErrorIs(t, last, diag.ErrTooMany)
	assert.False(t, last.IsWarning())
	var o *diag.Omitted
	require.ErrorAs(t, last, &o)
	assert.Equal(t, extra, o.Count)
	// Line 1 is the statement; entry i is on line i+2.
	assert.Equal(t, diag.MaxErrors+2, last.Pos.Line, "the first entry left out")
	assert.Equal(t, "p.json", last.Pos.File)

	errs, warns := CheckString(src, Source{File: "p.json"})
	assert.Len(t, errs, diag.MaxErrors+1, "CheckString cuts the same way")
	assert.Empty(t, warns)
}

// Past the limit warnings are counted too; when only warnings were left
// out the policy is valid and the last warning counts them.
func TestWarningsPastLimit(t *testing.T) {
	t.Parallel()
	const n = diag.MaxErrors + 3
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		// Every statement after the first repeats its Sid.
		b.WriteString(`{"Sid":"Same","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`)
	}
	b.WriteString("]}")
	pol, err := ParseString(b.String(), Source{})
	require.NoError(t, err)
	ws := pol.Warnings()
	require.Len(t, ws, diag.MaxErrors+1)
	last := ws[len(ws)-1]
	assert.True(t, last.IsWarning())
	var o *diag.Omitted
	require.True(t, errors.As(last, &o))
	assert.Equal(t, n-1-diag.MaxErrors, o.Count, "n-1 repeated Sids, MaxErrors kept")
}

// An error left out still makes the policy invalid: here the kept
// problems are all warnings (operators spelled in the wrong case) and the
// one error, an Effect
// that is not Allow or Deny, comes after them. Accepting the policy would
// evaluate a statement AWS rejects.
func TestErrorPastLimitStillInvalid(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for range diag.MaxErrors + 1 {
		b.WriteString(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"stringequals":{"aws:username":"a"}}},`)
	}
	b.WriteString(`{"Effect":"Alow","Action":"s3:*","Resource":"*"}]}`)
	pol, err := ParseString(b.String(), Source{})
	require.Error(t, err)
	assert.Nil(t, pol)
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	errs, warns := list.Split()
	assert.Len(t, warns, diag.MaxErrors)
	require.Len(t, errs, 1, "the error that counts the rest")
	var o *diag.Omitted
	require.ErrorAs(t, errs[0], &o)
	assert.Equal(t, 2, o.Count, "the last warning and the Effect")
}
