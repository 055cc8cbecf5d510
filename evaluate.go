package iameval

import (
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Evaluate decides whether r is allowed by the policies in ps, following
// the evaluation logic of AWS (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). A nil
// ps is an empty set; a nil r and an invalid ps (see [PolicySet.Validate])
// are denied. Evaluate does not allocate for policies without variables.
// [Explain] runs the same evaluator and always reaches the same decision.
func Evaluate(ps *PolicySet, r *Request) Decision {
	return run(ps, r, nil)
}

// emptySet stands for a nil *PolicySet. It is never written.
var emptySet PolicySet

// lits is a set of the grant inputs of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html.
type lits uint8

const (
	litRPd lits = 1 << iota // resource policy allows the caller directly
	litRPi                  // ... through its role or federating IAM user
	litRPa                  // ... through its account
	litID                   // identity policies allow
	litPB                   // no boundary, or the boundary allows
	litSP                   // the session policies allow (or need not)
)

const litRP = litRPd | litRPi | litRPa

// Each combination rule of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html is a disjunction of
// conjunctions ("paths"); the request is granted when every input of one
// path holds. The identity path comes last so that explanations prefer it
// among equally close paths.
var (
	// same account, ordinary resource: RPd ∨ (RPi ∧ PB ∧ SP) ∨ (ID ∧ PB ∧ SP)
	pathsOrdinary = []lits{litRPd, litRPi | litPB | litSP, litID | litPB | litSP}
	// same account, resource policy required (KMS key policy):
	// RPd ∨ (RPi ∧ PB ∧ SP) ∨ (RPa ∧ ID ∧ PB ∧ SP)
	pathsRequired = []lits{litRPd, litRPi | litPB | litSP, litRPa | litID | litPB | litSP}
	// same account, role trust policy: PB ∧ (RPd ∨ (RPi ∧ SP) ∨ (RPa ∧ ID ∧ SP))
	pathsRoleTrust = []lits{litPB | litRPd, litPB | litRPi | litSP, litPB | litRPa | litID | litSP}
	// no resource policy takes part (sts:AssumeRoot): ID ∧ PB ∧ SP
	pathsIdentityOnly = []lits{litID | litPB | litSP}
	// cross-account: (RPd ∨ RPi ∨ RPa) ∧ ID ∧ PB ∧ SP
	pathsCross = []lits{litRPd | litID | litPB | litSP, litRPi | litID | litPB | litSP, litRPa | litID | litPB | litSP}
	// anonymous callers, service principals and unsigned
	// AssumeRoleWith* calls: only the resource policy grants, directly.
	pathsDirect = []lits{litRPd}
)

// paths returns the combination rule for the request.
func (f *facts) paths() []lits {
	switch {
	case f.unsigned || f.kind == principal.KindAnonymous || f.kind == principal.KindService:
		return pathsDirect
	case f.rp == rpIdentityOnly:
		return pathsIdentityOnly
	case !f.sameAccount:
		return pathsCross
	case f.rp == rpRequired:
		return pathsRequired
	case f.rp == rpRoleTrust:
		return pathsRoleTrust
	}
	return pathsOrdinary
}

// granted reports whether have satisfies one of paths.
func granted(paths []lits, have lits) bool {
	for _, p := range paths {
		if have&p == p {
			return true
		}
	}
	return false
}

// selection says which policies of a set the request consults
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
type selection struct {
	identity, session, boundary, resource, scp, rcp, vpce bool
}

// usesIdentity reports whether the caller's identity-side policies
// (identity, boundary) exist: IAM users, federated users (the federating
// user's) and role sessions. The root user has no identity policies and is
// allowed by default; anonymous callers, service principals and unsigned
// calls have none.
func (f *facts) usesIdentity() bool {
	if f.unsigned {
		return false
	}
	return f.kind == principal.KindIAMUser || f.kind == principal.KindFederatedUser || f.kind.IsRoleSession()
}

// usesSCP reports whether SCPs govern the caller: a signed caller with an
// account (not anonymous, not a service principal, not the unsigned call)
// that is not a service-linked role. Whether the account is a governed
// member is said by the set holding SCP levels.
func (f *facts) usesSCP() bool {
	return !f.unsigned && !f.serviceLinked &&
		f.kind != principal.KindAnonymous && f.kind != principal.KindService
}

// selectPolicies sets s to the policies of ps that the request consults.
// It writes through a pointer: a seven-field struct returned by value is
// stored byte by byte and then copied in words, which stalls the CPU.
func selectPolicies(ps *PolicySet, f *facts, s *selection) {
	id := f.usesIdentity()
	s.identity = id && len(ps.Identity) > 0
	s.session = f.session && len(ps.Session) > 0
	s.boundary = id && ps.PermissionsBoundary != nil
	s.resource = ps.Resource != nil
	s.scp = f.usesSCP() && len(ps.SCP) > 0
	s.rcp = f.rcp && len(ps.RCP) > 0
	s.vpce = len(ps.VPCEndpoint) > 0
}

// state is what one evaluation found; Explain reads it back.
type state struct {
	sel    selection
	have   lits
	paths  []lits
	denied bool
	scpOK  bool // every SCP level allows (true when SCPs are not consulted)
	vpceOK bool // every VPC endpoint policy allows
	pbDeny bool
	// public is the public statement of a bucket policy whose grants S3
	// Block Public Access (RestrictPublicBuckets) withheld; nil otherwise.
	public *policy.Statement
}

// evaluator matches policies against one prepared request, handing every
// statement result to c in explain mode.
type evaluator struct {
	q *policy.Request
	c *collector
}

// eval evaluates one policy into o. On the hot path (c nil) no recorder
// is passed, so package policy may use its indexes and stop early.
//
// The Outcome is written through a pointer rather than returned (see
// policy.Policy.EvalInto).
func (e *evaluator) eval(p *policy.Policy, t policy.Type, level, index int, o *policy.Outcome) {
	if e.c == nil {
		p.EvalInto(e.q, nil, o)
		return
	}
	e.c.cur = slot{typ: t, level: level, index: index, policy: p}
	*o = e.c.evalPolicy(e.q, p)
	e.c.outcomes = append(e.c.outcomes, noted{slot: e.c.cur, out: *o})
}

// list evaluates policies of one type (or one organization level). On the
// hot path it returns at the first deny.
func (e *evaluator) list(ps []*policy.Policy, t policy.Type, level int) (deny, anyAllow, allAllow bool) {
	allAllow = true
	var o policy.Outcome
	for i, p := range ps {
		e.eval(p, t, level, i, &o)
		if o.Deny {
			deny = true
			if e.c == nil {
				return deny, anyAllow, false
			}
		}
		anyAllow = anyAllow || o.Allow
		allAllow = allAllow && o.Allow
	}
	return deny, anyAllow, allAllow
}

// run is the one evaluator behind Evaluate (c nil) and Explain.
func run(ps *PolicySet, r *Request, c *collector) Decision {
	// r.preq.Principal is nil exactly when r.in.Principal is (NewRequest
	// sets both); it sits on the cache lines evaluation reads anyway.
	if r == nil || r.preq.Principal() == nil {
		c.setReason("no request: build one with NewRequest")
		return ImplicitDeny
	}
	if ps == nil {
		ps = &emptySet
	}
	if msg := ps.problem(); msg != "" {
		c.setReason("invalid policy set: " + msg)
		return ImplicitDeny
	}
	f := &r.facts
	if f.fixed {
		c.setReason(f.fixedReason)
		return f.fixedDecision
	}

	st := state{paths: f.paths(), scpOK: true, vpceOK: true}
	selectPolicies(ps, f, &st.sel)
	e := evaluator{q: &r.preq, c: c}
	if st.sel.boundary {
		e.q = &r.preqBoundary
	}
	explain := c != nil

	// Explicit-deny and grant inputs, policy type by policy type. On
	// the hot path the first deny decides.
	if st.sel.identity {
		deny, allow, _ := e.list(ps.Identity, policy.Identity, 0)
		if deny && !explain {
			return ExplicitDeny
		}
		st.denied = st.denied || deny
		if allow {
			st.have |= litID
		}
	} else if f.root {
		st.have |= litID // the root user has full access by default
	}
	if st.sel.boundary {
		var o policy.Outcome
		e.eval(ps.PermissionsBoundary, policy.PermissionsBoundary, 0, 0, &o)
		if o.Deny && !explain {
			return ExplicitDeny
		}
		st.denied = st.denied || o.Deny
		st.pbDeny = o.Deny
		if o.Allow {
			st.have |= litPB
		}
	} else {
		st.have |= litPB
	}
	switch {
	case st.sel.session:
		deny, allow, _ := e.list(ps.Session, policy.Session, 0)
		if deny && !explain {
			return ExplicitDeny
		}
		st.denied = st.denied || deny
		if allow || (f.assumedRoot && taskPolicySP(ps.Session, allow)) { // several session policies are unioned (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html)
			st.have |= litSP
		}
	case f.assumedRoot:
		c.setReason(noTaskPolicy) // no SP: fail closed
	case !f.session || f.kind != principal.KindFederatedUser:
		// Not a session, or a role session without session policy. A
		// federated user without session policy has no identity-side
		// permissions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
		st.have |= litSP
	}
	if st.sel.resource {
		var o policy.Outcome
		e.eval(ps.Resource, policy.Resource, 0, 0, &o)
		if o.Deny && !explain {
			return ExplicitDeny
		}
		st.denied = st.denied || o.Deny
		if o.AllowDirect {
			st.have |= litRPd
		}
		if o.AllowIndirect {
			st.have |= litRPi
		}
		if o.AllowAccount {
			if f.root {
				st.have |= litRPd // for the root user a grant to its account counts as direct
			} else {
				st.have |= litRPa
			}
		}
		if f.restrictPublic && st.have&litRP != 0 {
			st.public = withholdPublic(ps.Resource, &st)
		}
	}
	if st.sel.scp { // every SCP level of the caller's path must allow
		for l, level := range ps.SCP {
			deny, allow, _ := e.list(level, policy.SCP, l+1)
			if deny && !explain {
				return ExplicitDeny
			}
			st.denied = st.denied || deny
			st.scpOK = st.scpOK && allow
		}
	}
	if st.sel.rcp { // RCPFullAWSAccess is always attached, so RCPs only deny
		for l, level := range ps.RCP {
			deny, _, _ := e.list(level, policy.RCP, l+1)
			if deny && !explain {
				return ExplicitDeny
			}
			st.denied = st.denied || deny
		}
	}
	if st.sel.vpce { // every endpoint policy on the path must allow
		deny, _, all := e.list(ps.VPCEndpoint, policy.VPCEndpoint, 0)
		if deny && !explain {
			return ExplicitDeny
		}
		st.denied = st.denied || deny
		st.vpceOK = all
	}

	d := ImplicitDeny // nothing allowed: the default deny
	switch {
	case st.denied:
		d = ExplicitDeny
	case st.scpOK && st.vpceOK && granted(st.paths, st.have):
		d = Allowed
	}
	if explain {
		c.st = st
		c.evaluated = true
	}
	return d
}
