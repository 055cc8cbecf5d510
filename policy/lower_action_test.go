package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLowerAction checks the cached lower-case parts: actions match
// ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
func TestLowerAction(t *testing.T) {
	for _, tc := range []struct {
		name, action, service, actionName string
	}{
		{"mixed case is lowered", "S3:GetObject", "s3", "getobject"},
		{"lower case is kept", "iam:passrole", "iam", "passrole"},
		{"digits and hyphens are kept", "Route53-Recovery:Get-X", "route53-recovery", "get-x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRequest(RequestInput{Action: tc.action, Resource: "*"})
			require.NoError(t, err)
			s, n := r.LowerAction()
			assert.Equal(t, tc.service, s)
			assert.Equal(t, tc.actionName, n)
			assert.Equal(t, tc.action, r.Action(), "the action as given is kept")
			var zero Request
			s, n = zero.LowerAction()
			assert.Empty(t, s+n, "the zero Request has no action")
		})
	}
}
