package principal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

func TestNameQualifierVector(t *testing.T) {
	t.Parallel()
	// reference_policies_iam-condition-keys.md test vector (pseudocode of
	// id_roles_providers_saml.md: no "/" between issuer and account, reference_policies_iam-condition-keys.md).
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
	assert.Equal(t, "given", v, "reference_policies_iam-condition-keys.md: a supplied value wins")
	v, ok = m.AssumeContext().LookupVariable("saml:doc")
	require.True(t, ok)
	assert.Equal(t, "111111111111/Other", v, "scenario format (go doc ./scenario): saml:doc derived only when not given")
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
			"reference_policies_iam-condition-keys.md: :aud = azp when present, :oaud = aud"},
		{"no azp", map[string]condition.Value{"aud": str("A")}, "A", "A", true, true,
			"reference_policies_iam-condition-keys.md: :aud = aud when azp is absent"},
		{"azp only", map[string]condition.Value{"azp": str("Z")}, "Z", "", true, false,
			"reference_policies_iam-condition-keys.md: :aud = azp when present; no aud claim, no :oaud"},
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
			assert.False(t, ok, "reference_policies_iam-condition-keys.md: :oaud exists only at assume time")
		})
	}
}

func TestNonGoogleAzpIsPlainClaim(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: "idp.example.com",
		Claims: map[string]condition.Value{"aud": str("A"), "azp": str("Z")}}))
	aud, _ := w.AssumeContext().LookupVariable("idp.example.com:aud")
	assert.Equal(t, "A", aud, "reference_policies_iam-condition-keys.md: the azp substitution is Google's only")
	azp, _ := w.AssumeContext().LookupVariable("idp.example.com:azp")
	assert.Equal(t, "Z", azp, "reference_policies_iam-condition-keys.md: other issuers have :azp at assume time")
	_, ok := w.Context().LookupKey("idp.example.com:azp")
	assert.False(t, ok, "reference_policies_iam-condition-keys.md: :azp does not persist")
}

func TestCognitoAmrIsMultivalued(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderCognito,
		Claims: map[string]condition.Value{"amr": list("unauthenticated")}}))
	for name, c := range map[string]condition.Context{"session": w.Context(), "assume": w.AssumeContext()} {
		v, ok := c.LookupKey("cognito-identity.amazonaws.com:amr")
		require.True(t, ok, name)
		assert.True(t, v.IsList(), "%s: reference_policies_iam-condition-keys.md: amr is multivalued even with one value", name)
		_, ok = c.LookupVariable("cognito-identity.amazonaws.com:amr")
		assert.False(t, ok, "%s: reference_policies_variables.md: a multivalued key is no variable", name)
	}
}

func TestBareHostProviderIsRoleAccountARN(t *testing.T) {
	t.Parallel()
	w := must(NewWebIdentity(WebIdentityInput{RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
		Provider: "idp.example.com", Claims: map[string]condition.Value{"sub": str("SUB1")}}))
	want := "arn:aws:iam::123456789012:oidc-provider/idp.example.com"
	assert.Equal(t, want, w.Provider(), "scenario format (go doc ./scenario): bare HOST/PATH stands for the OIDC provider ARN in the role's account")
	assert.Equal(t, want, w.Identity().Provider, "id_session-tags.md: the Federated entry that matches is the provider ARN")
	assert.Equal(t, "idp.example.com", w.KeyPrefix())
	fp, _ := w.Context().LookupVariable("aws:FederatedProvider")
	assert.Equal(t, want, fp, "reference_policies_condition-keys.md: the OIDC provider ARN, never the bare host")
	sub, _ := w.Context().LookupVariable("idp.example.com:sub")
	assert.Equal(t, "SUB1", sub, "id_session-tags.md: ${idp.example.com:sub} resolves in later requests")

	arnForm := must(NewWebIdentity(WebIdentityInput{RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
		Provider: want, Claims: map[string]condition.Value{"sub": str("SUB1")}}))
	assert.Equal(t, keyMap(w.Context()), keyMap(arnForm.Context()), "the ARN form and the bare form describe the same provider")
	assert.Equal(t, keyMap(w.AssumeContext()), keyMap(arnForm.AssumeContext()))
}
