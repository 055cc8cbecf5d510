package principal

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

const (
	devRole  = "arn:aws:iam::123456789012:role/Dev"
	samlProv = "arn:aws:iam::123456789012:saml-provider/Corp"
)

// samlAttrs returns the minimal valid attributes plus extra.
func samlAttrs(extra map[string]condition.Value) map[string]condition.Value {
	m := map[string]condition.Value{"sub": str("alice"), "iss": str("https://idp.corp.example")}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func TestConstructorErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func() error
		kind  Kind
		field string
		want  string
		why   string
	}{
		{
			name:  "root without account",
			build: func() error { _, err := NewRoot(RootInput{}); return err },
			kind:  KindRoot, field: "account", want: `account "" is not 12 digits`,
			why: "reference_policies_elements_principal.md: root needs its account",
		},
		{
			name: "root MFA on long-term keys",
			build: func() error {
				_, err := NewRoot(RootInput{Account: "123456789012", Credentials: Credentials{MFA: true}})
				return err
			},
			kind: KindRoot, field: "mfa", want: "needs temporary credentials",
			why: "reference_policies_condition-keys.md note 3: long-term keys carry no MFA keys",
		},
		{
			name: "user issue time on long-term keys",
			build: func() error {
				_, err := NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", Credentials: Credentials{IssueTime: issued}})
				return err
			},
			kind: KindIAMUser, field: "issueTime", want: "needs temporary credentials",
			why: "reference_policies_condition-keys.md: aws:TokenIssueTime is absent for long-term access keys",
		},
		{
			name: "MFA age without MFA",
			build: func() error {
				_, err := NewAssumedRole(AssumedRoleInput{RoleARN: devRole, SessionName: "alice", Credentials: Credentials{MFAAge: time.Minute}})
				return err
			},
			kind: KindAssumedRole, field: "mfaAge", want: "needs mfa",
			why: "reference_policies_condition-keys.md: aws:MultiFactorAuthAge only when MFA was used",
		},
		{
			name: "user ARN is a role ARN",
			build: func() error {
				_, err := NewIAMUser(IAMUserInput{ARN: devRole})
				return err
			},
			kind: KindIAMUser, field: "arn", want: "is not an IAM user ARN",
			why: "the arn of an IAMUser is a user ARN",
		},
		{
			name: "user ID with a role prefix",
			build: func() error {
				_, err := NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", ID: "AROAEXAMPLE"})
				return err
			},
			kind: KindIAMUser, field: "id", want: "must be AIDA followed by",
			why: "reference_identifiers.md: user IDs begin AIDA",
		},
		{
			name: "tags equal ignoring case",
			build: func() error {
				_, err := NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", Tags: map[string]string{"Team": "a", "team": "b"}})
				return err
			},
			kind: KindIAMUser, field: "tags", want: `tag keys "Team" and "team" differ only in case`,
			why: "id_tags.md: tag keys are unique ignoring case",
		},
		{
			name: "tag with aws: prefix",
			build: func() error {
				_, err := NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", Tags: map[string]string{"AWS:x": "a"}})
				return err
			},
			kind: KindIAMUser, field: "tags", want: "reserved prefix aws:",
			why: "id_session-tags.md: no aws: prefix",
		},
		{
			name: "federated user in another account than its caller",
			build: func() error {
				_, err := NewFederatedUser(FederatedUserInput{Account: "111111111111", Name: "Bob", UserARN: "arn:aws:iam::123456789012:user/token-app"})
				return err
			},
			kind: KindFederatedUser, field: "userArn", want: "differs from the federated user's account",
			why: "API_GetFederationToken.html: GetFederationToken issues credentials in the caller's account",
		},
		{
			name: "federated user caller is a role",
			build: func() error {
				_, err := NewFederatedUser(FederatedUserInput{Name: "Bob", UserARN: devRole})
				return err
			},
			kind: KindFederatedUser, field: "userArn", want: "the caller of GetFederationToken is an IAM user",
			why: "id_credentials_temp_request.md: role sessions cannot call GetFederationToken",
		},
		{
			name: "federated user with MFA",
			build: func() error {
				_, err := NewFederatedUser(FederatedUserInput{Account: "123456789012", Name: "Bob", Credentials: Credentials{MFA: true}})
				return err
			},
			kind: KindFederatedUser, field: "mfa", want: "not available",
			why: "reference_policies_condition-keys.md: federated users have aws:MultiFactorAuthPresent false",
		},
		{
			name: "role session without session name",
			build: func() error {
				_, err := NewAssumedRole(AssumedRoleInput{RoleARN: devRole})
				return err
			},
			kind: KindAssumedRole, field: "sessionName", want: "must have 2 to 64 characters",
			why: "API_AssumeRole.html: RoleSessionName 2-64 characters",
		},
		{
			name: "source identity with the reserved prefix aws:",
			build: func() error {
				_, err := NewAssumedRole(AssumedRoleInput{RoleARN: devRole, SessionName: "alice", SourceIdentity: "AWS:alice"})
				return err
			},
			kind: KindAssumedRole, field: "sourceIdentity", want: `"AWS:alice" may contain only letters, digits and _+=,.@-`,
			why: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, SourceIdentity: [\\w+=,.@-]*, and a value cannot begin with aws: (the colon is outside the pattern)",
		},
		{
			name: "transitive key naming no session tag",
			build: func() error {
				_, err := NewAssumedRole(AssumedRoleInput{RoleARN: devRole, SessionName: "alice",
					RoleTags: map[string]string{"team": "x"}, TransitiveTagKeys: []string{"team"}})
				return err
			},
			kind: KindAssumedRole, field: "transitiveTagKeys", want: `transitive tag key "team" names no session tag`,
			why: "id_session-tags.md: only session tags can be transitive, never role tags",
		},
		{
			name: "session tag repeating an inherited transitive tag",
			build: func() error {
				_, err := NewAssumedRole(AssumedRoleInput{RoleARN: devRole, SessionName: "alice",
					InheritedTags: map[string]string{"Project": "a"}, SessionTags: map[string]string{"project": "b"}})
				return err
			},
			kind: KindAssumedRole, field: "sessionTags", want: "repeats the inherited transitive tag",
			why: "id_session-tags.md: passing a tag whose key equals an inherited one makes the call fail",
		},
		{
			name: "web identity with MFA",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderGoogle, Credentials: Credentials{MFA: true}})
				return err
			},
			kind: KindWebIdentity, field: "mfa", want: "not available",
			why: "reference_policies_condition-keys.md: no MFA keys for federated identities",
		},
		{
			name: "web identity provider with scheme",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: "https://idp.example.com"})
				return err
			},
			kind: KindWebIdentity, field: "provider", want: "without the URL scheme",
			why: "reference_policies_iam-condition-keys.md: the prefix is the provider URL without https://",
		},
		{
			name: "web identity provider in another account",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: "arn:aws:iam::111111111111:oidc-provider/idp.example.com"})
				return err
			},
			kind: KindWebIdentity, field: "provider", want: "is not in the role's account",
			why: "scenario format (go doc ./scenario): the OIDC provider is in the role's account",
		},
		{
			name: "web identity provider is a SAML provider",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv})
				return err
			},
			kind: KindWebIdentity, field: "provider", want: "is not an OIDC provider ARN",
			why: "web identity providers are OIDC providers",
		},
		{
			name: "web identity tags claim passed as a claim",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderGoogle,
					Claims: map[string]condition.Value{ClaimTags: str("{}")}})
				return err
			},
			kind: KindWebIdentity, field: "claims", want: "goes in TagsClaim",
			why: "scenario format (go doc ./scenario): the tags claim carries session tags and is not a key",
		},
		{
			name: "web identity tag with two values",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderGoogle,
					TagsClaim: TagsClaim{PrincipalTags: map[string][]string{"Team": {"a", "b"}}}})
				return err
			},
			kind: KindWebIdentity, field: "claims", want: "a session tag has exactly one",
			why: "API_AssumeRoleWithWebIdentity.html: each tag value is a one-element array (STS tags are single-valued)",
		},
		{
			name: "web identity claims colliding ignoring case",
			build: func() error {
				_, err := NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: "idp.example.com",
					Claims: map[string]condition.Value{"sub": str("a"), "Sub": str("b")}})
				return err
			},
			kind: KindWebIdentity, field: "claims", want: "collide (keys ignore case)",
			why: "reference_policies_elements_condition.md: key names are case-insensitive, so the two claims would be one ambiguous key",
		},
		{
			name: "SAML without sub",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: map[string]condition.Value{"iss": str("https://idp")}})
				return err
			},
			kind: KindSAML, field: "attributes", want: `"sub" (the NameID) is required`,
			why: "reference_policies_condition-keys.md: saml:sub is present (P) in every SAML session request",
		},
		{
			name: "SAML without iss or namequalifier",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: map[string]condition.Value{"sub": str("alice")}})
				return err
			},
			kind: KindSAML, field: "attributes", want: "required to derive saml:namequalifier",
			why: "reference_policies_iam-condition-keys.md: namequalifier derives from saml:iss",
		},
		{
			name: "SAML attribute with saml: prefix",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: samlAttrs(map[string]condition.Value{"saml:aud": str("x")})})
				return err
			},
			kind: KindSAML, field: "attributes", want: "without its prefix",
			why: "scenario format (go doc ./scenario): other entries name a saml: key without its prefix",
		},
		{
			name: "SAML AWS attribute misspelt",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: samlAttrs(map[string]condition.Value{AttributePrefix + "rolesessionname": str("alice")})})
				return err
			},
			kind: KindSAML, field: "attributes", want: "unknown AWS attribute",
			why: "API_AssumeRoleWithSAML.html: attribute names are case-sensitive",
		},
		{
			name: "SAML single-valued eduperson key with two values",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: samlAttrs(map[string]condition.Value{"edupersonprincipalname": list("a", "b")})})
				return err
			},
			kind: KindSAML, field: "attributes", want: "takes exactly one",
			why: "reference_policies_iam-condition-keys.md: saml:edupersonprincipalname is single-valued",
		},
		{
			name: "SAML session name differs from the attribute",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: samlAttrs(map[string]condition.Value{AttributeRoleSessionName: str("bob")})})
				return err
			},
			kind: KindSAML, field: "sessionName", want: "differs from the RoleSessionName attribute",
			why: "API_AssumeRoleWithSAML.html: the session name comes from the RoleSessionName attribute",
		},
		{
			name: "SAML Role attribute for another role",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv,
					Attributes: samlAttrs(map[string]condition.Value{AttributeRole: str("arn:aws:iam::123456789012:role/Other," + samlProv)})})
				return err
			},
			kind: KindSAML, field: "attributes", want: "has no pair",
			why: "API_AssumeRoleWithSAML.html: the Role attribute lists role ARN, provider ARN pairs",
		},
		{
			name: "SAML provider is an OIDC provider",
			build: func() error {
				_, err := NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: "arn:aws:iam::123456789012:oidc-provider/idp.example.com",
					Attributes: samlAttrs(nil)})
				return err
			},
			kind: KindSAML, field: "provider", want: "is not a SAML provider ARN",
			why: "reference_policies_elements_principal.md: SAML IdP is arn:aws:iam::A:saml-provider/Name",
		},
		{
			name:  "service name without amazonaws.com",
			build: func() error { _, err := NewService("lambda.example.com"); return err },
			kind:  KindService, field: "service", want: "does not end in .amazonaws.com",
			why: "scenario format (go doc ./scenario): a service is a DNS name ending in .amazonaws.com",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.build()
			require.Error(t, err, tc.why)
			assert.ErrorIs(t, err, ErrInvalid)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tc.kind, e.Kind, tc.why)
			assert.Equal(t, tc.field, e.Field, tc.why)
			assert.Contains(t, e.Msg, tc.want, tc.why)
			assert.Equal(t, tc.kind.String()+" principal: "+tc.field+": "+e.Msg, err.Error())
		})
	}
}
