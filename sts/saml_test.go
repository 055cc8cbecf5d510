package sts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

const (
	ssoARN       = "arn:aws:iam::" + acct + ":role/SSO"
	samlIdP      = "arn:aws:iam::" + acct + ":saml-provider/Corp"
	samlAudience = "https://signin.aws.amazon.com/saml"
)

// assertion returns the attributes of an assertion for alice, with extra
// attributes added (a nil value removes one).
func assertion(extra map[string]*condition.Value) map[string]condition.Value {
	a := map[string]condition.Value{
		principal.AttributeRole:            condition.ListValue(ssoARN + "," + samlIdP),
		principal.AttributeRoleSessionName: condition.StringValue("alice@corp.example"),
		"sub":                              condition.StringValue("alice"),
		"sub_type":                         condition.StringValue("persistent"),
		"aud":                              condition.StringValue(samlAudience),
		"iss":                              condition.StringValue("https://idp.corp.example"),
	}
	for k, v := range extra {
		if v == nil {
			delete(a, k)
			continue
		}
		a[k] = *v
	}
	return a
}

// val returns a pointer to a single-valued Value.
func val(s ...string) *condition.Value {
	v := condition.ListValue(s...)
	if len(s) == 1 {
		v = condition.StringValue(s[0])
	}
	return &v
}

func TestAssumeRoleWithSAML(t *testing.T) {
	t.Parallel()
	fed := `{"Federated":"` + samlIdP + `"}`
	plain := trust(t, "SSOTrust", fed, `"sts:AssumeRoleWithSAML"`, `{"StringEquals":{"SAML:aud":"`+samlAudience+`"}}`)
	tagging := trust(t, "SSOTrustTags", fed, `["sts:AssumeRoleWithSAML","sts:TagSession","sts:SetSourceIdentity"]`,
		`{"StringEquals":{"SAML:aud":"`+samlAudience+`","aws:RequestTag/Department":"eng"}}`)
	otherIdP := trust(t, "OtherIdP", `{"Federated":"arn:aws:iam::`+acct+`:saml-provider/Other"}`, `"sts:AssumeRoleWithSAML"`, "")
	tag := map[string]*condition.Value{principal.AttributePrincipalTag + "Department": val("eng")}
	si := map[string]*condition.Value{principal.AttributeSourceIdentity: val("alice")}

	tests := []struct {
		name  string
		trust *policy.Policy
		attrs map[string]condition.Value
		want  wantOutcome
		why   string
	}{
		{name: "trust on SAML:aud", trust: plain, attrs: assertion(nil), why: "API_AssumeRoleWithSAML.html: Federated saml-provider + saml:aud (key names ignore case)"},
		{name: "other provider", trust: otherIdP, attrs: assertion(nil), want: wantOutcome{denied: "sts:AssumeRoleWithSAML"}, why: "reference_policies_elements_principal.md: the provider ARN must match"},
		{name: "PrincipalTag needs sts:TagSession", trust: plain, attrs: assertion(tag), want: wantOutcome{denied: "sts:TagSession"}, why: "id_credentials_temp_request.md, API_AssumeRoleWithSAML.html"},
		{name: "PrincipalTag with sts:TagSession", trust: tagging, attrs: assertion(tag), why: "API_AssumeRoleWithSAML.html: PrincipalTag attributes become aws:RequestTag/K"},
		{name: "SourceIdentity needs sts:SetSourceIdentity", trust: plain, attrs: assertion(si), want: wantOutcome{denied: "sts:SetSourceIdentity"}, why: "API_AssumeRoleWithSAML.html, id_credentials_temp_control-access_monitor.md"},
		{name: "missing Role attribute", trust: plain, attrs: assertion(map[string]*condition.Value{principal.AttributeRole: nil}), want: wantOutcome{input: "SAMLAssertion"}, why: "API_AssumeRoleWithSAML.html: Role pairs role and provider"},
		{name: "Role attribute for another role", trust: plain, attrs: assertion(map[string]*condition.Value{principal.AttributeRole: val("arn:aws:iam::" + acct + ":role/Other," + samlIdP)}), want: wantOutcome{input: "SAMLAssertion"}, why: "API_AssumeRoleWithSAML.html"},
		{name: "missing RoleSessionName", trust: plain, attrs: assertion(map[string]*condition.Value{principal.AttributeRoleSessionName: nil}), want: wantOutcome{input: "SAMLAssertion"}, why: "API_AssumeRoleWithSAML.html: session name from RoleSessionName"},
		{name: "session tag with two values", trust: tagging, attrs: assertion(map[string]*condition.Value{principal.AttributePrincipalTag + "Team": val("a", "b")}), want: wantOutcome{input: "SAMLAssertion"}, why: "id_session-tags.md: one value per key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			role := sts.Role{ARN: ssoARN, ID: "AROAEXAMPLESSO", TrustPolicy: tc.trust, Tags: map[string]string{"Department": "ops"}}
			res, err := sts.AssumeRoleWithSAML(role, sts.AssumeRoleWithSAMLInput{ProviderARN: samlIdP, Assertion: tc.attrs, Time: at})
			checkOutcome(t, tc.want, res, err)
			if err == nil {
				s := res.Principal.(*principal.SAML)
				assert.Equal(t, "arn:aws:sts::"+acct+":assumed-role/SSO/alice@corp.example", s.ARN())
			}
		})
	}
}

func TestAssumeRoleWithSAMLSession(t *testing.T) {
	t.Parallel()
	tr := trust(t, "SSOTrust", `{"Federated":"`+samlIdP+`"}`, `["sts:AssumeRoleWithSAML","sts:TagSession"]`, "")
	byDept := parse(t, policy.Identity, "ByDepartment", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
		"Resource":"arn:aws:s3:::docs/${aws:PrincipalTag/Department}/${saml:sub}/*"}]}`)
	sp := allow(t, policy.Session, "OnlyGet", `"s3:GetObject"`, `"*"`)
	role := sts.Role{ARN: ssoARN, ID: "AROAEXAMPLESSO", TrustPolicy: tr, Tags: map[string]string{"Department": "ops"}, Policies: iameval.PolicySet{Identity: []*policy.Policy{byDept}}}
	res, err := sts.AssumeRoleWithSAML(role, sts.AssumeRoleWithSAMLInput{ProviderARN: samlIdP, Policy: sp, Time: at,
		Assertion: assertion(map[string]*condition.Value{principal.AttributePrincipalTag + "department": val("eng")})})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"department": "eng"}, res.Principal.(*principal.SAML).Tags(), "id_session-tags.md: the session tag replaces the role tag ignoring case")
	assert.Equal(t, iameval.Allowed, decide(t, res, "s3:GetObject", "arn:aws:s3:::docs/eng/alice/x", iameval.PolicySet{}), "saml:sub persists; the session tag is a principal tag")
	assert.Equal(t, iameval.ImplicitDeny, decide(t, res, "s3:GetObject", "arn:aws:s3:::docs/ops/alice/x", iameval.PolicySet{}), "the role tag was replaced")
	assert.Equal(t, []*policy.Policy{sp}, res.Policies.Session)
}
