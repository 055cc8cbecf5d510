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
			r := Request{Action: tc.action, Resource: "*"}
			_, _, ok := r.LowerAction()
			assert.False(t, ok, "an unprepared request has no cached parts")
			require.NoError(t, r.Prepare())
			s, n, ok := r.LowerAction()
			assert.True(t, ok)
			assert.Equal(t, tc.service, s)
			assert.Equal(t, tc.actionName, n)
			r.Action = "ec2:RunInstances"
			_, _, ok = r.LowerAction()
			assert.False(t, ok, "a changed request must be prepared again")
		})
	}
}
