package iameval

import (
	"strings"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/principal"
)

// The rules that decide whether resource control policies govern a request
// (Organizations User Guide, "Resource control policies",
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html):
//
//   - RCPs apply only to resources of the services on AWS's list
//     ([rcpServices]);
//   - they do not apply to AWS managed KMS keys
//     (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html);
//     such a key is recognisable only by its alias, alias/aws/...;
//   - the kms:RetireGrant permission "is not effective in an RCP, even if
//     the Action element specifies an asterisk"
//     (https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html);
//   - they do not restrict service-linked roles, nor an AWS service's
//     ability to assume a service-linked role (sts:AssumeRole by a service
//     principal on a role under /aws-service-role/);
//   - they affect only resources of member accounts: a set whose resource
//     owner is the management account simply holds no RCP levels.
//
// When a rule keeps RCPs out, the explanation's Skipped entry for "rcp"
// gives the rule.

// rcpPage is the AWS page that lists the services RCPs support.
const rcpPage = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html"

// rcpSupported reports whether service is on AWS's list of services that
// support RCPs.
func rcpSupported(service string) bool {
	return rcpServiceSet[service]
}

// rcpServiceSet holds rcpServices: every request asks, and a map lookup
// costs less than a bisection of the list.
var rcpServiceSet = func() map[string]bool {
	set := make(map[string]bool, len(rcpServices))
	for _, s := range rcpServices {
		set[s] = true
	}
	return set
}()

// rcpExemption returns why RCPs do not govern the request, or "" when they
// do. f must have its kind, service, name and serviceLinked set.
func rcpExemption(f *facts, res arn.ARN, hasARN bool) string {
	switch {
	case !rcpSupported(f.service):
		return "RCPs do not govern " + f.service + " resources: " + f.service + " is not on AWS's list of services that support RCPs (" + rcpPage + ")"
	case f.service == "kms" && hasARN && strings.HasPrefix(res.Resource, "alias/aws/"):
		return "RCPs do not apply to AWS managed KMS keys (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html)"
	case f.service == "kms" && f.name == "retiregrant":
		return "the kms:RetireGrant permission is not effective in an RCP (https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html)"
	case f.serviceLinked:
		return "RCPs do not apply to service-linked roles (" + rcpPage + ")"
	case f.kind == principal.KindService && f.service == "sts" && f.name == "assumerole" &&
		hasARN && res.Service == "iam" && strings.HasPrefix(res.Resource, "role/aws-service-role/"):
		return "RCPs do not affect an AWS service's ability to assume a service-linked role (" + rcpPage + ")"
	}
	return ""
}
