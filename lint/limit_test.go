package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// A document with more findings than diag.MaxErrors reports the first
// ones and a last TOO_MANY_FINDINGS that counts the rest (issue 15: 2.87
// million unknown actions took 20 s and 1.2 GB to report, more than
// eighteen times the document).
func TestFindingsPastLimit(t *testing.T) {
	t.Parallel()
	const extra = 10
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*","Action":[`)
	for i := range diag.MaxErrors + extra {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n\"nosvc%d:Get\"", i)
	}
	b.WriteString("]}}")
	fs := CheckString(b.String(), policy.Source{File: "p.json"})
	require.Len(t, fs, diag.MaxErrors+1)
	for _, f := range fs[:diag.MaxErrors] {
		require.Equal(t, "INVALID_SERVICE_IN_ACTION", f.Code)
	}
	last := fs[diag.MaxErrors]
	assert.Equal(t, "TOO_MANY_FINDINGS", last.Code)
	assert.Equal(t, Error, last.Severity)
	assert.Equal(t, diag.MaxErrors+2, last.Pos.Line, "at the first entry left out")
	assert.Equal(t, "10 more findings are not reported, the first of them here: at most 10000 are reported for one document", last.Message)
}

// The last finding has the severity of the gravest left out, so that
// --fail-on still fails the run: here the findings kept are package
// policy's warnings and every error of this package's checks is left out.
// Package policy's own count of findings left out is added in.
func TestFindingsPastLimitKeepSeverity(t *testing.T) {
	t.Parallel()
	const n = diag.MaxErrors + 1
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		// An operator spelled in lower case is a warning of package
		// policy; an unknown service an error of this package.
		fmt.Fprintf(&b, `{"Effect":"Allow","Action":"nosvc%d:Get","Resource":"*","Condition":{"stringequals":{"aws:username":"a"}}}`, i)
	}
	b.WriteString("]}")
	fs := CheckString(b.String(), policy.Source{})
	require.Len(t, fs, diag.MaxErrors+1)
	counts := Count(fs)
	assert.Equal(t, diag.MaxErrors, counts[Warning], "package policy's warnings are kept")
	assert.Equal(t, 1, counts[Error])
	assert.Equal(t, Error, Max(fs))
	var last *Finding
	for i := range fs {
		if fs[i].Code == "TOO_MANY_FINDINGS" {
			last = &fs[i]
		}
	}
	require.NotNil(t, last)
	var left int
	_, err := fmt.Sscanf(last.Message, "%d more findings", &left)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, left, n+1, "one warning of package policy and an error per statement")
}
