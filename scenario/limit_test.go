package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// tooMany returns the count of the problem that ends a cut list, or -1.
func tooMany(t *testing.T, l diag.ErrorList) int {
	t.Helper()
	n := -1
	for _, e := range l {
		var o *diag.Omitted
		if errors.As(e, &o) {
			require.Equal(t, -1, n, "one problem counts those left out")
			n = o.Count
		}
	}
	return n
}

// A case's problems and the file's are lists of their own, each keeping
// at most diag.MaxErrors problems and counting the rest (issue 15: a case
// of 600,000 unknown keys took 18 s and 359 MB, 3,000,000 broken
// file-level policies 45 s and 1.4 GB). A case with problems past the
// limit still fails alone: the next case runs.
func TestProblemsPastLimit(t *testing.T) {
	t.Parallel()
	const extra = 12
	var keys strings.Builder
	for i := range diag.MaxErrors + extra {
		fmt.Fprintf(&keys, `, "x%d": 1`, i)
	}
	good := `{"name": "good", "principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "implicitDeny"}`
	src := `{"cases": [{"name": "bad", "principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "*", "expect": "implicitDeny"` + keys.String() + `}, ` + good + `]}`
	f, err := Load("s.json", []byte(src), nil)
	require.Error(t, err)
	require.Len(t, f.Cases, 2)
	bad := f.Cases[0]
	require.Len(t, bad.Err, diag.MaxErrors+1)
	assert.Equal(t, extra, tooMany(t, bad.Err))
	assert.Nil(t, f.Cases[1].Err, "the next case is read as usual")
	assert.Empty(t, f.Errors)

	policies := strings.Repeat("1, ", diag.MaxErrors+extra)
	src = `{"policies": {"identity": [` + policies + `1]}, "cases": [` + good + `]}`
	f, err = Load("s.json", []byte(src), nil)
	require.Error(t, err)
	require.Len(t, f.Errors, diag.MaxErrors+1)
	assert.Equal(t, extra+1, tooMany(t, f.Errors))
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, diag.MaxErrors+1, "Load's error is cut the same way")
}

// A part with a problem past the limit is still broken: here the file's
// list is full of unknown keys before its "policies" are read, and the
// broken policy among them keeps the cases that use it from running
// (with the broken policy left out, a case would run on the others).
func TestProblemPastLimitStillBreaks(t *testing.T) {
	t.Parallel()
	var keys strings.Builder
	for i := range diag.MaxErrors {
		fmt.Fprintf(&keys, `"x%d": 1, `, i)
	}
	src := `{` + keys.String() + `"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "*", "Resource": "*"}]}]},
		"cases": [{"name": "c", "principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "implicitDeny"}]}`
	f, err := Load("s.json", []byte(src), nil)
	require.Error(t, err)
	assert.Empty(t, f.Cases, "the cases depend on the broken file-level policies")
	assert.Equal(t, 1, tooMany(t, f.Errors), "the policy's error is counted")
}
