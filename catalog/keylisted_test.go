package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/catalog"
)

// TestKeyListed checks how a key a policy writes is found among the keys
// the reference lists for an action: names compare case-insensitively
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
// and a template's variable part stands for any tag key.
func TestKeyListed(t *testing.T) {
	t.Parallel()
	keys := []string{"s3:x-amz-acl", "s3:ExistingObjectTag/<key>", "aws:RequestTag/${TagKey}"}
	tests := []struct {
		name string
		want bool
	}{
		{"s3:x-amz-acl", true},
		{"S3:X-AMZ-ACL", true},
		{"s3:ExistingObjectTag/team", true},
		{"aws:requesttag/Project", true},
		{"s3:ExistingObjectTag/", false},
		{"s3:prefix", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, catalog.KeyListed(keys, tc.name), tc.name)
	}
	a := catalog.Default().Action("s3:PutObject")
	if assert.NotNil(t, a) {
		assert.True(t, catalog.KeyListed(a.ConditionKeys, "s3:x-amz-acl"), "s3:PutObject supports s3:x-amz-acl")
	}
}
