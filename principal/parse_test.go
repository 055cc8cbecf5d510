package principal

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		kind    Kind
		arn     string
		account string
		why     string
	}{
		{"arn:aws:iam::123456789012:root", KindRoot, "arn:aws:iam::123456789012:root", "123456789012", "scenario format (go doc ./scenario) PRINCIPAL: root ARN"},
		{"arn:aws:iam::123456789012:user/alice", KindIAMUser, "arn:aws:iam::123456789012:user/alice", "123456789012", "IAM user without path"},
		{"arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob", KindIAMUser, "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob", "123456789012", "reference_identifiers.md: user ARN with path"},
		{"arn:aws:sts::123456789012:assumed-role/Dev/alice", KindAssumedRole, "arn:aws:sts::123456789012:assumed-role/Dev/alice", "123456789012", "role session ARN"},
		{"arn:aws:sts::123456789012:assumed-role/EC2Role/i-0123456789abcdef0", KindAssumedRole, "arn:aws:sts::123456789012:assumed-role/EC2Role/i-0123456789abcdef0", "123456789012", "reference_policies_variables.md: EC2 instance role session named by the instance ID"},
		{"arn:aws:sts::123456789012:federated-user/Bob", KindFederatedUser, "arn:aws:sts::123456789012:federated-user/Bob", "123456789012", "federated user ARN"},
		{"lambda.amazonaws.com", KindService, "lambda.amazonaws.com", "", "service principal: DNS name ending in .amazonaws.com"},
		{"elasticloadbalancing.amazonaws.com", KindService, "elasticloadbalancing.amazonaws.com", "", "service principal"},
		{"ec2.amazonaws.com.cn", KindService, "ec2.amazonaws.com.cn", "", "China partition service principal"},
		{"*", KindAnonymous, "", "", "scenario format (go doc ./scenario): * is anonymous"},
		{"anonymous", KindAnonymous, "", "", "scenario format (go doc ./scenario): anonymous"},
		{"arn:aws-cn:iam::123456789012:root", KindRoot, "arn:aws-cn:iam::123456789012:root", "123456789012", "other partitions work generically"},
		{"arn:aws-us-gov:sts::123456789012:assumed-role/Dev/alice", KindAssumedRole, "arn:aws-us-gov:sts::123456789012:assumed-role/Dev/alice", "123456789012", "GovCloud partition"},
		{"arn:aws-iso-b:iam::123456789012:user/alice", KindIAMUser, "arn:aws-iso-b:iam::123456789012:user/alice", "123456789012", "any aws-* partition"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			p, err := Parse(tc.in)
			require.NoError(t, err, tc.why)
			assert.Equal(t, tc.kind, p.Kind(), tc.why)
			assert.Equal(t, tc.arn, p.ARN(), tc.why)
			assert.Equal(t, tc.account, p.Account(), tc.why)
		})
	}
}

func TestParseRoleSessionFacts(t *testing.T) {
	t.Parallel()
	p, err := Parse("arn:aws-us-gov:sts::123456789012:assumed-role/Dev/alice")
	require.NoError(t, err)
	r, ok := p.(*AssumedRole)
	require.True(t, ok)
	assert.Equal(t, "arn:aws-us-gov:iam::123456789012:role/Dev", r.RoleARN(), "scenario format (go doc ./scenario): from a string the role is taken to have no path")
	assert.Equal(t, "", r.RoleID(), "scenario format (go doc ./scenario): the role ID is unknown")
	assert.Equal(t, "alice", r.SessionName())
	_, has := r.Context().LookupKey("aws:userid")
	assert.False(t, has, "scenario format (go doc ./scenario): aws:userid absent without the role ID")
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
		why  string
	}{
		{"", `principal "": empty; expected arn:aws:iam::ACCOUNT:root`, "empty input names the expected forms"},
		{"foo", `principal "foo": expected arn:aws:iam::ACCOUNT:root, arn:aws:iam::ACCOUNT:user/PATH/NAME, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, arn:aws:sts::ACCOUNT:federated-user/NAME, a service principal ending in .amazonaws.com, "*" or "anonymous"`, "unknown form lists every accepted form"},
		{"Anonymous", `expected arn:aws:iam::ACCOUNT:root`, "anonymous is spelled in lower case"},
		{"123456789012", "an account ID names every principal of the account, not one caller; for the root user write arn:aws:iam::123456789012:root", "reference_policies_evaluation-logic.md: an account ID in a policy means the whole account; it is not a caller"},
		{"arn:aws:iam::123456789012:role/Dev", "a role is not a caller", "reference_identifiers.md: callers are sessions of a role"},
		{"arn:aws:iam::123456789012:group/Admins", `iam resource "group/Admins": expected root or user/PATH/NAME`, "groups are not principals"},
		{"arn:aws:s3:::bucket", `service "s3": a caller ARN is an iam ARN`, "only iam and sts ARNs name callers"},
		{"arn:aws:iam:us-east-1:123456789012:root", "iam ARNs have no region", "reference_identifiers.md: IAM ARNs have no region"},
		{"arn:aws:sts:us-east-1:123456789012:federated-user/Bob", "sts caller ARNs have no region", "assumed-role and federated-user ARNs carry no region"},
		{"arn:aws:iam::12345:root", `account "12345" is not 12 digits`, "account IDs have 12 digits"},
		{"arn:aws:iam::12345678901a:root", `account "12345678901a" is not 12 digits`, "account IDs are digits"},
		{"arn:foo:iam::123456789012:root", `partition "foo"`, "partitions are aws or aws-*"},
		{"arn:aws:iam::123456789012", "not an ARN", "an ARN has six parts"},
		{"arn:aws:iam::123456789012:user/", `user name "" must have 1 to 64 characters`, "IAM API: UserName 1-64"},
		{"arn:aws:iam::123456789012:user/a b", `user name "a b" may contain only letters, digits and _+=,.@-`, "IAM API: UserName [\\w+=,.@-]"},
		{"arn:aws:sts::123456789012:assumed-role/Dev", "expected assumed-role/ROLE/SESSION", "a session ARN has role and session"},
		{"arn:aws:sts::123456789012:assumed-role/teams/Dev/alice", "a session ARN has no role path", "reference_identifiers.md: assumed-role ARNs drop the path"},
		{"arn:aws:sts::123456789012:assumed-role/Dev/a", `role session name "a" must have 2 to 64 characters`, "API_AssumeRole.html: RoleSessionName 2-64"},
		{"arn:aws:sts::123456789012:federated-user/B", `federated user name "B" must have 2 to 32 characters`, "API_GetFederationToken.html: Name 2-32"},
		{"arn:aws:sts::123456789012:role/Dev", `sts resource "role/Dev": expected assumed-role/ROLE/SESSION or federated-user/NAME`, "sts caller ARNs"},
		{"Lambda.amazonaws.com", "may contain only lower-case letters", "service principal names are lower-case DNS names"},
		{".amazonaws.com", "has no service label", "a service principal names a service"},
		{"a..b.amazonaws.com", `invalid DNS label ""`, "DNS labels are not empty"},
		{" *", "expected arn:aws:iam::ACCOUNT:root", "no trimming: the input is taken as written"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			p, err := Parse(tc.in)
			require.Error(t, err, tc.why)
			assert.Nil(t, p, "a failed Parse returns a nil Principal")
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), tc.want, tc.why)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.in, e.Input)
			assert.Empty(t, e.Field, "Parse errors name no field")
		})
	}
}
