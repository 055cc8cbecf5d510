package sts_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

const webAppARN = "arn:aws:iam::" + acct + ":role/WebApp"

// token returns a token of idp.example.com for sub, with an Email session
// tag when email is not "".
func token(sub, email string) sts.WebIdentityToken {
	tok := sts.WebIdentityToken{
		Provider: "idp.example.com",
		Claims:   map[string]condition.Value{"sub": condition.StringValue(sub), "aud": condition.StringValue("app-client")},
	}
	if email != "" {
		tok.Tags = principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {email}}}
	}
	return tok
}

func TestAssumeRoleWithWebIdentity(t *testing.T) {
	t.Parallel()
	fed := `{"Federated":"arn:aws:iam::` + acct + `:oidc-provider/idp.example.com"}`
	corrected := trust(t, "WebAppTrust", fed, `["sts:AssumeRoleWithWebIdentity","sts:TagSession"]`, `{"StringEquals":{"idp.example.com:aud":"app-client"}}`)
	original := trust(t, "OriginalTrust", fed, `"sts:AssumeRoleWithWebIdentity"`, `{"StringEquals":{"idp.example.com:sub":"SUB1"}}`)
	withSI := trust(t, "TrustSI", fed, `["sts:AssumeRoleWithWebIdentity","sts:SetSourceIdentity"]`, `{"StringEquals":{"sts:SourceIdentity":"user1"}}`)
	tagRule := trust(t, "TrustTagRule", fed, `["sts:AssumeRoleWithWebIdentity","sts:TagSession"]`, `{"StringLike":{"aws:RequestTag/Email":"*@example.com"}}`)
	awsPrincipal := trust(t, "TrustAccount", `{"AWS":"`+acct+`"}`, `["sts:AssumeRoleWithWebIdentity","sts:TagSession"]`, "")
	rcpDeny := [][]*policy.Policy{{parse(t, policy.RCP, "NoWeb", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRoleWithWebIdentity","Resource":"*"}]}`)}}

	siToken := token("SUB1", "")
	siToken.SourceIdentity = "user1"
	tests := []struct {
		name  string
		trust *policy.Policy
		rcp   [][]*policy.Policy
		tok   sts.WebIdentityToken
		want  wantOutcome
		why   string
	}{
		{name: "A11 corrected trust, user1 with tags", trust: corrected, tok: token("SUB1", "user1@example.com"), why: "id_session-tags.md: Federated principal + :aud"},
		{name: "A11 corrected trust, user2", trust: corrected, tok: token("SUB2", "user2@example.com"), why: "id_session-tags.md: one trust policy admits every user of the app"},
		{name: "A9 one sub admits one user", trust: original, tok: token("SUB2", ""), want: wantOutcome{denied: "sts:AssumeRoleWithWebIdentity"}, why: "id_session-tags.md"},
		{name: "original trust admits SUB1 without tags", trust: original, tok: token("SUB1", ""), why: "id_session-tags.md: the condition matches SUB1"},
		{name: "A10 tagged token without sts:TagSession", trust: original, tok: token("SUB1", "user1@example.com"), want: wantOutcome{denied: "sts:TagSession"}, why: "id_session-tags.md, API_AssumeRoleWithWebIdentity.html: tagged tokens need sts:TagSession"},
		{name: "source identity claim needs sts:SetSourceIdentity", trust: corrected, tok: func() sts.WebIdentityToken { x := token("SUB1", ""); x.SourceIdentity = "user1"; return x }(), want: wantOutcome{denied: "sts:SetSourceIdentity"}, why: "API_AssumeRoleWithWebIdentity.html, id_credentials_temp_control-access_monitor.md"},
		{name: "source identity claim allowed", trust: withSI, tok: siToken, why: "API_AssumeRoleWithWebIdentity.html: sts:SourceIdentity from the claim"},
		{name: "aws:RequestTag from the tags claim", trust: tagRule, tok: token("SUB1", "user1@example.com"), why: "API_AssumeRoleWithWebIdentity.html: aws:RequestTag/K from principal_tags"},
		{name: "aws:RequestTag from the tags claim, other domain", trust: tagRule, tok: token("SUB1", "user1@other.example"), want: wantOutcome{denied: "sts:AssumeRoleWithWebIdentity"}, why: "API_AssumeRoleWithWebIdentity.html"},
		{name: "an AWS principal entry does not admit the token holder", trust: awsPrincipal, tok: token("SUB1", ""), want: wantOutcome{denied: "sts:AssumeRoleWithWebIdentity"}, why: "reference_policies_elements_principal.md: the IdP appears only as Federated"},
		{name: "RCP of the role's account denies", trust: corrected, rcp: rcpDeny, tok: token("SUB1", ""), want: wantOutcome{denied: "sts:AssumeRoleWithWebIdentity", decision: iameval.ExplicitDeny}, why: "id_credentials_temp_request.md: RCPs apply to the assume calls"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			role := sts.Role{ARN: webAppARN, ID: "AROAEXAMPLEWEB", TrustPolicy: tc.trust, Policies: iameval.PolicySet{RCP: tc.rcp}}
			res, err := sts.AssumeRoleWithWebIdentity(role, sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "user1", Token: tc.tok, Time: at})
			checkOutcome(t, tc.want, res, err)
			if err == nil {
				w := res.Principal.(*principal.WebIdentity)
				assert.Equal(t, "arn:aws:iam::"+acct+":oidc-provider/idp.example.com", w.Provider())
				assert.True(t, res.Checks[0].Request.Unsigned, "the engine decides an unsigned call")
			}
		})
	}
}

func TestAssumeRoleWithWebIdentitySession(t *testing.T) {
	t.Parallel()
	fed := `{"Federated":"arn:aws:iam::` + acct + `:oidc-provider/idp.example.com"}`
	corrected := trust(t, "WebAppTrust", fed, `["sts:AssumeRoleWithWebIdentity","sts:TagSession"]`, `{"StringEquals":{"idp.example.com:aud":"app-client"}}`)
	perEmail := parse(t, policy.Identity, "PerEmail", `{"Version":"2012-10-17","Statement":[
		{"Sid":"User1","Effect":"Allow","Action":["ec2:CreateVpc","ec2:DescribeVpcs"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Email":"user1@example.com"}}},
		{"Sid":"User2","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Email":"user2@example.com"}}}]}`)
	perRequestTag := parse(t, policy.Identity, "PerRequestTag", `{"Version":"2012-10-17","Statement":[
		{"Sid":"User1","Effect":"Allow","Action":["ec2:CreateVpc","ec2:DescribeVpcs"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/Email":"user1@example.com"}}}]}`)
	perSub := allow(t, policy.Identity, "PerSub", `"s3:GetObject"`, `"arn:aws:s3:::app-data/${idp.example.com:sub}/*"`)
	perEmailPath := allow(t, policy.Identity, "PerEmailPath", `"s3:GetObject"`, `"arn:aws:s3:::app-data/${aws:PrincipalTag/Email}/*"`)
	role := func(p *policy.Policy) sts.Role {
		return sts.Role{ARN: webAppARN, ID: "AROAEXAMPLEWEB", TrustPolicy: corrected, Policies: iameval.PolicySet{Identity: []*policy.Policy{p}}}
	}

	tests := []struct {
		name     string
		policy   *policy.Policy
		tok      sts.WebIdentityToken
		action   string
		resource string
		context  []string
		want     iameval.Decision
		why      string
	}{
		{name: "A1", policy: perEmail, tok: token("SUB1", "user1@example.com"), action: "ec2:CreateVpc", resource: "*", want: iameval.Allowed, why: "id_session-tags.md: token tag → aws:PrincipalTag/Email"},
		{name: "A2", policy: perEmail, tok: token("SUB1", "user1@example.com"), action: "ec2:DescribeVpcs", resource: "*", want: iameval.Allowed, why: "id_session-tags.md"},
		{name: "A3", policy: perEmail, tok: token("SUB2", "user2@example.com"), action: "ec2:DescribeVpcs", resource: "*", want: iameval.Allowed, why: "id_session-tags.md"},
		{name: "A4", policy: perEmail, tok: token("SUB2", "user2@example.com"), action: "ec2:CreateVpc", resource: "*", want: iameval.ImplicitDeny, why: "id_session-tags.md: no statement for user2"},
		{name: "A5", policy: perEmail, tok: token("SUB3", ""), action: "ec2:DescribeVpcs", resource: "*", want: iameval.ImplicitDeny, why: "id_session-tags.md: tag absent"},
		{name: "A6", policy: perEmail, tok: token("SUB1", "USER1@example.com"), action: "ec2:CreateVpc", resource: "*", want: iameval.ImplicitDeny, why: "id_session-tags.md: values case-sensitive"},
		{name: "A7", policy: perRequestTag, tok: token("SUB1", "user1@example.com"), action: "ec2:DescribeVpcs", resource: "*", want: iameval.ImplicitDeny, why: "id_session-tags.md: the request carries no tags"},
		{name: "A8", policy: perRequestTag, tok: token("SUB2", "user2@example.com"), action: "ec2:CreateVpc", resource: "*", context: []string{"aws:RequestTag/Email", "user1@example.com"}, want: iameval.Allowed, why: "id_session-tags.md: request tags are caller-controlled"},
		{name: "A12", policy: perSub, tok: token("SUB1", ""), action: "s3:GetObject", resource: "arn:aws:s3:::app-data/SUB1/x", want: iameval.Allowed, why: "id_session-tags.md: ${idp.example.com:sub} persists"},
		{name: "A14", policy: perEmailPath, tok: token("SUB1", "user1@example.com"), action: "s3:GetObject", resource: "arn:aws:s3:::app-data/user1@example.com/x", want: iameval.Allowed, why: "id_session-tags.md: ${aws:PrincipalTag/Email}"},
		{name: "A13", policy: perSub, tok: token("SUB1", ""), action: "s3:GetObject", resource: "arn:aws:s3:::app-data/SUB2/x", want: iameval.ImplicitDeny, why: "id_session-tags.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := sts.AssumeRoleWithWebIdentity(role(tc.policy), sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "web", Token: tc.tok, Time: at})
			require.NoError(t, err)
			assert.Equal(t, tc.want, decide(t, res, tc.action, tc.resource, iameval.PolicySet{}, tc.context...))
		})
	}
}

func TestAssumeRoleWithWebIdentityInputErrors(t *testing.T) {
	t.Parallel()
	tr := trust(t, "T", `{"Federated":"accounts.google.com"}`, `"sts:AssumeRoleWithWebIdentity"`, "")
	role := sts.Role{ARN: webAppARN, TrustPolicy: tr}
	twoValues := token("SUB1", "")
	twoValues.Tags = principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {"a@example.com", "b@example.com"}}}
	badTransitive := token("SUB1", "a@example.com")
	badTransitive.Tags.TransitiveTagKeys = []string{"Team"}
	transitiveOnly := token("SUB1", "")
	transitiveOnly.Tags.TransitiveTagKeys = []string{"Team"}
	noProvider := token("SUB1", "")
	noProvider.Provider = ""
	badSI := token("SUB1", "")
	badSI.SourceIdentity = "x"
	tests := []struct {
		name  string
		role  sts.Role
		in    sts.AssumeRoleWithWebIdentityInput
		field string
		why   string
	}{
		{name: "tag with two values", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: twoValues}, field: "WebIdentityToken", why: "API_AssumeRoleWithWebIdentity.html: each tag value is a one-element array"},
		{name: "transitive key names no tag", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: badTransitive}, field: "WebIdentityToken", why: "id_session-tags.md"},
		{name: "transitive keys without tags", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: transitiveOnly}, field: "WebIdentityToken", why: "id_session-tags.md"},
		{name: "no provider", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: noProvider}, field: "WebIdentityToken", why: "the token names its issuer"},
		{name: "source identity too short", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: badSI}, field: "WebIdentityToken", why: "id_credentials_temp_control-access_monitor.md: 2-64 characters"},
		{name: "session name missing", role: role, in: sts.AssumeRoleWithWebIdentityInput{Token: token("SUB1", "")}, field: "RoleSessionName", why: "API_AssumeRoleWithWebIdentity.html: RoleSessionName is required"},
		{name: "duration above the role maximum", role: role, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: token("SUB1", ""), DurationSeconds: 7200}, field: "DurationSeconds", why: "API_AssumeRoleWithWebIdentity.html"},
		{name: "no trust policy", role: sts.Role{ARN: webAppARN}, in: sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: token("SUB1", "")}, field: "Role.TrustPolicy", why: "every role has a trust policy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in
			in.Time = at
			res, err := sts.AssumeRoleWithWebIdentity(tc.role, in)
			checkOutcome(t, wantOutcome{input: tc.field}, res, err)
		})
	}
	t.Run("principal errors stay visible", func(t *testing.T) {
		t.Parallel()
		_, err := sts.AssumeRoleWithWebIdentity(role, sts.AssumeRoleWithWebIdentityInput{RoleSessionName: "ab", Token: noProvider, Time: at})
		assert.ErrorIs(t, err, principal.ErrInvalid, "the principal constructor's error is wrapped")
	})
}

func TestAssumeRoleWithWebIdentityHasNoTagsParameter(t *testing.T) {
	t.Parallel()
	// API_AssumeRoleWithWebIdentity.html and id_credentials_temp_request.md A (verdict 1): AssumeRoleWithWebIdentity has
	// no Tags, TransitiveTagKeys, SourceIdentity or ExternalId parameter;
	// offering one would repeat the seed's mistake.
	typ := reflect.TypeFor[sts.AssumeRoleWithWebIdentityInput]()
	for _, name := range []string{"Tags", "TransitiveTagKeys", "SourceIdentity", "ExternalID"} {
		_, ok := typ.FieldByName(name)
		assert.False(t, ok, "AssumeRoleWithWebIdentityInput must not have a %s field", name)
	}
}
