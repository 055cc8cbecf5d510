package principal

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

func TestIdentity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		build   func() (Principal, error)
		arn     string
		account string
		want    Identity
		why     string
	}{
		{
			name:    "root",
			build:   func() (Principal, error) { return Parse("arn:aws:iam::123456789012:root") },
			arn:     "arn:aws:iam::123456789012:root",
			account: "123456789012",
			want:    Identity{Account: "123456789012", direct: []string{"arn:aws:iam::123456789012:root"}, Root: true},
			why:     "reference_policies_elements_principal.md root row",
		},
		{
			name: "IAM user with unique ID",
			build: func() (Principal, error) {
				return built(NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/ops/alice", ID: "AIDAEXAMPLEALICE"}))
			},
			arn:     "arn:aws:iam::123456789012:user/ops/alice",
			account: "123456789012",
			want: Identity{
				Account: "123456789012",
				direct:  []string{"arn:aws:iam::123456789012:user/ops/alice", "AIDAEXAMPLEALICE"},
			},
			why: "reference_policies_elements_principal.md: a user is named by ARN or unique ID AIDA…",
		},
		{
			name: "federated user with calling user",
			build: func() (Principal, error) {
				return built(NewFederatedUser(FederatedUserInput{
					Account: "123456789012", Name: "Bob",
					UserARN: "arn:aws:iam::123456789012:user/token-app", UserID: "AIDAEXAMPLETOKENAPP",
				}))
			},
			arn:     "arn:aws:sts::123456789012:federated-user/Bob",
			account: "123456789012",
			want: Identity{
				Account:  "123456789012",
				direct:   []string{"arn:aws:sts::123456789012:federated-user/Bob"},
				indirect: []string{"arn:aws:iam::123456789012:user/token-app", "AIDAEXAMPLETOKENAPP"},
				Session:  true,
			},
			why: "API_GetFederationToken.html: the federating IAM user's ARN matches indirectly (reference_policies_variables.md)",
		},
		{
			name: "service-linked role session",
			build: func() (Principal, error) {
				return built(NewAssumedRole(AssumedRoleInput{
					RoleARN:     "arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
					RoleID:      "AROAEXAMPLEELB",
					SessionName: "ElasticLoadBalancing",
				}))
			},
			arn:     "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForElasticLoadBalancing/ElasticLoadBalancing",
			account: "123456789012",
			want: Identity{
				Account: "123456789012",
				direct:  []string{"arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForElasticLoadBalancing/ElasticLoadBalancing"},
				indirect: []string{
					"arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
					"AROAEXAMPLEELB",
				},
				Session:       true,
				ServiceLinked: true,
			},
			why: "reference_policies_elements_principal.md: session ARN drops the role path; service-linked roles have path /aws-service-role/",
		},
		{
			name: "web identity with bare host",
			build: func() (Principal, error) {
				return built(NewWebIdentity(WebIdentityInput{
					RoleARN: "arn:aws-cn:iam::123456789012:role/WebApp", SessionName: "user1", Provider: "idp.example.com",
				}))
			},
			arn:     "arn:aws-cn:sts::123456789012:assumed-role/WebApp/user1",
			account: "123456789012",
			want: Identity{
				Account:  "123456789012",
				direct:   []string{"arn:aws-cn:sts::123456789012:assumed-role/WebApp/user1"},
				indirect: []string{"arn:aws-cn:iam::123456789012:role/WebApp"},
				Provider: "arn:aws-cn:iam::123456789012:oidc-provider/idp.example.com",
				Session:  true,
			},
			why: "scenario format (go doc ./scenario): the Federated entry that matches is the OIDC provider ARN in the role's account (and partition), never the bare host",
		},
		{
			name: "SAML",
			build: func() (Principal, error) {
				return built(NewSAML(SAMLInput{
					RoleARN: "arn:aws:iam::123456789012:role/SSO", Provider: "arn:aws:iam::123456789012:saml-provider/Corp",
					Attributes: map[string]condition.Value{
						"sub": str("alice"), "iss": str("https://idp.corp.example"),
						AttributeRoleSessionName: str("alice"),
					},
				}))
			},
			arn:     "arn:aws:sts::123456789012:assumed-role/SSO/alice",
			account: "123456789012",
			want: Identity{
				Account:  "123456789012",
				direct:   []string{"arn:aws:sts::123456789012:assumed-role/SSO/alice"},
				indirect: []string{"arn:aws:iam::123456789012:role/SSO"},
				Provider: "arn:aws:iam::123456789012:saml-provider/Corp",
				Session:  true,
			},
			why: "reference_policies_elements_principal.md SAML row: IdP named by the saml-provider ARN; session name from the RoleSessionName attribute (API_AssumeRoleWithSAML.html)",
		},
		{
			name:  "service",
			build: func() (Principal, error) { return Parse("lambda.amazonaws.com") },
			arn:   "lambda.amazonaws.com",
			want:  Identity{Service: "lambda.amazonaws.com"},
			why:   "reference_policies_elements_principal.md service row: no account",
		},
		{
			name:  "anonymous",
			build: func() (Principal, error) { return Parse("anonymous") },
			want:  Identity{Anonymous: true},
			why:   "reference_policies_elements_principal.md: anonymous matches only \"*\"",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := tc.build()
			require.NoError(t, err, tc.why)
			assert.Equal(t, tc.arn, p.ARN(), tc.why)
			assert.Equal(t, tc.account, p.Account(), tc.why)
			if d := cmp.Diff(tc.want, p.Identity(), cmp.AllowUnexported(Identity{})); d != "" {
				t.Errorf("Identity() mismatch (-want +got):\n%s\nwhy: %s", d, tc.why)
			}
		})
	}
}

func TestRoleSessionAccessors(t *testing.T) {
	t.Parallel()
	r := must(NewAssumedRole(AssumedRoleInput{
		RoleARN: "arn:aws:iam::123456789012:role/teams/Dev", RoleID: "AROAEXAMPLEDEV", SessionName: "alice",
		SourceIdentity: "alice",
	}))
	var s RoleSession = r
	assert.Equal(t, "arn:aws:iam::123456789012:role/teams/Dev", s.RoleARN())
	assert.Equal(t, "AROAEXAMPLEDEV", s.RoleID())
	assert.Equal(t, "Dev", s.RoleName())
	assert.Equal(t, "/teams/", r.RolePath())
	assert.Equal(t, "alice", s.SessionName())
	assert.Equal(t, "alice", s.SourceIdentity())
	assert.True(t, r.Credentials().Temporary, "API_AssumeRole.html: role sessions use temporary credentials")

	f := must(NewFederatedUser(FederatedUserInput{Name: "Bob", UserARN: "arn:aws:iam::123456789012:user/token-app"}))
	assert.Equal(t, "Bob", f.Name())
	assert.Equal(t, "arn:aws:iam::123456789012:user/token-app", f.UserARN())
	assert.Equal(t, "123456789012", f.Account(), "account taken from userArn")
}
