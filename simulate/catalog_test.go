package simulate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCatalogWarnings: the pairs that never occur in a real request, per
// the Service Authorization Reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
func TestCatalogWarnings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action, resource string
		want             []string
		why              string
	}{
		{"s3:GetObject", "arn:aws:s3:::b/k", nil, "an object ARN fits s3:GetObject"},
		{"s3:GetObject", "*", nil, `"*" is never a mismatch`},
		{"s3:GetObject", "arn:aws:s3:::b", []string{"arn:aws:s3:::b is not a resource of s3:GetObject: its resource types are accesspointobject, object"}, "a bucket is not an object"},
		{"s3:ListAllMyBuckets", "arn:aws:s3:::b", []string{`s3:ListAllMyBuckets takes no resource (Resource "*" only), so no request of it names arn:aws:s3:::b`}, "a wildcard-only action"},
		{"s3:GetObjcet", "*", []string{"s3:GetObjcet is not an action of Amazon S3 (did you mean s3:GetObject?)"}, "an unknown action"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, catalogWarnings(tc.action, tc.resource), tc.why)
	}
}
