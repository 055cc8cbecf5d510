package principal

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

var (
	issued = time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC)
	// issuedText is issued in RFC 3339, as aws:TokenIssueTime carries it.
	issuedText = "2024-05-01T12:30:00Z"
)

func str(s string) condition.Value { return condition.StringValue(s) }

func list(ss ...string) condition.Value { return condition.ListValue(ss...) }

// TestContextKeySets pins the COMPLETE derived key set of every principal
// kind: a key missing from want must be absent.
func TestContextKeySets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func() (Principal, error)
		want  map[string]any
		why   string
	}{
		{
			name:  "root, long-term keys",
			build: func() (Principal, error) { return built(NewRoot(RootInput{Account: "123456789012"})) },
			want: map[string]any{
				"aws:principalarn":          "arn:aws:iam::123456789012:root",
				"aws:principalaccount":      "123456789012",
				"aws:principaltype":         "Account",
				"aws:userid":                "123456789012",
				"aws:principalisawsservice": "false",
			},
			why: "reference_policies_variables.md root row; reference_policies_condition-keys.md Root column: no username, no tags, no MFA/TokenIssueTime with long-term keys (note 3)",
		},
		{
			name: "root, temporary credentials with MFA",
			build: func() (Principal, error) {
				return built(NewRoot(RootInput{Account: "123456789012", Credentials: Credentials{
					Temporary: true, IssueTime: issued.In(time.FixedZone("CEST", 7200)), MFA: true, MFAAge: 90*time.Second + 500*time.Millisecond,
				}}))
			},
			want: map[string]any{
				"aws:principalarn":           "arn:aws:iam::123456789012:root",
				"aws:principalaccount":       "123456789012",
				"aws:principaltype":          "Account",
				"aws:userid":                 "123456789012",
				"aws:principalisawsservice":  "false",
				"aws:tokenissuetime":         issuedText,
				"aws:multifactorauthpresent": "true",
				"aws:multifactorauthage":     "90",
			},
			why: "reference_policies_condition-keys.md note 3: root on temporary credentials has TokenIssueTime and MFA keys; times RFC 3339 UTC, age in whole seconds",
		},
		{
			name: "root, AssumeRoot session",
			build: func() (Principal, error) {
				return built(NewRoot(RootInput{Account: "123456789012", AssumedRoot: true, Credentials: Credentials{IssueTime: issued}}))
			},
			want: map[string]any{
				"aws:principalarn":           "arn:aws:iam::123456789012:root",
				"aws:principalaccount":       "123456789012",
				"aws:principaltype":          "Account",
				"aws:userid":                 "123456789012",
				"aws:principalisawsservice":  "false",
				"aws:assumedroot":            "true",
				"aws:tokenissuetime":         issuedText,
				"aws:multifactorauthpresent": "false",
			},
			why: "reference_policies_condition-keys.md: aws:AssumedRoot = true for AssumeRoot sessions only; sessions are temporary credentials",
		},
		{
			name: "IAM user, long-term keys",
			build: func() (Principal, error) {
				return built(NewIAMUser(IAMUserInput{
					ARN: "arn:aws:iam::123456789012:user/division/alice", ID: "AIDAEXAMPLEALICE",
					Tags: map[string]string{"team": "data", "Cost-Center": "42"},
				}))
			},
			want: map[string]any{
				"aws:principalarn":             "arn:aws:iam::123456789012:user/division/alice",
				"aws:principalaccount":         "123456789012",
				"aws:principaltype":            "User",
				"aws:userid":                   "AIDAEXAMPLEALICE",
				"aws:username":                 "alice",
				"aws:principaltag/team":        "data",
				"aws:principaltag/cost-center": "42",
				"aws:principalisawsservice":    "false",
			},
			why: "reference_policies_variables.md IAM user row: username without path, userid = unique ID; reference_policies_condition-keys.md User column: no MFA keys with long-term keys",
		},
		{
			name: "IAM user, GetSessionToken without MFA",
			build: func() (Principal, error) {
				return built(NewIAMUser(IAMUserInput{
					ARN: "arn:aws:iam::123456789012:user/alice", ID: "AIDAEXAMPLEALICE",
					Credentials: Credentials{Temporary: true, IssueTime: issued},
				}))
			},
			want: map[string]any{
				"aws:principalarn":           "arn:aws:iam::123456789012:user/alice",
				"aws:principalaccount":       "123456789012",
				"aws:principaltype":          "User",
				"aws:userid":                 "AIDAEXAMPLEALICE",
				"aws:username":               "alice",
				"aws:principalisawsservice":  "false",
				"aws:tokenissuetime":         issuedText,
				"aws:multifactorauthpresent": "false",
			},
			why: "API_GetSessionToken.html and reference_policies_condition-keys.md User+GST column: TokenIssueTime and MultiFactorAuthPresent present, MultiFactorAuthAge only with MFA",
		},
		{
			name:  "IAM user parsed from its ARN",
			build: func() (Principal, error) { return Parse("arn:aws:iam::123456789012:user/alice") },
			want: map[string]any{
				"aws:principalarn":          "arn:aws:iam::123456789012:user/alice",
				"aws:principalaccount":      "123456789012",
				"aws:principaltype":         "User",
				"aws:username":              "alice",
				"aws:principalisawsservice": "false",
			},
			why: "scenario format (go doc ./scenario) PRINCIPAL: a key that needs an unknown unique ID (aws:userid) is absent",
		},
		{
			name: "federated user with calling user's tags overlaid by session tags",
			build: func() (Principal, error) {
				return built(NewFederatedUser(FederatedUserInput{
					Name: "Bob", UserARN: "arn:aws:iam::123456789012:user/token-app", UserID: "AIDAEXAMPLETOKENAPP",
					UserTags:    map[string]string{"Department": "Marketing", "team": "apps"},
					SessionTags: map[string]string{"department": "engineering"},
					Credentials: Credentials{IssueTime: issued},
				}))
			},
			want: map[string]any{
				"aws:principalarn":            "arn:aws:sts::123456789012:federated-user/Bob",
				"aws:principalaccount":        "123456789012",
				"aws:principaltype":           "FederatedUser",
				"aws:userid":                  "123456789012:Bob",
				"aws:principaltag/department": "engineering",
				"aws:principaltag/team":       "apps",
				"aws:principalisawsservice":   "false",
				"aws:tokenissuetime":          issuedText,
				"aws:multifactorauthpresent":  "false",
			},
			why: "reference_policies_variables.md: userid ACCOUNT:Name, no username; API_GetFederationToken.html, id_session-tags.md: user tags overlaid by session tags ignoring case; reference_policies_condition-keys.md: MultiFactorAuthPresent false",
		},
		{
			name: "role session with path, ID, tags, source identity and MFA",
			build: func() (Principal, error) {
				return built(NewAssumedRole(AssumedRoleInput{
					RoleARN: "arn:aws:iam::123456789012:role/teams/Dev", RoleID: "AROAEXAMPLEDEV", SessionName: "alice",
					SourceIdentity: "alice@example.com",
					RoleTags:       map[string]string{"Department": "Marketing", "project": "x"},
					SessionTags:    map[string]string{"department": "engineering"},
					Credentials:    Credentials{IssueTime: issued, MFA: true, MFAAge: 10 * time.Minute},
				}))
			},
			want: map[string]any{
				"aws:principalarn":            "arn:aws:iam::123456789012:role/teams/Dev",
				"aws:principalaccount":        "123456789012",
				"aws:principaltype":           "AssumedRole",
				"aws:userid":                  "AROAEXAMPLEDEV:alice",
				"aws:principaltag/department": "engineering",
				"aws:principaltag/project":    "x",
				"aws:principalisawsservice":   "false",
				"aws:sourceidentity":          "alice@example.com",
				"aws:tokenissuetime":          issuedText,
				"aws:multifactorauthpresent":  "true",
				"aws:multifactorauthage":      "600",
			},
			why: "reference_policies_variables.md role session row: PrincipalArn is the role ARN with path, userid ROLEID:session; id_session-tags.md session tag wins ignoring case; reference_policies_condition-keys.md Role column",
		},
		{
			name:  "role session parsed from its ARN",
			build: func() (Principal, error) { return Parse("arn:aws:sts::123456789012:assumed-role/Dev/alice") },
			want: map[string]any{
				"aws:principalarn":           "arn:aws:iam::123456789012:role/Dev",
				"aws:principalaccount":       "123456789012",
				"aws:principaltype":          "AssumedRole",
				"aws:principalisawsservice":  "false",
				"aws:multifactorauthpresent": "false",
			},
			why: "scenario format (go doc ./scenario) PRINCIPAL: role taken to have no path, role ID unknown so aws:userid absent; reference_policies_condition-keys.md: MultiFactorAuthPresent always present for role sessions",
		},
		{
			name: "web identity, Google with azp",
			build: func() (Principal, error) {
				return built(NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/WebApp", RoleID: "AROAEXAMPLEWEB", SessionName: "app-session",
					Provider: "accounts.google.com",
					Claims: map[string]condition.Value{
						"sub": str("1234567890"), "aud": str("client-id.apps.googleusercontent.com"),
						"azp": str("web-client"), "email": str("user1@example.com"),
					},
					TagsClaim:   TagsClaim{PrincipalTags: map[string][]string{"Email": {"user1@example.com"}}},
					RoleTags:    map[string]string{"app": "web"},
					Credentials: Credentials{IssueTime: issued},
				}))
			},
			want: map[string]any{
				"aws:principalarn":          "arn:aws:iam::123456789012:role/WebApp",
				"aws:principalaccount":      "123456789012",
				"aws:principaltype":         "AssumedRole",
				"aws:userid":                "AROAEXAMPLEWEB:app-session",
				"aws:principaltag/app":      "web",
				"aws:principaltag/email":    "user1@example.com",
				"aws:principalisawsservice": "false",
				"aws:tokenissuetime":        issuedText,
				"aws:federatedprovider":     "accounts.google.com",
				"accounts.google.com:aud":   "web-client",
				"accounts.google.com:sub":   "1234567890",
			},
			why: "reference_policies_iam-condition-keys.md: Google :aud = azp when present; only amr/aud/id family/sub persist (no :oaud, :azp, :email); reference_policies_condition-keys.md WebId column: no MFA keys",
		},
		{
			name: "web identity, bare OIDC host, source identity, other claims dropped",
			build: func() (Principal, error) {
				return built(NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
					Provider: "token.actions.githubusercontent.com",
					Claims: map[string]condition.Value{
						"sub": str("repo:octo/app:ref:refs/heads/main"), "aud": str("sts.amazonaws.com"),
						"repository": str("octo/app"),
					},
					SourceIdentity: "octo-ci",
				}))
			},
			want: map[string]any{
				"aws:principalarn":                        "arn:aws:iam::123456789012:role/WebApp",
				"aws:principalaccount":                    "123456789012",
				"aws:principaltype":                       "AssumedRole",
				"aws:principalisawsservice":               "false",
				"aws:sourceidentity":                      "octo-ci",
				"aws:federatedprovider":                   "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
				"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
				"token.actions.githubusercontent.com:sub": "repo:octo/app:ref:refs/heads/main",
			},
			why: "scenario format (go doc ./scenario): bare HOST/PATH means the OIDC provider ARN in the role's account (aws:FederatedProvider is that ARN, keys use HOST/PATH); reference_policies_iam-condition-keys.md: :repository does not persist",
		},
		{
			name: "web identity, Cognito amr multivalued",
			build: func() (Principal, error) {
				return built(NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/Cognito_Auth", RoleID: "AROAEXAMPLECOG", SessionName: "CognitoIdentityCredentials",
					Provider: ProviderCognito,
					Claims: map[string]condition.Value{
						"aud": str("us-east-1:12345678-abcd-abcd-abcd-123456789012"),
						"sub": str("us-east-1:98765432-dcba-dcba-dcba-123456789012"),
						"amr": list("authenticated", "graph.facebook.com", "graph.facebook.com:123456789012:1234"),
					},
				}))
			},
			want: map[string]any{
				"aws:principalarn":                   "arn:aws:iam::123456789012:role/Cognito_Auth",
				"aws:principalaccount":               "123456789012",
				"aws:principaltype":                  "AssumedRole",
				"aws:userid":                         "AROAEXAMPLECOG:CognitoIdentityCredentials",
				"aws:principalisawsservice":          "false",
				"aws:federatedprovider":              "cognito-identity.amazonaws.com",
				"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012",
				"cognito-identity.amazonaws.com:sub": "us-east-1:98765432-dcba-dcba-dcba-123456789012",
				"cognito-identity.amazonaws.com:amr": []string{"authenticated", "graph.facebook.com", "graph.facebook.com:123456789012:1234"},
			},
			why: "reference_policies_iam-condition-keys.md Cognito row: amr is multivalued and persists",
		},
		{
			name: "web identity, Facebook and Amazon id family",
			build: func() (Principal, error) {
				return built(NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/FB", SessionName: "fb-user",
					Provider: ProviderFacebook,
					Claims:   map[string]condition.Value{"app_id": str("111"), "id": str("222"), "name": str("Pat")},
				}))
			},
			want: map[string]any{
				"aws:principalarn":          "arn:aws:iam::123456789012:role/FB",
				"aws:principalaccount":      "123456789012",
				"aws:principaltype":         "AssumedRole",
				"aws:principalisawsservice": "false",
				"aws:federatedprovider":     "graph.facebook.com",
				"graph.facebook.com:app_id": "111",
				"graph.facebook.com:id":     "222",
			},
			why: "reference_policies_iam-condition-keys.md: the id family (app_id, id, user_id) persists, other claims do not",
		},
		{
			name: "SAML session",
			build: func() (Principal, error) {
				return built(NewSAML(SAMLInput{
					RoleARN: "arn:aws:iam::123456789012:role/SSO", RoleID: "AROAEXAMPLESSO", SessionName: "alice@corp.example",
					Provider: "arn:aws:iam::123456789012:saml-provider/MySAMLIdP",
					Attributes: map[string]condition.Value{
						"sub": str("alice"), "sub_type": str("persistent"),
						"aud": str("https://signin.aws.amazon.com/saml"), "iss": str("https://example.com/saml"),
						"mail":                               str("alice@corp.example"),
						AttributePrincipalTag + "Department": list("eng"),
						AttributeSourceIdentity:              str("alice"),
					},
					Credentials: Credentials{IssueTime: issued},
				}))
			},
			want: map[string]any{
				"aws:principalarn":            "arn:aws:iam::123456789012:role/SSO",
				"aws:principalaccount":        "123456789012",
				"aws:principaltype":           "AssumedRole",
				"aws:userid":                  "AROAEXAMPLESSO:alice@corp.example",
				"aws:principaltag/department": "eng",
				"aws:principalisawsservice":   "false",
				"aws:sourceidentity":          "alice",
				"aws:tokenissuetime":          issuedText,
				"saml:namequalifier":          "1uAJanUnBc2XeUkHURMht+xam2c=",
				"saml:sub":                    "alice",
				"saml:sub_type":               "persistent",
			},
			why: "reference_policies_iam-condition-keys.md: only namequalifier/sub/sub_type persist; reference_policies_condition-keys.md: no aws:FederatedProvider for SAML; reference_policies_condition-keys.md SAML column: no MFA keys",
		},
		{
			name:  "service principal",
			build: func() (Principal, error) { return Parse("lambda.amazonaws.com") },
			want: map[string]any{
				"aws:principalisawsservice":     "true",
				"aws:principalservicename":      "lambda.amazonaws.com",
				"aws:principalservicenameslist": []string{"lambda.amazonaws.com"},
			},
			why: "reference_policies_condition-keys.md Svc column and reference_policies_condition-keys.md: no PrincipalArn/Account/Type/userid",
		},
		{
			name:  "anonymous",
			build: func() (Principal, error) { return Parse("*") },
			want: map[string]any{
				"aws:principalaccount": "anonymous",
				"aws:principaltype":    "Anonymous",
				"aws:userid":           "anonymous",
			},
			why: "reference_policies_variables.md anonymous row; reference_policies_condition-keys.md Anon column: no PrincipalArn, no PrincipalIsAWSService",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := tc.build()
			require.NoError(t, err, tc.why)
			if d := cmp.Diff(tc.want, keyMap(p.Context())); d != "" {
				t.Errorf("Context() mismatch (-want +got):\n%s\nwhy: %s", d, tc.why)
			}
		})
	}
}

// TestAssumeContext pins the COMPLETE key set of the unsigned
// AssumeRoleWithWebIdentity / AssumeRoleWithSAML calls.
func TestAssumeContext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func() (Federated, error)
		want  map[string]any
		why   string
	}{
		{
			name: "Google token with tags, transitive keys and source identity",
			build: func() (Federated, error) {
				w, err := NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/WebApp", RoleID: "AROAEXAMPLEWEB", SessionName: "app-session",
					Provider: ProviderGoogle,
					Claims: map[string]condition.Value{
						"sub": str("1234567890"), "aud": str("client-id.apps.googleusercontent.com"), "azp": str("web-client"),
					},
					TagsClaim: TagsClaim{
						PrincipalTags:     map[string][]string{"Email": {"user1@example.com"}, "Team": {"blue"}},
						TransitiveTagKeys: []string{"Team"},
					},
					SourceIdentity: "user1",
					RoleTags:       map[string]string{"app": "web"},
				})
				if err != nil {
					return nil, err
				}
				return w, nil
			},
			want: map[string]any{
				"aws:federatedprovider":    "accounts.google.com",
				"accounts.google.com:aud":  "web-client",
				"accounts.google.com:oaud": "client-id.apps.googleusercontent.com",
				"accounts.google.com:azp":  "web-client",
				"accounts.google.com:sub":  "1234567890",
				"sts:rolesessionname":      "app-session",
				"aws:requesttag/email":     "user1@example.com",
				"aws:requesttag/team":      "blue",
				"aws:tagkeys":              []string{"Email", "Team"},
				"sts:transitivetagkeys":    []string{"Team"},
				"sts:sourceidentity":       "user1",
				"aws:resourcetag/app":      "web",
				"iam:resourcetag/app":      "web",
			},
			why: "reference_policies_iam-condition-keys.md (Google :aud/:oaud, every claim a key at assume time), reference_policies_iam-condition-keys.md; API_AssumeRoleWithWebIdentity.html (tags claim -> RequestTag/TagKeys, TransitiveTagKeys, SourceIdentity); no PrincipalArn/Account/userid",
		},
		{
			name: "bare OIDC host: keys HOST/PATH:claim, provider ARN",
			build: func() (Federated, error) {
				w, err := NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
					Provider: "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
					Claims: map[string]condition.Value{
						"sub": str("system:serviceaccount:default:app"), "aud": str("sts.amazonaws.com"),
						"amr": list("a", "b"),
					},
				})
				if err != nil {
					return nil, err
				}
				return w, nil
			},
			want: map[string]any{
				"aws:federatedprovider": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
				"oidc.eks.us-east-1.amazonaws.com/id/exampled539d4633e53de1b71example:sub": "system:serviceaccount:default:app",
				"oidc.eks.us-east-1.amazonaws.com/id/exampled539d4633e53de1b71example:aud": "sts.amazonaws.com",
				"oidc.eks.us-east-1.amazonaws.com/id/exampled539d4633e53de1b71example:amr": []string{"a", "b"},
				"sts:rolesessionname": "user1",
			},
			why: "scenario format (go doc ./scenario) PRINCIPAL: bare HOST/PATH is the OIDC provider in the role's account; reference_policies_iam-condition-keys.md key prefix is HOST/PATH",
		},
		{
			name: "SAML assertion",
			build: func() (Federated, error) {
				m, err := NewSAML(SAMLInput{
					RoleARN: "arn:aws:iam::123456789012:role/SSO", RoleID: "AROAEXAMPLESSO",
					Provider: "arn:aws:iam::123456789012:saml-provider/MySAMLIdP",
					Attributes: map[string]condition.Value{
						"sub": str("alice"), "sub_type": str("persistent"),
						"aud": list("https://signin.aws.amazon.com/saml"), "iss": str("https://example.com/saml"),
						"edupersonaffiliation":               str("staff"),
						"eduPersonPrincipalName":             list("alice@corp.example"),
						"department":                         list("eng", "ops"),
						AttributeRoleSessionName:             str("alice@corp.example"),
						AttributeSourceIdentity:              str("alice"),
						AttributePrincipalTag + "Department": str("eng"),
						AttributeTransitiveTagKeys:           str("Department"),
						AttributeRole:                        list("arn:aws:iam::123456789012:role/SSO,arn:aws:iam::123456789012:saml-provider/MySAMLIdP"),
						AttributeSessionDuration:             str("3600"),
					},
				})
				if err != nil {
					return nil, err
				}
				return m, nil
			},
			want: map[string]any{
				"saml:sub":                    "alice",
				"saml:sub_type":               "persistent",
				"saml:aud":                    "https://signin.aws.amazon.com/saml",
				"saml:iss":                    "https://example.com/saml",
				"saml:doc":                    "123456789012/MySAMLIdP",
				"saml:namequalifier":          "1uAJanUnBc2XeUkHURMht+xam2c=",
				"saml:edupersonaffiliation":   []string{"staff"},
				"saml:edupersonprincipalname": "alice@corp.example",
				"saml:department":             []string{"eng", "ops"},
				"sts:rolesessionname":         "alice@corp.example",
				"sts:sourceidentity":          "alice",
				"aws:requesttag/department":   "eng",
				"aws:tagkeys":                 []string{"Department"},
				"sts:transitivetagkeys":       []string{"Department"},
			},
			why: "reference_policies_iam-condition-keys.md: attribute keys are lists except four eduperson keys; doc and namequalifier derived (reference_policies_iam-condition-keys.md vector); API_AssumeRoleWithSAML.html: session name, source identity, PrincipalTag and TransitiveTagKeys attributes",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := tc.build()
			require.NoError(t, err, tc.why)
			if d := cmp.Diff(tc.want, keyMap(p.AssumeContext())); d != "" {
				t.Errorf("AssumeContext() mismatch (-want +got):\n%s\nwhy: %s", d, tc.why)
			}
		})
	}
}
