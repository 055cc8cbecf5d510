package lint

import "strings"

// escalationActions are the actions that, allowed on every resource,
// let a principal raise its own permissions on their own, without passing
// a role to a service: they are the single-permission methods of Rhino
// Security Labs' "AWS IAM Privilege Escalation – Methods and Mitigation"
// (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/),
// with the permissions-boundary actions added as in Bishop Fox's
// iam-vulnerable and cloudsplaining's privilege-escalation list. Each
// edits a policy that applies to the caller, creates credentials for
// another identity, or changes code that runs with another role.
// Combinations that need iam:PassRole are covered by the PassRole checks.
var escalationActions = []string{
	"iam:AddUserToGroup",
	"iam:AttachGroupPolicy",
	"iam:AttachRolePolicy",
	"iam:AttachUserPolicy",
	"iam:CreateAccessKey",
	"iam:CreateLoginProfile",
	"iam:CreatePolicyVersion",
	"iam:DeleteRolePermissionsBoundary",
	"iam:DeleteUserPermissionsBoundary",
	"iam:PutGroupPolicy",
	"iam:PutRolePermissionsBoundary",
	"iam:PutRolePolicy",
	"iam:PutUserPermissionsBoundary",
	"iam:PutUserPolicy",
	"iam:SetDefaultPolicyVersion",
	"iam:UpdateAssumeRolePolicy",
	"iam:UpdateLoginProfile",
	"glue:UpdateDevEndpoint",
	"lambda:UpdateFunctionCode",
}

// escalationLower is escalationActions in lower case, for actionCoverage.
var escalationLower = func() []string {
	out := make([]string, len(escalationActions))
	for i, a := range escalationActions {
		out[i] = strings.ToLower(a)
	}
	return out
}()
