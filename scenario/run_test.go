package scenario

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReportMergeNil: merging a nil report (a file that produced none) adds
// nothing and does not panic (issue 15).
func TestReportMergeNil(t *testing.T) {
	t.Parallel()
	r := &Report{}
	r.Add(Result{Case: "a", Pass: true})
	assert.NotPanics(t, func() { r.Merge(nil) })
	assert.Equal(t, 1, r.Passed)
	assert.Len(t, r.Results, 1)

	o := &Report{}
	o.Add(Result{Case: "b"})
	r.Merge(o)
	assert.Equal(t, 1, r.Failed, "a failed result is counted as failed")
	assert.Len(t, r.Results, 2)
}
