package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/principal"
)

// TestAssumeRoot pins centralized root access
// (id_root-user-privileged-task.md): the sts:AssumeRoot call and the root
// session it creates.
func TestAssumeRoot(t *testing.T) {
	t.Parallel()
	rootSession := must(principal.NewRoot(principal.RootInput{Account: acctB, AssumedRoot: true}))
	// denyOnlyTask is shaped like AWS's task policies: Deny statements only.
	denyOnlyTask := stmt(`"Effect":"Deny","NotAction":"s3:DeleteBucketPolicy","Resource":"*"`)
	memberRoot := "arn:aws:iam::" + acctB + ":root"
	tests := []struct {
		name     string
		who      principal.Principal
		action   string
		resource string
		set      docs
		want     Decision
		reason   string // substring of Explanation.Reason, when fixed
		why      string
	}{
		{"AssumeRoot needs no member resource policy", alice, "sts:AssumeRoot", memberRoot, docs{identity: []string{allow("sts:AssumeRoot", "*")}}, Allowed, "",
			"the member account has no resource policy to consult"},
		{"AssumeRoot needs the identity grant", alice, "sts:AssumeRoot", memberRoot, docs{}, ImplicitDeny, "",
			"sts:AssumeRoot must be explicitly granted"},
		{"AssumeRoot limited by the boundary", alice, "sts:AssumeRoot", memberRoot, docs{identity: []string{allow("sts:AssumeRoot", "*")}, boundary: allow("s3:*", "*")}, ImplicitDeny, "",
			"the caller's boundary limits it as any identity grant"},
		{"AssumeRoot by a role session", devAlice, "sts:AssumeRoot", memberRoot, docs{identity: []string{allow("sts:AssumeRoot", "*")}}, Allowed, "",
			"an IAM user or role may call it"},
		{"AssumeRoot by root credentials", rootA, "sts:AssumeRoot", memberRoot, docs{}, ImplicitDeny, "root user credentials cannot call",
			"you cannot use root user credentials to call sts:AssumeRoot"},
		{"AssumeRoot by a federated user", fedBob, "sts:AssumeRoot", memberRoot, docs{identity: []string{allow("*", "*")}}, ImplicitDeny, "not by a FederatedUser",
			"only IAM users and roles"},
		{"AssumeRoot on a role", alice, "sts:AssumeRoot", "arn:aws:iam::" + acctB + ":role/Admin", docs{identity: []string{allow("*", "*")}}, ImplicitDeny, "root user ARN",
			"the target is a member account's root user"},
		{"root session within its task policy", rootSession, "s3:DeleteBucketPolicy", "arn:aws:s3:::b", docs{session: []string{denyOnlyTask}}, Allowed, "",
			"a deny-only task policy leaves the root user's default access for its actions"},
		{"root session outside its task policy", rootSession, "s3:GetObject", "arn:aws:s3:::b/k", docs{session: []string{denyOnlyTask}}, ExplicitDeny, "",
			"the task policy denies every other action"},
		{"root session with an allow-list session policy", rootSession, "s3:GetObject", "arn:aws:s3:::b/k", docs{session: []string{allow("s3:DeleteBucketPolicy", "*")}}, ImplicitDeny, "",
			"a session policy with Allow statements must allow, as for any session"},
		{"root session without task policy", rootSession, "s3:GetObject", "arn:aws:s3:::b/k", docs{}, ImplicitDeny, "task policy",
			"AWS creates no root session without a task policy: fail closed"},
		{"root session cannot mint GetSessionToken credentials", rootSession, "sts:GetSessionToken", "*", docs{session: []string{denyOnlyTask}}, ExplicitDeny, "",
			"the task policy scopes the session; the root user's unconditional GetSessionToken does not apply to it"},
		{"root session may still call GetCallerIdentity", rootSession, "sts:GetCallerIdentity", "*", docs{session: []string{denyOnlyTask}}, Allowed, "",
			"sts:GetCallerIdentity needs no permission and cannot be denied (id_credentials_temp_request.md)"},
		{"root user unaffected", rootB, "s3:GetObject", "arn:aws:s3:::b/k", docs{session: []string{denyOnlyTask}}, Allowed, "",
			"an ordinary root user has no session policies"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := NewRequest(RequestInput{Principal: tc.who, Action: tc.action, Resource: tc.resource, ResourceAccount: acctB, Time: fixedTime})
			require.NoError(t, err)
			ps := tc.set.build(t)
			x := Explain(ps, r)
			assert.Equal(t, tc.want, x.Decision, tc.why)
			assert.Equal(t, x.Decision, Evaluate(ps, r), "Evaluate and Explain agree")
			if tc.reason != "" {
				assert.Contains(t, x.Reason, tc.reason, tc.why)
			}
		})
	}
}
