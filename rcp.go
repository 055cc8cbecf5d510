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
	return rcpServiceSet.has(service)
}

// rcpServiceSet holds rcpServices: every request asks, and a probe of a
// small table costs less than a map lookup or a bisection of the list.
var rcpServiceSet = newServiceSet(rcpServices)

// serviceSet is a set of service prefixes in an open-addressed table with
// at least four slots per prefix, so that a prefix off the list usually
// meets an empty slot at once.
type serviceSet struct {
	slots []string // "" is an empty slot
	mask  uint32
}

// newServiceSet returns the set of the non-empty strings of list.
func newServiceSet(list []string) serviceSet {
	n := 8
	for n < 4*len(list) {
		n *= 2
	}
	s := serviceSet{slots: make([]string, n), mask: uint32(n - 1)}
	for _, v := range list {
		if v == "" || s.has(v) {
			continue
		}
		i := serviceHash(v) & s.mask
		for s.slots[i] != "" {
			i = (i + 1) & s.mask
		}
		s.slots[i] = v
	}
	return s
}

// has reports whether v is in s.
func (s *serviceSet) has(v string) bool {
	if v == "" {
		return false
	}
	for i := serviceHash(v) & s.mask; s.slots[i] != ""; i = (i + 1) & s.mask {
		if s.slots[i] == v {
			return true
		}
	}
	return false
}

// serviceHash is the 32-bit FNV-1a hash of v: prefixes are short.
func serviceHash(v string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(v); i++ {
		h ^= uint32(v[i])
		h *= 16777619
	}
	return h
}

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
