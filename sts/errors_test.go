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

func TestErrorMessages(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	roleARN := "arn:aws:iam::" + acct + ":role/Dev"
	tr := trust(t, "T", `{"AWS":"`+acct+`"}`, `"sts:AssumeRole"`, "")
	underlying := errors.New("boom")
	tests := []struct {
		name string
		err  func() error
		want string
		why  string
	}{
		{
			name: "policy refusal",
			err: func() error {
				_, err := sts.AssumeRole(sts.Caller{Principal: alice}, sts.Role{ARN: roleARN, TrustPolicy: tr}, sts.AssumeRoleInput{RoleSessionName: "alice", Time: at})
				return err
			},
			want: "arn:aws:iam::" + acct + ":user/alice is not authorized to perform sts:AssumeRole on " + roleARN + ": implicitDeny",
			why:  "AWS AccessDenied names the caller, action and resource",
		},
		{
			name: "refusal before policies",
			err: func() error {
				_, err := sts.AssumeRole(sts.Caller{Principal: root(t)}, sts.Role{ARN: roleARN, TrustPolicy: tr}, sts.AssumeRoleInput{RoleSessionName: "root", Time: at})
				return err
			},
			want: "arn:aws:iam::" + acct + ":root is not authorized to perform sts:AssumeRole on " + roleARN + ": implicitDeny: the root user cannot call sts:AssumeRole; STS refuses it before evaluating policies (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)",
			why:  "id_credentials_temp_request.md: implicitDeny with the reason",
		},
		{
			name: "input error",
			err: func() error {
				_, err := sts.GetFederationToken(sts.Caller{Principal: alice}, sts.GetFederationTokenInput{Name: "B"})
				return err
			},
			want: `Name: "B" must have 2 to 32 characters`,
			why:  "CONTRACTS: lower-case error text after the field",
		},
		{
			name: "input error without field",
			err:  func() error { return &sts.InputError{Msg: "bad"} },
			want: "bad",
			why:  "no empty prefix",
		},
		{
			name: "denied error without explanation",
			err:  func() error { return &sts.DeniedError{Action: "sts:AssumeRole", Resource: roleARN} },
			want: "caller is not authorized to perform sts:AssumeRole on " + roleARN + ": implicitDeny",
			why:  "a zero explanation still renders",
		},
		{
			name: "wrapped error",
			err:  func() error { return &sts.InputError{Field: "Caller", Msg: "boom", Err: underlying} },
			want: "Caller: boom",
			why:  "Err is for errors.Is, not the text",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.err()
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
	assert.ErrorIs(t, &sts.InputError{Field: "Caller", Msg: "boom", Err: underlying}, underlying)
	assert.ErrorIs(t, &sts.InputError{Field: "Caller", Msg: "boom", Err: underlying}, sts.ErrInvalidInput)
}

func TestDeniedErrorExplains(t *testing.T) {
	t.Parallel()
	// The refusal carries the engine's explanation: which statement denied.
	alice := user(t, "alice", nil)
	roleARN := "arn:aws:iam::" + acct + ":role/Dev"
	tr := trust(t, "T", `{"AWS":"arn:aws:iam::`+acct+`:user/alice"}`, `"sts:AssumeRole"`, "")
	boundary := parse(t, policy.PermissionsBoundary, "NoRoles", `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":"*","Resource":"*"},
		{"Sid":"NoAssume","Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}`)
	_, err := sts.AssumeRole(sts.Caller{Principal: alice, Policies: iameval.PolicySet{PermissionsBoundary: boundary}},
		sts.Role{ARN: roleARN, TrustPolicy: tr}, sts.AssumeRoleInput{RoleSessionName: "alice", Time: at})
	var de *sts.DeniedError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, iameval.ExplicitDeny, de.Explanation.Decision)
	require.Len(t, de.Explanation.Deciding, 1)
	assert.Equal(t, "NoAssume", de.Explanation.Deciding[0].Sid)
	assert.Equal(t, principal.KindIAMUser.String(), de.Explanation.Request.PrincipalType)
}
