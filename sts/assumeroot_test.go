package sts_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

// TestTaskPolicies checks that the five embedded AWS task policies parse as
// session policies (STS API Reference, AssumeRoot: TaskPolicyArn).
func TestTaskPolicies(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"IAMAuditRootUserCredentials", "IAMCreateRootUserPassword", "IAMDeleteRootUserCredentials", "S3UnlockBucketPolicy", "SQSUnlockQueuePolicy"} {
		p, ok := sts.TaskPolicy(name)
		require.True(t, ok, name)
		assert.Equal(t, policy.Session, p.Type(), name)
		assert.False(t, p.HasAllow(), "%s: AWS's task policies deny only", name)
	}
	_, ok := sts.TaskPolicy("AdministratorAccess")
	assert.False(t, ok, "only the five task policies are accepted")
}

// TestAssumeRoot pins the AssumeRoot flow
// (id_root-user-privileged-task.md): who may call it, that the member
// account needs no resource policy, and that the root session is scoped by
// its task policy.
func TestAssumeRoot(t *testing.T) {
	t.Parallel()
	admin := user(t, "admin", nil)
	allowAssumeRoot := allow(t, policy.Identity, "assume-root", `"sts:AssumeRoot"`, `"*"`)
	task := "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy"
	root, err := principal.NewRoot(principal.RootInput{Account: acct})
	require.NoError(t, err)
	tests := []struct {
		name    string
		caller  sts.Caller
		in      sts.AssumeRootInput
		refused string // substring of the refusal; "" when the call succeeds
		invalid bool   // an *InputError
		why     string
	}{
		{"management account user allowed", sts.Caller{Principal: admin, Policies: iameval.PolicySet{Identity: []*policy.Policy{allowAssumeRoot}}},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task, OrganizationAdmin: true}, "", false,
			"an IAM user of the management account with sts:AssumeRoot needs no resource policy in the member account"},
		{"root ARN target", sts.Caller{Principal: admin, Policies: iameval.PolicySet{Identity: []*policy.Policy{allowAssumeRoot}}},
			sts.AssumeRootInput{TargetPrincipal: "arn:aws:iam::" + otherAcct + ":root", TaskPolicyArn: task, OrganizationAdmin: true}, "", false,
			"TargetPrincipal may be the member's root ARN"},
		{"no permission", sts.Caller{Principal: admin},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task, OrganizationAdmin: true}, "identity", false,
			"the permission must be explicitly granted"},
		{"SCP denies", sts.Caller{Principal: admin, Policies: iameval.PolicySet{Identity: []*policy.Policy{allowAssumeRoot},
			SCP: [][]*policy.Policy{{deny(t, policy.SCP, "scp", `"sts:AssumeRoot"`, `"*"`)}}}},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task, OrganizationAdmin: true}, "explicitDeny", false,
			"SCPs limit the caller (delegated administrator accounts are members)"},
		{"root credentials refused", sts.Caller{Principal: root},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task, OrganizationAdmin: true}, "root user credentials cannot call", false,
			"you cannot use root user credentials to call sts:AssumeRoot"},
		{"not an organization admin", sts.Caller{Principal: admin, Policies: iameval.PolicySet{Identity: []*policy.Policy{allowAssumeRoot}}},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task}, "management account", false,
			"only the management or delegated administrator account may call it"},
		{"own account", sts.Caller{Principal: admin, Policies: iameval.PolicySet{Identity: []*policy.Policy{allowAssumeRoot}}},
			sts.AssumeRootInput{TargetPrincipal: acct, TaskPolicyArn: task, OrganizationAdmin: true}, "member account", false,
			"the target is a member account"},
		{"unknown task policy", sts.Caller{Principal: admin},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess", OrganizationAdmin: true}, "TaskPolicyArn", true,
			"only the five task policies scope a root session"},
		{"bad target", sts.Caller{Principal: admin},
			sts.AssumeRootInput{TargetPrincipal: "arn:aws:iam::" + otherAcct + ":user/x", TaskPolicyArn: task, OrganizationAdmin: true}, "TargetPrincipal", true,
			"the target is an account ID or a root ARN"},
		{"duration too long", sts.Caller{Principal: admin},
			sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: task, DurationSeconds: 901, OrganizationAdmin: true}, "DurationSeconds", true,
			"at most 900 seconds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.in.Time = at
			res, err := sts.AssumeRoot(tc.caller, tc.in)
			if tc.refused == "" {
				require.NoError(t, err, tc.why)
				r, ok := res.Principal.(*principal.Root)
				require.True(t, ok, tc.why)
				assert.True(t, r.AssumedRoot(), tc.why)
				assert.Equal(t, otherAcct, r.Account(), tc.why)
				assert.Equal(t, at.Add(900e9), res.Expiration, "default duration 900 s")
				require.Len(t, res.Policies.Session, 1, "the task policy is the session policy")
				return
			}
			require.Error(t, err, tc.why)
			if tc.invalid {
				assert.True(t, errors.Is(err, sts.ErrInvalidInput), tc.why)
			} else {
				var d *sts.DeniedError
				require.ErrorAs(t, err, &d, tc.why)
			}
			assert.Contains(t, err.Error()+explanationText(err), tc.refused, tc.why)
		})
	}
}

// TestAssumeRootSessionScope checks that the root session's later
// requests are limited by its task policy: S3UnlockBucketPolicy lets it
// delete a bucket policy, nothing else.
func TestAssumeRootSessionScope(t *testing.T) {
	t.Parallel()
	res, err := sts.AssumeRoot(sts.Caller{Principal: user(t, "admin", nil), Policies: iameval.PolicySet{
		Identity: []*policy.Policy{allow(t, policy.Identity, "assume-root", `"sts:AssumeRoot"`, `"*"`)}}},
		sts.AssumeRootInput{TargetPrincipal: otherAcct, TaskPolicyArn: "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy", OrganizationAdmin: true, Time: at})
	require.NoError(t, err)
	for action, want := range map[string]iameval.Decision{
		"s3:DeleteBucketPolicy": iameval.Allowed,
		"s3:GetObject":          iameval.ExplicitDeny,
	} {
		r, err := iameval.NewRequest(iameval.RequestInput{Principal: res.Principal, Action: action, Resource: "arn:aws:s3:::locked-bucket", ResourceAccount: otherAcct, Time: at})
		require.NoError(t, err)
		assert.Equal(t, want, iameval.Evaluate(&res.Policies, r), "%s: S3UnlockBucketPolicy denies every other action", action)
	}
}

// explanationText returns the reason of a *DeniedError's explanation.
func explanationText(err error) string {
	var d *sts.DeniedError
	if errors.As(err, &d) && d.Explanation != nil {
		return d.Explanation.Reason + " " + d.Explanation.Decision.String() + " " + d.Explanation.String()
	}
	return ""
}
