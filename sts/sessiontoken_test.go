package sts_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

func TestGetSessionToken(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", map[string]string{"team": "blue"})
	denyGST := deny(t, policy.Identity, "DenyGST", `"sts:GetSessionToken"`, `"*"`)
	mfa := sts.GetSessionTokenInput{SerialNumber: "arn:aws:iam::" + acct + ":mfa/alice", TokenCode: "123456"}
	tests := []struct {
		name     string
		caller   principal.Principal
		ps       iameval.PolicySet
		in       sts.GetSessionTokenInput
		want     wantOutcome
		wantKeys map[string]string
		wantLife time.Duration
		why      string
	}{
		{
			name: "C1 no policies", caller: alice,
			wantKeys: map[string]string{"aws:multifactorauthpresent": "false", "aws:tokenissuetime": "2024-05-01T12:00:00Z", "aws:username": "alice", "aws:principaltag/team": "blue"},
			wantLife: 12 * time.Hour,
			why:      "id_credentials_temp_request.md: no permission needed; default 43200 seconds",
		},
		{
			name: "explicit deny has no effect", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{denyGST}},
			wantKeys: map[string]string{"aws:multifactorauthpresent": "false"},
			wantLife: 12 * time.Hour,
			why:      "id_credentials_temp_request.md: policies cannot prevent GetSessionToken",
		},
		{
			name: "with MFA", caller: alice, in: mfa,
			wantKeys: map[string]string{"aws:multifactorauthpresent": "true", "aws:multifactorauthage": "0"},
			wantLife: 12 * time.Hour,
			why:      "API_GetSessionToken.html: aws:MultiFactorAuthPresent true, aws:MultiFactorAuthAge with MFA",
		},
		{
			name: "root default is one hour", caller: root(t),
			wantKeys: map[string]string{"aws:principalarn": "arn:aws:iam::" + acct + ":root", "aws:multifactorauthpresent": "false"},
			wantLife: time.Hour,
			why:      "API_GetSessionToken.html: root at most 3600 seconds",
		},
		{
			name: "explicit duration", caller: alice, in: sts.GetSessionTokenInput{DurationSeconds: 900},
			wantKeys: map[string]string{"aws:multifactorauthpresent": "false"},
			wantLife: 15 * time.Minute,
			why:      "API_GetSessionToken.html: 900 is the minimum",
		},
		{name: "role session refused", caller: mustSession(t, "Dev", nil), want: wantOutcome{denied: "sts:GetSessionToken", reason: "role session"}, why: "API_AssumeRole.html, id_credentials_temp_request.md"},
		{name: "federated user refused", caller: mustFederated(t, "Bob"), want: wantOutcome{denied: "sts:GetSessionToken", reason: "federated user"}, why: "API_GetFederationToken.html"},
		{name: "GetSessionToken credentials refused", caller: tempUser(t, true), want: wantOutcome{denied: "sts:GetSessionToken", reason: "GetSessionToken credentials"}, why: "API_GetSessionToken.html: STS only AssumeRole and GetCallerIdentity"},
		{name: "duration too long", caller: alice, in: sts.GetSessionTokenInput{DurationSeconds: 129601}, want: wantOutcome{input: "DurationSeconds"}, why: "API_GetSessionToken.html: 900-129600"},
		{name: "serial without code", caller: alice, in: sts.GetSessionTokenInput{SerialNumber: "GAHT12345678"}, want: wantOutcome{input: "TokenCode"}, why: "STS API: MFA needs both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.Time = at
			res, err := sts.GetSessionToken(sts.Caller{Principal: tc.caller, Policies: tc.ps}, in)
			checkOutcome(t, tc.want, res, err)
			if err != nil {
				return
			}
			assert.Equal(t, tc.caller.Kind(), res.Principal.Kind())
			assert.Equal(t, tc.caller.ARN(), res.Principal.ARN(), "API_GetSessionToken.html: the same principal")
			got := contextOf(res.Principal.Context())
			for k, v := range tc.wantKeys {
				assert.Equal(t, v, got[k], "key %s", k)
			}
			assert.Equal(t, tc.wantLife, res.Expiration.Sub(res.IssueTime))
			assert.Equal(t, tc.ps.Identity, res.Policies.Identity, "permissions unchanged")
			assert.Equal(t, iameval.Allowed, res.Checks[0].Decision)
			assert.NotEmpty(t, res.Checks[0].Reason, "the engine says why no policy was read")
		})
	}
}

func TestGetSessionTokenThenAssumeRole(t *testing.T) {
	t.Parallel()
	// API_GetSessionToken.html: GetSessionToken credentials may still call AssumeRole, and
	// MFA given to GetSessionToken satisfies a trust policy requiring MFA.
	alice := user(t, "alice", nil)
	gst, err := sts.GetSessionToken(sts.Caller{Principal: alice}, sts.GetSessionTokenInput{SerialNumber: "GAHT12345678", TokenCode: "654321", Time: at})
	require.NoError(t, err)
	tr := trust(t, "TrustMFA", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `"sts:AssumeRole"`, `{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`)
	res, err := sts.AssumeRole(sts.Caller{Principal: gst.Principal, Policies: gst.Policies},
		sts.Role{ARN: "arn:aws:iam::" + acct + ":role/Admin", TrustPolicy: tr}, sts.AssumeRoleInput{RoleSessionName: "alice", Time: at})
	require.NoError(t, err)
	assert.True(t, res.Principal.(*principal.AssumedRole).Credentials().MFA, "the caller's MFA carries into the role session")
}
