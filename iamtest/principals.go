package iamtest

import (
	"testing"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// Principals for tests. Each builder takes the facts a test usually cares
// about, with session tags in the one model every session kind shares
// (tag key to value, as the AssumeRole Tags parameter:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html),
// and calls t.Fatalf when the facts do not make a principal. For facts
// they do not take, build the principal with package principal and pass
// it to [RequestFor].

// User returns the IAM user userARN with the user's tags (nil for none).
func User(t testing.TB, userARN string, tags map[string]string) *principal.IAMUser {
	t.Helper()
	return built(t, "IAM user", func() (*principal.IAMUser, error) {
		return principal.NewIAMUser(principal.IAMUserInput{ARN: userARN, Tags: tags})
	})
}

// RoleSession returns a session of the role roleARN (with its path) named
// sessionName, created by AssumeRole with sessionTags (nil for none).
func RoleSession(t testing.TB, roleARN, sessionName string, sessionTags map[string]string) *principal.AssumedRole {
	t.Helper()
	return built(t, "role session", func() (*principal.AssumedRole, error) {
		return principal.NewAssumedRole(principal.AssumedRoleInput{RoleARN: roleARN, SessionName: sessionName, SessionTags: sessionTags})
	})
}

// WebIdentitySession returns a session created by
// AssumeRoleWithWebIdentity for roleARN with a token of provider (a
// built-in provider such as accounts.google.com, an OIDC provider ARN, or
// HOST/PATH) holding claims (sub, aud, amr, ...) and carrying
// sessionTags (nil for none). The session is named "web-identity".
func WebIdentitySession(t testing.TB, roleARN, provider string, claims map[string]string, sessionTags map[string]string) *principal.WebIdentity {
	t.Helper()
	values := make(map[string]condition.Value, len(claims))
	for k, v := range claims {
		values[k] = condition.StringValue(v)
	}
	return built(t, "web identity session", func() (*principal.WebIdentity, error) {
		return principal.NewWebIdentity(principal.WebIdentityInput{
			RoleARN: roleARN, SessionName: "web-identity", Provider: provider, Claims: values, SessionTags: sessionTags,
		})
	})
}

// SAMLSession returns a session created by AssumeRoleWithSAML for roleARN
// through the SAML provider providerARN, with the assertion's attributes
// named as saml: keys without their prefix (sub is required; iss names
// the issuer), carrying sessionTags (nil for none). The session is named
// after the sub attribute.
func SAMLSession(t testing.TB, roleARN, providerARN string, attributes map[string]string, sessionTags map[string]string) *principal.SAML {
	t.Helper()
	values := make(map[string]condition.Value, len(attributes))
	for k, v := range attributes {
		values[k] = condition.StringValue(v)
	}
	return built(t, "SAML session", func() (*principal.SAML, error) {
		return principal.NewSAML(principal.SAMLInput{
			RoleARN: roleARN, SessionName: attributes["sub"], Provider: providerARN, Attributes: values, SessionTags: sessionTags,
		})
	})
}

// FederatedUser returns the federated user name created by
// GetFederationToken, called by the IAM user userARN, with sessionTags
// (nil for none). Remember that its requests are also limited by the
// session policy passed to the call (PolicySet.Session).
func FederatedUser(t testing.TB, userARN, name string, sessionTags map[string]string) *principal.FederatedUser {
	t.Helper()
	return built(t, "federated user", func() (*principal.FederatedUser, error) {
		return principal.NewFederatedUser(principal.FederatedUserInput{UserARN: userARN, Name: name, SessionTags: sessionTags})
	})
}

// built returns what build returns, or calls t.Fatalf naming what.
func built[P any](t testing.TB, what string, build func() (P, error)) P {
	t.Helper()
	p, err := build()
	if err != nil {
		t.Fatalf("invalid %s: %v", what, err)
	}
	return p
}
