package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestProtections pins the refusals AWS enforces whatever the policies say
// (protections.go): an administrator allowed "*" is refused, with the rule
// and its AWS page as the reason; the neighbouring actions AWS allows stay
// allowed; IgnoreProtections (the simulator's view) lets policies decide.
func TestProtections(t *testing.T) {
	t.Parallel()
	const (
		managed  = "arn:aws:iam::aws:policy/AdministratorAccess"
		slrRole  = "arn:aws:iam::" + acctA + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"
		ssoRole  = "arn:aws:iam::" + acctA + ":role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef"
		ownRole  = "arn:aws:iam::" + acctA + ":role/Ordinary"
		awsAlias = "arn:aws:kms:us-east-1:" + acctA + ":alias/aws/s3"
	)
	tests := []struct {
		name, action, resource string
		ctx                    []string
		refused                string // substring of the reason; "" when allowed
		why                    string
	}{
		{"create managed policy version", "iam:CreatePolicyVersion", managed, nil, "AWS managed policies", "access_policies_managed-vs-inline.md: you cannot change AWS managed policies"},
		{"set default version of a managed policy", "iam:SetDefaultPolicyVersion", managed, nil, "AWS managed policies", "same page"},
		{"delete a managed policy", "iam:DeletePolicy", managed, nil, "AWS managed policies", "same page"},
		{"delete a managed policy version", "iam:DeletePolicyVersion", managed, nil, "AWS managed policies", "same page"},
		{"tag a managed policy", "iam:TagPolicy", managed, nil, "AWS managed policies", "same page"},
		{"untag a managed policy", "iam:UntagPolicy", managed, nil, "AWS managed policies", "same page"},
		{"create a policy in the aws namespace", "iam:CreatePolicy", "arn:aws:iam::aws:policy/Mine", nil, "AWS managed policies", "customers cannot create AWS managed policies"},
		{"managed policy in another partition", "iam:DeletePolicy", "arn:aws-cn:iam::aws:policy/AdministratorAccess", nil, "AWS managed policies", "the rule holds in every partition"},
		{"read a managed policy", "iam:GetPolicyVersion", managed, nil, "", "reading is allowed"},
		{"change a customer managed policy", "iam:CreatePolicyVersion", "arn:aws:iam::" + acctA + ":policy/Mine", nil, "", "customer managed policies are the customer's"},

		{"SLR trust policy", "iam:UpdateAssumeRolePolicy", slrRole, nil, "service-linked roles", "using-service-linked-roles.md: the service defines the trust policy"},
		{"SLR inline policy", "iam:PutRolePolicy", slrRole, nil, "service-linked roles", "an administrator can view, but not edit the permissions"},
		{"SLR delete inline policy", "iam:DeleteRolePolicy", slrRole, nil, "service-linked roles", "same page"},
		{"SLR attach", "iam:AttachRolePolicy", slrRole, nil, "service-linked roles", "same page"},
		{"SLR detach", "iam:DetachRolePolicy", slrRole, nil, "service-linked roles", "same page"},
		{"SLR boundary", "iam:PutRolePermissionsBoundary", slrRole, nil, "service-linked roles", "same page"},
		{"SLR remove boundary", "iam:DeleteRolePermissionsBoundary", slrRole, nil, "service-linked roles", "same page"},
		{"SLR tag", "iam:TagRole", slrRole, nil, "service-linked roles", "service-linked roles cannot be tagged"},
		{"SLR untag", "iam:UntagRole", slrRole, nil, "service-linked roles", "same"},
		{"SLR DeleteRole", "iam:DeleteRole", slrRole, nil, "DeleteServiceLinkedRole", "deleted through iam:DeleteServiceLinkedRole only"},
		{"role created under /aws-service-role/", "iam:CreateRole", "arn:aws:iam::" + acctA + ":role/aws-service-role/x.amazonaws.com/Mine", nil, "service-linked roles", "the path is the services'"},
		{"SLR DeleteServiceLinkedRole", "iam:DeleteServiceLinkedRole", slrRole, nil, "", "the documented way to delete"},
		{"SLR description", "iam:UpdateRoleDescription", slrRole, nil, "", "using-service-linked-roles.md: you can edit the description"},
		{"SLR PassRole", "iam:PassRole", slrRole, nil, "", "id_roles_use_passrole.md: passing a service-linked role needs iam:PassRole, so policies decide"},

		{"reserved role policy", "iam:PutRolePolicy", ssoRole, nil, "/aws-reserved/", "IAM Identity Center roles are modifiable only by AWS"},
		{"reserved role delete", "iam:DeleteRole", ssoRole, nil, "/aws-reserved/", "same"},
		{"reserved role update", "iam:UpdateRole", ssoRole, nil, "/aws-reserved/", "same"},
		{"reserved role trust", "iam:UpdateAssumeRolePolicy", ssoRole, nil, "/aws-reserved/", "same"},
		{"ordinary role edit", "iam:PutRolePolicy", ownRole, nil, "", "an ordinary role is the customer's"},

		{"create alias/aws/", "kms:CreateAlias", awsAlias, nil, "alias/aws/", "API_CreateAlias: the alias/aws/ prefix is reserved"},
		{"update alias/aws/", "kms:UpdateAlias", awsAlias, nil, "alias/aws/", "same"},
		{"delete alias/aws/", "kms:DeleteAlias", awsAlias, nil, "alias/aws/", "same"},
		{"customer alias", "kms:CreateAlias", "arn:aws:kms:us-east-1:" + acctA + ":alias/mine", nil, "", "a customer alias is the customer's"},

		{"attach an SLR policy to a user", "iam:AttachUserPolicy", "arn:aws:iam::" + acctA + ":user/bob",
			[]string{"iam:PolicyARN", "arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy"}, "service-linked role's permissions policy",
			"using-service-linked-roles.md: that permissions policy cannot be attached to any other IAM entity"},
		{"attach an ordinary managed policy", "iam:AttachUserPolicy", "arn:aws:iam::" + acctA + ":user/bob",
			[]string{"iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess"}, "", "attaching AWS managed policies is what they are for"},
	}
	ps := docs{identity: []string{allow("*", "*")}}.build(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var ctx condition.Context
			if tc.ctx != nil {
				ctx = ctxOf(t, tc.ctx...)
			}
			for _, ignore := range []bool{false, true} {
				r, err := NewRequest(RequestInput{Principal: alice, Action: tc.action, Resource: tc.resource, Context: ctx, Time: fixedTime, IgnoreProtections: ignore})
				require.NoError(t, err)
				x := Explain(ps, r)
				assert.Equal(t, x.Decision, Evaluate(ps, r), "Evaluate and Explain agree")
				if tc.refused == "" || ignore {
					assert.Equal(t, Allowed, x.Decision, "%s (IgnoreProtections %v)", tc.why, ignore)
					continue
				}
				assert.Equal(t, ImplicitDeny, x.Decision, tc.why)
				assert.Contains(t, x.Reason, tc.refused, tc.why)
				assert.Contains(t, x.Reason, "https://docs.aws.amazon.com/", "the reason cites the AWS page")
				assert.Contains(t, x.Reason, "whatever the policies allow", "the reason names the rule")
			}
		})
	}
}
