package scenario

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/catalog"
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

// TestCheckActionIsTheCatalogues: the lazily loading checkAction answers
// as the catalogue does: nothing for an action AWS has, a sentence for a
// misspelt one (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
func TestCheckActionIsTheCatalogues(t *testing.T) {
	t.Parallel()
	assert.Empty(t, checkAction("s3:GetObject"))
	assert.Equal(t, catalog.Default().CheckAction("s3:GetObjcet"), checkAction("s3:GetObjcet"))
	assert.NotEmpty(t, checkAction("s3:GetObjcet"))
}
