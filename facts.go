package iameval

import (
	"strings"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/principal"
)

// facts are what the decision algorithm needs to know about a request
// beyond the policies. NewRequest computes them once.
type facts struct {
	kind          principal.Kind
	service, name string // lower-case action prefix and name
	// unsigned: the token or assertion holder's unsigned
	// AssumeRoleWithWebIdentity / AssumeRoleWithSAML call (scenario format (go doc ./scenario)
	// PRINCIPAL; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
	unsigned      bool
	session       bool // role session or federated user (and signed)
	sameAccount   bool
	serviceLinked bool
	root          bool
	assumedRoot   bool // a root session created by sts:AssumeRoot
	// rp says how a resource policy combines with the caller's policies
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
	rp rpMode
	// rcp: RCPs govern this request; rcpWhy says why not (rcp.go).
	rcp    bool
	rcpWhy string
	// restrictPublic: S3 Block Public Access RestrictPublicBuckets may
	// withhold the bucket policy's grants (restrictPublicApplies).
	restrictPublic bool
	// fixed is an outcome of the credentials that no policy can change.
	fixed         bool
	fixedDecision Decision
	fixedReason   string
}

// deriveFacts sets *f to the facts of a request, every field but
// restrictPublic, in place: a RequestBuilder's reused request need not
// copy them.
func deriveFacts(f *facts, p principal.Principal, service, name, resource string, res arn.ARN, hasARN bool, resourceAccount string) {
	kind := p.Kind()
	*f = facts{
		kind:    kind,
		service: service,
		name:    name,
		root:    kind == principal.KindRoot,
	}
	f.serviceLinked = p.Identity().ServiceLinked
	f.unsigned = isUnsignedCall(p, service, name, resource)
	if !f.unsigned {
		f.assumedRoot = isAssumedRoot(p)
		f.session = f.kind == principal.KindFederatedUser || f.kind.IsRoleSession() || f.assumedRoot
		// The unsigned caller has no account (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html: "the unsigned calls
		// have no caller account"); Anonymous and Service have none either.
		f.sameAccount = p.Account() != "" && p.Account() == resourceAccount
	}
	f.rp = resourcePolicyMode(service, name, res, hasARN)
	f.rcpWhy = rcpExemption(f, res, hasARN)
	f.rcp = f.rcpWhy == ""
	f.fixedDecision, f.fixedReason, f.fixed = fixedOutcome(p, f)
}

// isUnsignedCall reports whether a WebIdentity or SAML principal makes the
// unsigned call that creates its session: sts:AssumeRoleWithWebIdentity
// (WebIdentity) or sts:AssumeRoleWithSAML (SAML) on any role, or
// sts:TagSession / sts:SetSourceIdentity on its own role, which that call
// authorizes too. On another role, TagSession and SetSourceIdentity are
// requests of the existing session (role chaining).
func isUnsignedCall(p principal.Principal, service, name, resource string) bool {
	fed, ok := p.(principal.Federated)
	if !ok || service != "sts" {
		return false
	}
	switch name {
	case "assumerolewithwebidentity":
		return p.Kind() == principal.KindWebIdentity
	case "assumerolewithsaml":
		return p.Kind() == principal.KindSAML
	case "tagsession", "setsourceidentity":
		return resource == fed.RoleARN()
	}
	return false
}

// rpMode is how a same-account resource policy combines with the caller's
// identity side (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
type rpMode uint8

const (
	// rpOrdinary: a resource-policy grant and an identity-policy grant each
	// suffice: RPd ∨ (RPi ∧ PB ∧ SP) ∨ (ID ∧ PB ∧ SP).
	rpOrdinary rpMode = iota
	// rpRequired: the resource policy must allow the principal; naming the
	// account enables identity policies (KMS key policies):
	// RPd ∨ (RPi ∧ PB ∧ SP) ∨ (RPa ∧ ID ∧ PB ∧ SP).
	rpRequired
	// rpRoleTrust: as rpRequired, and the caller's permissions boundary
	// always applies: PB ∧ (RPd ∨ (RPi ∧ SP) ∨ (RPa ∧ ID ∧ SP)).
	rpRoleTrust
	// rpIdentityOnly: no resource policy takes part; the caller's identity
	// side alone grants, also across accounts: ID ∧ PB ∧ SP
	// (sts:AssumeRoot on a member account's root user, assumeroot.go).
	rpIdentityOnly
)

// resourcePolicyRule says that requests of an action service on resources
// of a type (ARN service and resource-part prefix) need the resource policy
// to allow them, also in the same account.
type resourcePolicyRule struct {
	actionService, arnService, resourcePrefix string
	mode                                      rpMode
}

// resourcePolicyRules is the per-service "resource policy required" table
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html: "make resource policy required a per-service
// setting, on by default for sts role trust and kms"). Resources that match
// no rule are ordinary. A KMS key's key policy must allow (KMS Developer
// Guide, https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html); KMS actions on aliases or "*" have no key policy.
// A role's trust policy must allow sts:AssumeRole and the sts:TagSession /
// sts:SetSourceIdentity authorized in the same call.
var resourcePolicyRules = []resourcePolicyRule{
	{actionService: "kms", arnService: "kms", resourcePrefix: "key/", mode: rpRequired},
	{actionService: "sts", arnService: "iam", resourcePrefix: "role/", mode: rpRoleTrust},
}

func resourcePolicyMode(service, name string, res arn.ARN, hasARN bool) rpMode {
	if !hasARN {
		return rpOrdinary
	}
	if service == "sts" && name == "assumeroot" && isRootARN(res, hasARN) {
		return rpIdentityOnly
	}
	for _, rule := range resourcePolicyRules {
		if rule.actionService == service && rule.arnService == res.Service && strings.HasPrefix(res.Resource, rule.resourcePrefix) {
			return rule.mode
		}
	}
	return rpOrdinary
}
