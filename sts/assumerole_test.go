package sts_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

// trust returns a trust policy allowing the actions to the principal
// element, with an optional Condition element.
func trust(t testing.TB, id, principalJSON, actions, condition string) *policy.Policy {
	t.Helper()
	cond := ""
	if condition != "" {
		cond = `,"Condition":` + condition
	}
	return parse(t, policy.Resource, id, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":`+principalJSON+`,"Action":`+actions+cond+`}]}`)
}

func TestAssumeRoleAuthorization(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", map[string]string{"team": "blue"})
	updateAPP := "arn:aws:iam::" + otherAcct + ":role/UpdateAPP"
	updateApp := "arn:aws:iam::" + otherAcct + ":role/UpdateApp"
	allowUpdateAPP := allow(t, policy.Identity, "AssumeUpdateAPP", `"sts:AssumeRole"`, `"`+updateAPP+`"`)
	trustAcct := trust(t, "TrustAccount", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, "")
	trustOther := trust(t, "TrustOther", `{"AWS":"444455556666"}`, `"sts:AssumeRole"`, "")
	devARN := "arn:aws:iam::" + acct + ":role/Dev"
	trustAlice := trust(t, "TrustAlice", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `"sts:AssumeRole"`, "")
	trustAliceTags := trust(t, "TrustAliceTags", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `["sts:AssumeRole","sts:TagSession"]`, "")
	trustAliceSI := trust(t, "TrustAliceSI", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `["sts:AssumeRole","sts:SetSourceIdentity"]`,
		`{"StringEquals":{"sts:SourceIdentity":"alice"}}`)
	trustExternal := trust(t, "TrustExternal", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, `{"StringEquals":{"sts:ExternalId":"42"}}`)
	trustSessionName := trust(t, "TrustSessionName", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, `{"StringEquals":{"sts:RoleSessionName":"${aws:username}"}}`)
	trustMFA := trust(t, "TrustMFA", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, `{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`)
	trustRequestTag := trust(t, "TrustRequestTag", `{"AWS":"`+acct+`"}`, `["sts:AssumeRole","sts:TagSession"]`,
		`{"StringEquals":{"aws:RequestTag/team":"${aws:PrincipalTag/team}"}}`)
	trustTransitive := trust(t, "TrustTransitive", `{"AWS":"`+acct+`"}`, `["sts:AssumeRole","sts:TagSession"]`,
		`{"ForAllValues:StringEquals":{"sts:TransitiveTagKeys":["team"]}}`)
	trustResourceTag := trust(t, "TrustResourceTag", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, `{"StringEquals":{"iam:ResourceTag/env":"dev","aws:ResourceTag/env":"dev"}}`)
	assumeAny := allow(t, policy.Identity, "AssumeAny", `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, `"*"`)
	rcpDeny := [][]*policy.Policy{{parse(t, policy.RCP, "NoAssume", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}`)}}
	boundaryS3 := allow(t, policy.PermissionsBoundary, "BoundaryS3", `"s3:*"`, `"*"`)

	tests := []struct {
		name   string
		caller principal.Principal
		ps     iameval.PolicySet
		role   sts.Role
		in     sts.AssumeRoleInput
		want   wantOutcome
		why    string
	}{
		{
			name: "C7 cross-account, both sides allow", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{allowUpdateAPP}},
			role: sts.Role{ARN: updateAPP, TrustPolicy: trustAcct},
			why:  "id_credentials_temp_request.md; reference_policies_evaluation-logic.md cross-account",
		},
		{
			name: "C8 identity side missing", caller: alice,
			role: sts.Role{ARN: updateAPP, TrustPolicy: trustAcct},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "id_credentials_temp_request.md",
		},
		{
			name: "C9 trust side missing", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{allowUpdateAPP}},
			role: sts.Role{ARN: updateAPP, TrustPolicy: trustOther},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "id_credentials_temp_request.md",
		},
		{
			name: "C10 role spelled UpdateApp", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{allowUpdateAPP}},
			role: sts.Role{ARN: updateApp, TrustPolicy: trustAcct},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "id_credentials_temp_request.md: resource ARNs compare case-sensitively",
		},
		{
			name: "same account, trust names the user", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAlice},
			why:  "id_credentials_temp_request.md: a trust statement naming the caller's own ARN suffices",
		},
		{
			name: "same account, trust names the user, boundary lacks sts:AssumeRole", caller: alice, ps: iameval.PolicySet{PermissionsBoundary: boundaryS3},
			role: sts.Role{ARN: devARN, TrustPolicy: trustAlice},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "reference_policies_evaluation-logic.md role trust: the caller's boundary always applies",
		},
		{
			name: "same account, trust names the account, no identity allow", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAcct},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "id_credentials_temp_request.md: an account grant needs an identity-policy allow",
		},
		{
			name: "same account, trust names the account, identity allows", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustAcct},
			why:  "id_roles_use_permissions-to-switch.md: Resource * lets the user assume any role trusting its account",
		},
		{
			name: "RCP of the role's account denies", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAlice, Policies: iameval.PolicySet{RCP: rcpDeny}},
			want: wantOutcome{denied: "sts:AssumeRole", decision: iameval.ExplicitDeny},
			why:  "id_credentials_temp_request.md: RCPs of the role owner apply to the assume calls",
		},
		{
			name: "tags without sts:TagSession", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAlice},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"project": "x"}},
			want: wantOutcome{denied: "sts:TagSession"},
			why:  "id_credentials_temp_request.md: sts:TagSession when tags are passed",
		},
		{
			name: "tags with sts:TagSession", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAliceTags},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"project": "x"}},
			why:  "id_session-tags.md",
		},
		{
			name: "aws:RequestTag must equal the caller's tag", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustRequestTag},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"team": "blue"}},
			why:  "reference_policies_iam-condition-keys.md: aws:RequestTag/K and the caller's aws:PrincipalTag/K in the trust policy",
		},
		{
			name: "aws:RequestTag differs from the caller's tag", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustRequestTag},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"team": "red"}},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "the trust condition reads the passed tag",
		},
		{
			name: "sts:TransitiveTagKeys allowed", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustTransitive},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"team": "blue", "x": "1"}, TransitiveTagKeys: []string{"team"}},
			why:  "reference_policies_iam-condition-keys.md: sts:TransitiveTagKeys",
		},
		{
			name: "sts:TransitiveTagKeys outside the allowed set", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustTransitive},
			in:   sts.AssumeRoleInput{Tags: map[string]string{"team": "blue", "x": "1"}, TransitiveTagKeys: []string{"x"}},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "ForAllValues over sts:TransitiveTagKeys",
		},
		{
			name: "source identity without sts:SetSourceIdentity", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAlice},
			in:   sts.AssumeRoleInput{SourceIdentity: "alice"},
			want: wantOutcome{denied: "sts:SetSourceIdentity"},
			why:  "id_credentials_temp_control-access_monitor.md: setting a source identity needs sts:SetSourceIdentity",
		},
		{
			name: "source identity with sts:SetSourceIdentity", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAliceSI},
			in:   sts.AssumeRoleInput{SourceIdentity: "alice"},
			why:  "reference_policies_iam-condition-keys.md: sts:SourceIdentity in the trust policy",
		},
		{
			name: "trust requires a source identity", caller: alice,
			role: sts.Role{ARN: devARN, TrustPolicy: trustAliceSI},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "id_credentials_temp_control-access_monitor.md: requiring sts:SourceIdentity",
		},
		{
			name: "ExternalId matches", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustExternal},
			in:   sts.AssumeRoleInput{ExternalID: "42"},
			why:  "reference_policies_iam-condition-keys.md: sts:ExternalId",
		},
		{
			name: "ExternalId missing", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustExternal},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "StringEquals on an absent key is false",
		},
		{
			name: "RoleSessionName must be the user name", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustSessionName},
			in:   sts.AssumeRoleInput{RoleSessionName: "alice"},
			why:  "reference_policies_iam-condition-keys.md: sts:RoleSessionName",
		},
		{
			name: "RoleSessionName differs from the user name", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustSessionName},
			in:   sts.AssumeRoleInput{RoleSessionName: "bob"},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "reference_policies_iam-condition-keys.md: sts:RoleSessionName",
		},
		{
			name: "MFA required, none given", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustMFA},
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "reference_policies_iam-condition-keys.md: MFA keys only with MFA",
		},
		{
			name: "MFA required, given in the call", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustMFA},
			in:   sts.AssumeRoleInput{SerialNumber: "arn:aws:iam::" + acct + ":mfa/alice", TokenCode: "123456"},
			why:  "reference_policies_iam-condition-keys.md: AssumeRole with MFA",
		},
		{
			name: "MFA required, caller's credentials have MFA", caller: tempUser(t, true), ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustMFA},
			why:  "reference_policies_iam-condition-keys.md: the caller's own keys (GetSessionToken with MFA)",
		},
		{
			name: "role tags as resource tags", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{assumeAny}},
			role: sts.Role{ARN: devARN, TrustPolicy: trustResourceTag, Tags: map[string]string{"env": "dev"}},
			why:  "reference_policies_iam-condition-keys.md: iam:ResourceTag/K and aws:ResourceTag/K of the role",
		},
		{
			name: "root refused", caller: root(t),
			role: sts.Role{ARN: devARN, TrustPolicy: trustAcct},
			want: wantOutcome{denied: "sts:AssumeRole", reason: "root user cannot call sts:AssumeRole"},
			why:  "id_credentials_temp_request.md: root calling AssumeRole is refused before policy evaluation",
		},
		{
			name: "B10 federated user refused", caller: mustFederated(t, "Bob"),
			ps:   iameval.PolicySet{Identity: []*policy.Policy{assumeAny}, Session: []*policy.Policy{allow(t, policy.Session, "S", `"*"`, `"*"`)}},
			role: sts.Role{ARN: devARN, TrustPolicy: trust(t, "TrustAll", `"*"`, `"sts:AssumeRole"`, "")},
			want: wantOutcome{denied: "sts:AssumeRole", reason: "federated user"},
			why:  "reference_policies_variables.md: federated users call no STS action but GetCallerIdentity",
		},
		{
			name: "service principal refused", caller: mustService(t),
			role: sts.Role{ARN: devARN, TrustPolicy: trust(t, "TrustLambda", `{"Service":"lambda.amazonaws.com"}`, `"sts:AssumeRole"`, "")},
			want: wantOutcome{denied: "sts:AssumeRole", reason: "can be called only by"},
			why:  "id_credentials_temp_request.md: the caller is an IAM user or a role session; services are outside this model",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			if in.RoleSessionName == "" {
				in.RoleSessionName = "alice"
			}
			in.Time = at
			res, err := sts.AssumeRole(sts.Caller{Principal: tc.caller, Policies: tc.ps}, tc.role, in)
			checkOutcome(t, tc.want, res, err)
			if err == nil {
				s := res.Principal.(*principal.AssumedRole)
				assert.Equal(t, tc.role.ARN, s.RoleARN())
				assert.Equal(t, in.RoleSessionName, s.SessionName())
			}
		})
	}
}

func TestAssumeRoleInputErrors(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	devARN := "arn:aws:iam::" + acct + ":role/Dev"
	tr := trust(t, "Trust", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, "")
	role := sts.Role{ARN: devARN, TrustPolicy: tr}
	sp := allow(t, policy.Session, "SP", `"s3:*"`, `"*"`)
	tests := []struct {
		name  string
		role  sts.Role
		in    sts.AssumeRoleInput
		field string
		why   string
	}{
		{name: "session name too short", role: role, in: sts.AssumeRoleInput{RoleSessionName: "a"}, field: "RoleSessionName", why: "API_AssumeRole.html: 2-64 characters"},
		{name: "session name too long", role: role, in: sts.AssumeRoleInput{RoleSessionName: strings.Repeat("a", 65)}, field: "RoleSessionName", why: "API_AssumeRole.html: 2-64 characters"},
		{name: "session name with a space", role: role, in: sts.AssumeRoleInput{RoleSessionName: "a b"}, field: "RoleSessionName", why: `API_AssumeRole.html: [\w+=,.@-]`},
		{name: "external id too short", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", ExternalID: "4"}, field: "ExternalId", why: "STS API: ExternalId 2-1224 characters"},
		{name: "source identity with aws: prefix", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", SourceIdentity: "aws:x"}, field: "SourceIdentity", why: "STS API: SourceIdentity cannot begin with aws:"},
		{name: "transitive key names no tag", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", Tags: map[string]string{"a": "1"}, TransitiveTagKeys: []string{"b"}}, field: "TransitiveTagKeys", why: "id_session-tags.md: only session tags can be transitive"},
		{name: "transitive key repeated", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", Tags: map[string]string{"a": "1"}, TransitiveTagKeys: []string{"a", "A"}}, field: "TransitiveTagKeys", why: "keys compared ignoring case"},
		{name: "tag keys equal ignoring case", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", Tags: map[string]string{"team": "a", "Team": "b"}}, field: "Tags", why: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html: keys are compared ignoring case; principal.NewAssumedRole rejects them and the error names the Tags parameter"},
		{name: "tag value with a character outside the tag pattern", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", Tags: map[string]string{"team": "a;b"}}, field: "Tags", why: "https://docs.aws.amazon.com/STS/latest/APIReference/API_Tag.html: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"},
		{name: "token code without serial", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", TokenCode: "123456"}, field: "SerialNumber", why: "STS API: MFA needs both"},
		{name: "token code not six digits", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", SerialNumber: "arn:aws:iam::" + acct + ":mfa/alice", TokenCode: "12345a"}, field: "TokenCode", why: "STS API: TokenCode is six digits"},
		{name: "duration above the role maximum", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", DurationSeconds: 3601}, field: "DurationSeconds", why: "API_AssumeRole.html: up to the role's maximum session duration"},
		{name: "duration below 900", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", DurationSeconds: 600}, field: "DurationSeconds", why: "STS API: at least 900 seconds"},
		{name: "eleven managed policies", role: role, in: sts.AssumeRoleInput{RoleSessionName: "ab", ManagedPolicies: []*policy.Policy{sp, sp, sp, sp, sp, sp, sp, sp, sp, sp, sp}}, field: "PolicyArns", why: "API_AssumeRole.html: PolicyArns at most 10"},
		{name: "not a role ARN", role: sts.Role{ARN: "arn:aws:iam::" + acct + ":user/Dev", TrustPolicy: tr}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.ARN", why: "the resource of sts:AssumeRole is a role"},
		{name: "no trust policy", role: sts.Role{ARN: devARN}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.TrustPolicy", why: "every role has a trust policy"},
		{name: "trust policy of the wrong type", role: sts.Role{ARN: devARN, TrustPolicy: sp}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.TrustPolicy", why: "access_policies.md: a trust policy is resource-based"},
		{name: "role max session out of range", role: sts.Role{ARN: devARN, TrustPolicy: tr, MaxSessionDuration: 50000}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.MaxSessionDuration", why: "IAM: MaxSessionDuration 3600-43200"},
		{name: "role with session policies", role: sts.Role{ARN: devARN, TrustPolicy: tr, Policies: iameval.PolicySet{Session: []*policy.Policy{sp}}}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.Policies", why: "session policies come from the call"},
		{name: "role tag with aws: prefix", role: sts.Role{ARN: devARN, TrustPolicy: tr, Tags: map[string]string{"aws:x": "1"}}, in: sts.AssumeRoleInput{RoleSessionName: "ab"}, field: "Role.Tags", why: "id_tags.md: aws: is reserved"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.Time = at
			res, err := sts.AssumeRole(sts.Caller{Principal: alice}, tc.role, in)
			checkOutcome(t, wantOutcome{input: tc.field}, res, err)
		})
	}
}

func TestAssumeRoleChaining(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	devARN := "arn:aws:iam::" + acct + ":role/Dev"
	opsARN := "arn:aws:iam::" + acct + ":role/Ops"
	trustAlice := trust(t, "TrustAlice", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, "")
	devRole := sts.Role{ARN: devARN, ID: "AROAEXAMPLEDEV", TrustPolicy: trustAlice, Tags: map[string]string{"team": "role-team", "env": "dev"},
		Policies: iameval.PolicySet{Identity: []*policy.Policy{allow(t, policy.Identity, "DevAssume", `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, `"*"`)}}}
	first, err := sts.AssumeRole(sts.Caller{Principal: alice}, devRole, sts.AssumeRoleInput{
		RoleSessionName: "alice", Tags: map[string]string{"Project": "apollo", "cost": "7"}, TransitiveTagKeys: []string{"Project"},
		SourceIdentity: "alice", Time: at,
	})
	require.NoError(t, err)
	dev := first.Principal.(*principal.AssumedRole)
	if d := cmp.Diff(map[string]string{"team": "role-team", "env": "dev", "Project": "apollo", "cost": "7"}, dev.Tags()); d != "" {
		t.Errorf("session tags (-want +got):\n%s", d)
	}
	assert.Equal(t, map[string]string{"Project": "apollo"}, dev.TransitiveTags())
	assert.Len(t, first.Checks, 3, "AssumeRole, TagSession, SetSourceIdentity")
	caller := sts.Caller{Principal: dev, Policies: first.Policies}

	trustRole := trust(t, "TrustDev", `{"AWS":"`+devARN+`"}`, `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, "")
	trustNoSI := trust(t, "TrustDevNoSI", `{"AWS":"`+devARN+`"}`, `["sts:AssumeRole","sts:TagSession"]`, "")
	trustT6 := trust(t, "TrustProjectTag", `{"AWS":"`+devARN+`"}`, `["sts:AssumeRole","sts:SetSourceIdentity"]`, `{"StringEquals":{"aws:ResourceTag/project":"apollo"}}`)
	trustT6Own := trust(t, "TrustOwnProjectTag", `{"AWS":"`+devARN+`"}`, `["sts:AssumeRole","sts:SetSourceIdentity"]`, `{"StringEquals":{"aws:ResourceTag/project":"not-apollo"}}`)
	trustSI := trust(t, "TrustSourceIdentity", `{"AWS":"`+devARN+`"}`, `["sts:AssumeRole","sts:SetSourceIdentity"]`, `{"StringEquals":{"aws:SourceIdentity":"alice","sts:SourceIdentity":"alice"}}`)
	ops := func(tr *policy.Policy, tags map[string]string) sts.Role {
		return sts.Role{ARN: opsARN, ID: "AROAEXAMPLEOPS", TrustPolicy: tr, Tags: tags, MaxSessionDuration: 43200}
	}

	tests := []struct {
		name     string
		role     sts.Role
		in       sts.AssumeRoleInput
		want     wantOutcome
		wantTags map[string]string
		why      string
	}{
		{
			name: "inherits transitive tags and source identity", role: ops(trustRole, map[string]string{"PROJECT": "role-value", "tier": "1"}),
			wantTags: map[string]string{"Project": "apollo", "tier": "1"},
			why:      "id_session-tags.md: inherited transitive tags override role tags; id_credentials_temp_control-access_monitor.md: source identity survives",
		},
		{
			name: "adds its own session tags", role: ops(trustRole, nil), in: sts.AssumeRoleInput{Tags: map[string]string{"stage": "2"}},
			wantTags: map[string]string{"Project": "apollo", "stage": "2"},
			why:      "id_session-tags.md: role tags, overlaid by incoming transitive tags and this call's session tags",
		},
		{
			name: "T5 passing an inherited key fails", role: ops(trustRole, nil), in: sts.AssumeRoleInput{Tags: map[string]string{"project": "other"}},
			want: wantOutcome{input: "Tags"},
			why:  "id_session-tags.md: a tag whose key equals an inherited one makes the call fail",
		},
		{
			name: "inherited tag against the role's resource tag: a trust Allow on the inherited value applies", role: ops(trustT6, map[string]string{"project": "not-apollo"}),
			wantTags: map[string]string{"Project": "apollo"},
			why: "the inherited transitive tag overrides the role's tag of the same key, already while the trust policy decides " +
				"(https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining)",
		},
		{
			name: "inherited tag against the role's resource tag: a trust Allow on the role's value does not apply", role: ops(trustT6Own, map[string]string{"project": "not-apollo"}),
			want: wantOutcome{denied: "sts:AssumeRole"},
			why:  "the role's own value is overridden by the inherited one (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining)",
		},
		{
			name: "inherited tag equal to the role's resource tag", role: ops(trustT6, map[string]string{"PROJECT": "apollo"}),
			wantTags: map[string]string{"Project": "apollo"},
			why:      "the values agree, so the trust condition holds",
		},
		{
			name: "chained source identity needs sts:SetSourceIdentity", role: ops(trustNoSI, nil),
			want: wantOutcome{denied: "sts:SetSourceIdentity"},
			why:  "id_credentials_temp_control-access_monitor.md: a chained AssumeRole then needs sts:SetSourceIdentity in the target trust policy",
		},
		{
			name: "source identity seen by the next trust policy", role: ops(trustSI, nil),
			wantTags: map[string]string{"Project": "apollo"},
			why:      "id_credentials_temp_control-access_monitor.md: aws:SourceIdentity and sts:SourceIdentity carry the inherited value",
		},
		{
			name: "source identity cannot change", role: ops(trustRole, nil), in: sts.AssumeRoleInput{SourceIdentity: "mallory"},
			want: wantOutcome{input: "SourceIdentity"},
			why:  "id_credentials_temp_control-access_monitor.md: the value cannot be changed once set",
		},
		{
			name: "same source identity may be repeated", role: ops(trustRole, nil), in: sts.AssumeRoleInput{SourceIdentity: "alice"},
			wantTags: map[string]string{"Project": "apollo"},
			why:      "repeating the set value changes nothing",
		},
		{
			name: "chained session over one hour fails", role: ops(trustRole, nil), in: sts.AssumeRoleInput{DurationSeconds: 3601},
			want: wantOutcome{input: "DurationSeconds"},
			why:  "API_AssumeRole.html: a chained session lasts at most one hour; asking for more fails",
		},
		{
			name: "chained session of one hour", role: ops(trustRole, nil), in: sts.AssumeRoleInput{DurationSeconds: 3600},
			wantTags: map[string]string{"Project": "apollo"},
			why:      "API_AssumeRole.html",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.RoleSessionName = "alice-ops"
			in.Time = at
			res, err := sts.AssumeRole(caller, tc.role, in)
			checkOutcome(t, tc.want, res, err)
			if err != nil {
				return
			}
			s := res.Principal.(*principal.AssumedRole)
			assert.Equal(t, tc.wantTags, s.Tags())
			assert.Equal(t, "alice", s.SourceIdentity())
			assert.Equal(t, map[string]string{"Project": "apollo"}, s.TransitiveTags(), "transitive tags keep passing on")
		})
	}
}

func TestAssumeRoleResult(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	roleARN := "arn:aws:iam::" + acct + ":role/path/Dev"
	identity := []*policy.Policy{allow(t, policy.Identity, "DevS3", `["s3:GetObject","s3:PutObject"]`, `"*"`)}
	boundary := allow(t, policy.PermissionsBoundary, "DevBoundary", `"s3:*"`, `"*"`)
	scp := [][]*policy.Policy{{allow(t, policy.SCP, "FullAWSAccess", `"*"`, `"*"`)}}
	sp := allow(t, policy.Session, "ReadOnly", `"s3:GetObject"`, `"*"`)
	role := sts.Role{ARN: roleARN, ID: "AROAEXAMPLEDEV", TrustPolicy: trust(t, "T", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `"sts:AssumeRole"`, ""),
		MaxSessionDuration: 7200, Policies: iameval.PolicySet{Identity: identity, PermissionsBoundary: boundary, SCP: scp}}
	res, err := sts.AssumeRole(sts.Caller{Principal: alice}, role, sts.AssumeRoleInput{
		RoleSessionName: "alice", Policy: sp, DurationSeconds: 7200, SerialNumber: "GAHT12345678", TokenCode: "000000", Time: at,
	})
	require.NoError(t, err)
	assert.Equal(t, iameval.PolicySet{Identity: identity, Session: []*policy.Policy{sp}, PermissionsBoundary: boundary, SCP: scp}, res.Policies)
	assert.Equal(t, at.Add(2*time.Hour), res.Expiration)
	s := res.Principal.(*principal.AssumedRole)
	assert.Equal(t, "arn:aws:sts::"+acct+":assumed-role/Dev/alice", s.ARN(), "API_AssumeRole.html: session ARN without path")
	got := contextOf(s.Context())
	assert.Equal(t, roleARN, got["aws:principalarn"], "API_AssumeRole.html: aws:PrincipalArn = role ARN")
	assert.Equal(t, "AROAEXAMPLEDEV:alice", got["aws:userid"])
	assert.Equal(t, "true", got["aws:multifactorauthpresent"], "MFA given in the call")
	assert.Equal(t, "2024-05-01T12:00:00Z", got["aws:tokenissuetime"])

	obj := "arn:aws:s3:::b/k"
	assert.Equal(t, iameval.Allowed, decide(t, res, "s3:GetObject", obj, iameval.PolicySet{}), "role identity ∩ session policy")
	assert.Equal(t, iameval.ImplicitDeny, decide(t, res, "s3:PutObject", obj, iameval.PolicySet{}), "the session policy limits the role")
	assert.Equal(t, iameval.ImplicitDeny, decide(t, res, "sqs:SendMessage", "*", iameval.PolicySet{}), "the caller's policies play no part")
}

// mustService returns the Lambda service principal.
func mustService(t testing.TB) *principal.Service {
	t.Helper()
	s, err := principal.NewService("lambda.amazonaws.com")
	require.NoError(t, err)
	return s
}

func TestAssumeRoleChainingFromFederatedSessions(t *testing.T) {
	t.Parallel()
	// id_session-tags.md, id_credentials_temp_control-access_monitor.md: web identity and SAML sessions pass their transitive
	// tags and source identity on to the roles they assume next.
	webTrust := trust(t, "WebTrust", `{"Federated":"accounts.google.com"}`, `["sts:AssumeRoleWithWebIdentity","sts:TagSession","sts:SetSourceIdentity"]`, "")
	samlTrust := trust(t, "SAMLTrust", `{"Federated":"`+samlIdP+`"}`, `["sts:AssumeRoleWithSAML","sts:TagSession","sts:SetSourceIdentity"]`, "")
	assumeAll := allow(t, policy.Identity, "AssumeAll", `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, `"*"`)

	web, err := sts.AssumeRoleWithWebIdentity(
		sts.Role{ARN: "arn:aws:iam::" + acct + ":role/Web", TrustPolicy: webTrust, Policies: iameval.PolicySet{Identity: []*policy.Policy{assumeAll}}},
		sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "web", Time: at, Token: sts.WebIdentityToken{
			Provider:       "accounts.google.com",
			Claims:         map[string]condition.Value{"sub": condition.StringValue("1234"), "aud": condition.StringValue("client")},
			Tags:           principal.TagsClaim{PrincipalTags: map[string][]string{"Team": {"blue"}, "Cost": {"7"}}, TransitiveTagKeys: []string{"Team"}},
			SourceIdentity: "user1",
		}})
	require.NoError(t, err)
	saml, err := sts.AssumeRoleWithSAML(
		sts.Role{ARN: ssoARN, TrustPolicy: samlTrust, Policies: iameval.PolicySet{Identity: []*policy.Policy{assumeAll}}},
		sts.AssumeRoleWithSAMLInput{ProviderARN: samlIdP, Time: at, Assertion: assertion(map[string]*condition.Value{
			principal.AttributePrincipalTag + "Team": val("blue"),
			principal.AttributePrincipalTag + "Cost": val("7"),
			principal.AttributeTransitiveTagKeys:     val("Team"),
			principal.AttributeSourceIdentity:        val("user1"),
		})})
	require.NoError(t, err)

	for name, first := range map[string]*sts.Result{"web identity": web, "SAML": saml} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tr := trust(t, "NextTrust", `{"AWS":"`+acct+`"}`, `["sts:AssumeRole","sts:SetSourceIdentity"]`,
				`{"StringEquals":{"aws:PrincipalTag/Team":"blue","sts:SourceIdentity":"user1"}}`)
			res, err := sts.AssumeRole(sts.Caller{Principal: first.Principal, Policies: first.Policies},
				sts.Role{ARN: "arn:aws:iam::" + acct + ":role/Next", TrustPolicy: tr}, sts.AssumeRoleInput{RoleSessionName: "next", Time: at})
			require.NoError(t, err)
			s := res.Principal.(*principal.AssumedRole)
			assert.Equal(t, map[string]string{"Team": "blue"}, s.Tags(), "only the transitive tag passes on")
			assert.Equal(t, "user1", s.SourceIdentity())
			_, err = sts.AssumeRole(sts.Caller{Principal: first.Principal, Policies: first.Policies},
				sts.Role{ARN: "arn:aws:iam::" + acct + ":role/Next", TrustPolicy: tr},
				sts.AssumeRoleInput{RoleSessionName: "next", Tags: map[string]string{"TEAM": "red"}, Time: at})
			var ie *sts.InputError
			require.ErrorAs(t, err, &ie, "id_session-tags.md")
			assert.Equal(t, "Tags", ie.Field)
		})
	}
}
