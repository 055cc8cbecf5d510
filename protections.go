package iameval

import (
	"slices"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
)

// protection is a refusal AWS enforces whatever the policies say: an
// administrator allowed "*" is still refused. The decision is implicitDeny
// (no Deny statement matched) with the rule and its AWS page as the reason.
type protection struct {
	// actions are the lower-case names of the refused actions of service.
	service string
	actions []string
	// The resource: an ARN of arnService whose account field is account
	// (any when "") and whose resource part begins with prefix.
	arnService, account, prefix string
	rule, page                  string
}

// Pages the protections cite.
const (
	pageManagedPolicies = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies"
	pageServiceLinked   = "https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html"
	pageReservedRoles   = "https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html"
	pageKMSAliases      = "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html"
)

// roleEdits are the IAM actions that change a role: its creation under a
// reserved path, its trust policy, inline and attached policies,
// permissions boundary, tags and its deletion.
var roleEdits = []string{
	"attachrolepolicy", "createrole", "deleterole", "deleterolepermissionsboundary",
	"deleterolepolicy", "detachrolepolicy", "putrolepermissionsboundary",
	"putrolepolicy", "tagrole", "untagrole", "updateassumerolepolicy",
}

// protections is the one table of the refusals AWS enforces outside the
// policies, each with its source:
//
//   - AWS managed policies (arn:PARTITION:iam::aws:policy/...): "You cannot
//     change the permissions defined in AWS managed policies" — creating,
//     versioning, setting the default version, deleting, tagging and
//     untagging them is refused;
//   - service-linked roles (path /aws-service-role/): "An IAM administrator
//     can view, but not edit the permissions for service-linked roles"; the
//     linked service defines the trust and permissions policies, and a
//     service-linked role is deleted with iam:DeleteServiceLinkedRole, not
//     iam:DeleteRole; creating a role under that path with iam:CreateRole is
//     refused too. Editing the description (iam:UpdateRoleDescription,
//     iam:UpdateRole) stays allowed, as the page says;
//   - roles under /aws-reserved/ (created by IAM Identity Center for
//     permission sets) are modifiable only by AWS: every role edit above plus
//     iam:UpdateRole and iam:UpdateRoleDescription;
//   - KMS aliases under alias/aws/ are reserved for AWS managed keys and
//     cannot be created, updated or deleted by customers.
var protections = []protection{
	{
		service: "iam", arnService: "iam", account: "aws", prefix: "policy/",
		actions: []string{"createpolicy", "createpolicyversion", "deletepolicy", "deletepolicyversion",
			"setdefaultpolicyversion", "tagpolicy", "untagpolicy"},
		rule: "AWS refuses changes to AWS managed policies, whatever the policies allow",
		page: pageManagedPolicies,
	},
	{
		service: "iam", arnService: "iam", prefix: "role/aws-service-role/", actions: roleEdits,
		rule: "AWS refuses customer changes to service-linked roles (trust policy, inline and attached policies, boundary, tags, creation under /aws-service-role/; delete them with iam:DeleteServiceLinkedRole), whatever the policies allow",
		page: pageServiceLinked,
	},
	{
		service: "iam", arnService: "iam", prefix: "role/aws-reserved/",
		actions: append(slices.Clone(roleEdits), "updaterole", "updateroledescription"),
		rule:    "AWS refuses customer changes to roles under /aws-reserved/ (IAM Identity Center); only AWS modifies them, whatever the policies allow",
		page:    pageReservedRoles,
	},
	{
		service: "kms", arnService: "kms", prefix: "alias/aws/",
		actions: []string{"createalias", "deletealias", "updatealias"},
		rule:    "AWS refuses creating, updating or deleting KMS aliases under alias/aws/ (reserved for AWS managed keys), whatever the policies allow",
		page:    pageKMSAliases,
	},
}

// attachActions attach a managed policy (named by iam:PolicyARN) to a user,
// group or role.
var attachActions = []string{"attachgrouppolicy", "attachrolepolicy", "attachuserpolicy"}

// protectedServices holds the services of protections and "iam" (for
// attachActions): protected refuses no request of another service, and
// most requests are of another, so it checks this set first.
var protectedServices = func() serviceSet {
	list := []string{"iam"}
	for _, p := range protections {
		list = append(list, p.service)
	}
	return newServiceSet(list)
}()

// protected returns the AWS-enforced refusal that decides the request, or
// "" when none does. ctx is the request context (for iam:PolicyARN).
func protected(service, name string, res arn.ARN, hasARN bool, ctx condition.Context) string {
	if !hasARN || !protectedServices.has(service) {
		return ""
	}
	for i := range protections {
		p := &protections[i]
		if p.service == service && p.arnService == res.Service &&
			(p.account == "" || p.account == res.Account) &&
			strings.HasPrefix(res.Resource, p.prefix) && slices.Contains(p.actions, name) {
			return p.rule + " (" + p.page + ")"
		}
	}
	if service == "iam" && slices.Contains(attachActions, name) && attachesServiceLinkedPolicy(ctx) {
		return "AWS refuses attaching a service-linked role's permissions policy (arn:aws:iam::aws:policy/aws-service-role/...) to any other IAM entity, whatever the policies allow (" + pageServiceLinked + ")"
	}
	return ""
}

// keyPolicyARN is iam:PolicyARN, normalized.
var keyPolicyARN = condition.NormalizeKey("iam:PolicyARN")

// attachesServiceLinkedPolicy reports whether iam:PolicyARN names an AWS
// managed policy under /aws-service-role/: "that permissions policy cannot
// be attached to any other IAM entity" (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
func attachesServiceLinkedPolicy(ctx condition.Context) bool {
	v, ok := ctx.LookupKey(keyPolicyARN)
	if !ok {
		return false
	}
	for _, s := range v.Strings() {
		if a, ok := arn.Parse(s); ok && a.Service == "iam" && a.Account == "aws" && strings.HasPrefix(a.Resource, "policy/aws-service-role/") {
			return true
		}
	}
	return false
}
