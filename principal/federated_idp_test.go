package principal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

func TestNameQualifierVector(t *testing.T) {
	t.Parallel()
	// principals-and-context.md §5 test vector (pseudocode of
	// id_roles_providers_saml.md: no "/" between issuer and account, Q6).
	assert.Equal(t, "1uAJanUnBc2XeUkHURMht+xam2c=", NameQualifier("https://example.com/saml", "123456789012", "MySAMLIdP"))
}

func TestSAMLSuppliedNameQualifierWins(t *testing.T) {
	t.Parallel()
	m := must(NewSAML(SAMLInput{
		RoleARN: devRole, SessionName: "alice", Provider: samlProv,
		Attributes: map[string]condition.Value{"sub": str("alice"), "NameQualifier": str("given"), "doc": str("111111111111/Other")},
	}))
	v, ok := m.Context().LookupVariable("saml:namequalifier")
	require.True(t, ok)
	assert.Equal(t, "given", v, "principals-and-context.md §5: a supplied value wins")
	v, ok = m.AssumeContext().LookupVariable("saml:doc")
	require.True(t, ok)
	assert.Equal(t, "111111111111/Other", v, "scenario-format.md: saml:doc derived only when not given")
}

func TestGoogleAudience(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		claims          map[string]condition.Value
		aud, oaud       string
		hasAud, hasOaud bool
		why             string
	}{
		{"azp present", map[string]condition.Value{"aud": str("A"), "azp": str("Z")}, "Z", "A", true, true,
			"principals-and-context.md §4: :aud = azp when present, :oaud = aud"},
		{"no azp", map[string]condition.Value{"aud": str("A")}, "A", "A", true, true,
			"principals-and-context.md §4: :aud = aud when azp is absent"},
		{"azp only", map[string]condition.Value{"azp": str("Z")}, "Z", "", true, false,
			"principals-and-context.md §4: :aud = azp when present; no aud claim, no :oaud"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderGoogle, Claims: tc.claims}))
			aud, ok := w.AssumeContext().LookupVariable("accounts.google.com:aud")
			assert.Equal(t, tc.hasAud, ok, tc.why)
			assert.Equal(t, tc.aud, aud, tc.why)
			oaud, ok := w.AssumeContext().LookupVariable("accounts.google.com:oaud")
			assert.Equal(t, tc.hasOaud, ok, tc.why)
			assert.Equal(t, tc.oaud, oaud, tc.why)
			sessAud, ok := w.Context().LookupVariable("accounts.google.com:aud")
			assert.Equal(t, tc.hasAud, ok, tc.why)
			assert.Equal(t, tc.aud, sessAud, "the session keeps :aud: "+tc.why)
			_, ok = w.Context().LookupKey("accounts.google.com:oaud")
			assert.False(t, ok, "principals-and-context.md §4: :oaud exists only at assume time")
		})
	}
}

func TestNonGoogleAzpIsPlainClaim(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: "idp.example.com",
		Claims: map[string]condition.Value{"aud": str("A"), "azp": str("Z")}}))
	aud, _ := w.AssumeContext().LookupVariable("idp.example.com:aud")
	assert.Equal(t, "A", aud, "principals-and-context.md §4: the azp substitution is Google's only")
	azp, _ := w.AssumeContext().LookupVariable("idp.example.com:azp")
	assert.Equal(t, "Z", azp, "principals-and-context.md §4: other issuers have :azp at assume time")
	_, ok := w.Context().LookupKey("idp.example.com:azp")
	assert.False(t, ok, "principals-and-context.md §4: :azp does not persist")
}

func TestCognitoAmrIsMultivalued(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderCognito,
		Claims: map[string]condition.Value{"amr": list("unauthenticated")}}))
	for name, c := range map[string]condition.Context{"session": w.Context(), "assume": w.AssumeContext()} {
		v, ok := c.LookupKey("cognito-identity.amazonaws.com:amr")
		require.True(t, ok, name)
		assert.True(t, v.IsList(), "%s: principals-and-context.md §4: amr is multivalued even with one value", name)
		_, ok = c.LookupVariable("cognito-identity.amazonaws.com:amr")
		assert.False(t, ok, "%s: variables.md R2: a multivalued key is no variable", name)
	}
}

func TestBareHostProviderIsRoleAccountARN(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
		Provider: "idp.example.com", Claims: map[string]condition.Value{"sub": str("SUB1")}}))
	want := "arn:aws:iam::123456789012:oidc-provider/idp.example.com"
	assert.Equal(t, want, w.Provider(), "scenario-format.md: bare HOST/PATH stands for the OIDC provider ARN in the role's account")
	assert.Equal(t, want, w.Identity().Provider, "seeds.md A11: the Federated entry that matches is the provider ARN")
	assert.Equal(t, "idp.example.com", w.KeyPrefix())
	fp, _ := w.Context().LookupVariable("aws:FederatedProvider")
	assert.Equal(t, want, fp, "principals-and-context.md Q1: the OIDC provider ARN, never the bare host")
	sub, _ := w.Context().LookupVariable("idp.example.com:sub")
	assert.Equal(t, "SUB1", sub, "seeds.md A12: ${idp.example.com:sub} resolves in later requests")

	arnForm := must(NewWebIdentity(WebIdentityInput{RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
		Provider: want, Claims: map[string]condition.Value{"sub": str("SUB1")}}))
	assert.Equal(t, keyMap(w.Context()), keyMap(arnForm.Context()), "the ARN form and the bare form describe the same provider")
	assert.Equal(t, keyMap(w.AssumeContext()), keyMap(arnForm.AssumeContext()))
}
