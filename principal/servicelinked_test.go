package principal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServiceLinkedSessionARN pins how a service-linked role is recognised
// (using-service-linked-roles.md): by the /aws-service-role/ path of a role
// ARN, and, for a session ARN that carries no path, by the AWSServiceRoleFor
// name every service-linked role has.
func TestServiceLinkedSessionARN(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func() (Principal, error)
		want  bool
		why   string
	}{
		{"session ARN of a service-linked role", func() (Principal, error) {
			return Parse("arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling")
		}, true, "the session ARN drops the path; the name says service-linked"},
		{"session ARN with a custom suffix", func() (Principal, error) {
			return Parse("arn:aws-cn:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling_custom/AutoScaling")
		}, true, "custom suffixes keep the prefix; any partition"},
		{"ordinary session ARN", func() (Principal, error) {
			return Parse("arn:aws:sts::123456789012:assumed-role/Dev/alice")
		}, false, "no prefix, no path: an ordinary role"},
		{"prefix is case-sensitive", func() (Principal, error) {
			return Parse("arn:aws:sts::123456789012:assumed-role/awsservicerolefor-x/alice")
		}, false, "AWS spells the prefix AWSServiceRoleFor"},
		{"role ARN without the path", func() (Principal, error) {
			return built(NewAssumedRole(AssumedRoleInput{RoleARN: "arn:aws:iam::123456789012:role/AWSServiceRoleForX", SessionName: "s1"}))
		}, false, "a role ARN given in full decides by its path"},
		{"role ARN with the path", func() (Principal, error) {
			return built(NewAssumedRole(AssumedRoleInput{RoleARN: "arn:aws:iam::123456789012:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX", SessionName: "s1"}))
		}, true, "the /aws-service-role/ path"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := tc.build()
			require.NoError(t, err)
			assert.Equal(t, tc.want, p.Identity().ServiceLinked, tc.why)
		})
	}
}
