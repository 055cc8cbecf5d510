package iameval

import (
	"math/bits"

	"github.com/iameval/iameval/internal/outcome"
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
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
// one bit per step.
type selection uint8

// has reports whether the request consults the policies of step k.
func (s selection) has(k step) bool { return s&(1<<k) != 0 }

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

// selectPolicies returns the policies of ps that the request consults.
func selectPolicies(ps *PolicySet, f *facts) selection {
	id := f.usesIdentity()
	var s selection
	if id && len(ps.Identity) > 0 {
		s |= 1 << stepIdentity
	}
	if id && ps.PermissionsBoundary != nil {
		s |= 1 << stepBoundary
	}
	if f.session && len(ps.Session) > 0 {
		s |= 1 << stepSession
	}
	if ps.Resource != nil {
		s |= 1 << stepResource
	}
	if len(ps.SCP) > 0 && f.usesSCP() {
		s |= 1 << stepSCP
	}
	if f.rcp && len(ps.RCP) > 0 {
		s |= 1 << stepRCP
	}
	if len(ps.VPCEndpoint) > 0 {
		s |= 1 << stepVPCE
	}
	return s
}

// unconsulted adds to st the grant inputs of the identity-side types the
// request does not consult: the root user has full access by default; no
// permissions boundary limits nothing; a caller without session policy
// needs none, except a federated user (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html),
// which then has no identity-side permissions, and an sts:AssumeRoot
// session, which fails closed without its task policy (run says so).
func unconsulted(f *facts, st *state) {
	if !st.sel.has(stepIdentity) && f.root {
		st.have |= litID
	}
	if !st.sel.has(stepBoundary) {
		st.have |= litPB
	}
	if !st.sel.has(stepSession) && !f.assumedRoot && (!f.session || f.kind != principal.KindFederatedUser) {
		st.have |= litSP
	}
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

// evalBits is package policy's evaluation without a recorder, which
// returns the outcome as bits in a register (see internal/outcome).
var evalBits = outcome.Eval.(func(*policy.Policy, *policy.Request) outcome.Bits)

// evalList is package policy's evaluation of a list of policies without
// a recorder (see internal/outcome).
var evalList = outcome.EvalList.(func([]*policy.Policy, *policy.Request) outcome.Bits)

// eval evaluates one policy. On the hot path (c nil) no recorder is
// passed, so package policy may use its indexes and stop early.
func (e *evaluator) eval(p *policy.Policy, t policy.Type, level, index int) outcome.Bits {
	if e.c == nil {
		return evalBits(p, e.q)
	}
	at := slot{typ: t, level: level, index: index, policy: p}
	e.c.placed = append(e.c.placed, placed{slot: at, q: e.q})
	o := e.c.evalPolicy(e.q, p)
	e.c.outcomes = append(e.c.outcomes, noted{slot: at, out: o})
	return bitsOf(&o)
}

// bitsOf returns o as bits.
func bitsOf(o *policy.Outcome) outcome.Bits {
	var b outcome.Bits
	if o.Deny {
		b |= outcome.Deny
	}
	if o.Allow {
		b |= outcome.Allow
	}
	if o.AllowDirect {
		b |= outcome.AllowDirect
	}
	if o.AllowIndirect {
		b |= outcome.AllowIndirect
	}
	if o.AllowAccount {
		b |= outcome.AllowAccount
	}
	return b
}

// list evaluates policies of one type (or one organization level). On the
// hot path (no collector) package policy evaluates the whole list and
// stops at the first deny; an explanation evaluates and records every
// policy.
func (e *evaluator) list(ps []*policy.Policy, t policy.Type, level int) (deny, anyAllow, allAllow bool) {
	if e.c == nil {
		o := evalList(ps, e.q)
		return o.Has(outcome.Deny), o.Has(outcome.AnyAllow), o.Has(outcome.AllAllow)
	}
	allAllow = true
	for i, p := range ps {
		o := e.eval(p, t, level, i)
		deny = deny || o.Has(outcome.Deny)
		allow := o.Has(outcome.Allow)
		anyAllow = anyAllow || allow
		allAllow = allAllow && allow
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

	// The fields are set one by one: a composite literal is built in a
	// temporary with byte stores and copied by words, which stalls the
	// CPU (a failed store-to-load forward) on every call.
	var st state
	st.sel = selectPolicies(ps, f)
	st.paths = f.paths()
	st.scpOK, st.vpceOK = true, true
	e := evaluator{q: &r.preq, c: c}
	if st.sel.has(stepBoundary) {
		e.q = &r.preqBoundary
	}
	explain := c != nil
	unconsulted(f, &st)
	if f.assumedRoot && !st.sel.has(stepSession) {
		c.setReason(noTaskPolicy) // no task policy: fail closed
	}

	// The explicit-deny and grant inputs, step by step (policy type by
	// policy type). On the hot path the first deny decides.
	for m := st.sel; m != 0; m &= m - 1 {
		if e.step(step(bits.TrailingZeros8(uint8(m))), ps, f, &st) {
			if !explain {
				return ExplicitDeny
			}
			st.denied = true
		}
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

// A step evaluates the policies of one type that the request consults,
// adds the grant inputs they supply to st and reports whether one of
// them denied. run takes the selected steps in the order below.
type step uint8

const (
	stepIdentity step = iota
	stepBoundary
	stepSession
	stepResource
	stepSCP
	stepRCP
	stepVPCE
)

// step takes step k. It dispatches with a switch rather than through
// function values, which would move the evaluation state to the heap.
func (e *evaluator) step(k step, ps *PolicySet, f *facts, st *state) (deny bool) {
	switch k {
	case stepIdentity:
		return identityStep(e, ps, f, st)
	case stepBoundary:
		return boundaryStep(e, ps, f, st)
	case stepSession:
		return sessionStep(e, ps, f, st)
	case stepResource:
		return resourceStep(e, ps, f, st)
	case stepSCP:
		return scpStep(e, ps, f, st)
	case stepRCP:
		return rcpStep(e, ps, f, st)
	case stepVPCE:
		return vpceStep(e, ps, f, st)
	}
	return false
}

// identityStep supplies ID: an identity policy allows.
func identityStep(e *evaluator, ps *PolicySet, _ *facts, st *state) bool {
	deny, allow, _ := e.list(ps.Identity, policy.Identity, 0)
	if allow {
		st.have |= litID
	}
	return deny
}

// boundaryStep supplies PB: the permissions boundary allows.
func boundaryStep(e *evaluator, ps *PolicySet, _ *facts, st *state) bool {
	o := e.eval(ps.PermissionsBoundary, policy.PermissionsBoundary, 0, 0)
	st.pbDeny = o.Has(outcome.Deny)
	if o.Has(outcome.Allow) {
		st.have |= litPB
	}
	return st.pbDeny
}

// sessionStep supplies SP: a session policy allows; several session
// policies are unioned (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func sessionStep(e *evaluator, ps *PolicySet, f *facts, st *state) bool {
	deny, allow, _ := e.list(ps.Session, policy.Session, 0)
	if allow || (f.assumedRoot && taskPolicySP(ps.Session, allow)) {
		st.have |= litSP
	}
	return deny
}

// resourceStep supplies RPd, RPi and RPa: the resource policy allows the
// caller directly, through its role or federating user, or through its
// account; S3 Block Public Access may withhold public grants.
func resourceStep(e *evaluator, ps *PolicySet, f *facts, st *state) bool {
	o := e.eval(ps.Resource, policy.Resource, 0, 0)
	if o.Has(outcome.AllowDirect) {
		st.have |= litRPd
	}
	if o.Has(outcome.AllowIndirect) {
		st.have |= litRPi
	}
	if o.Has(outcome.AllowAccount) {
		if f.root {
			st.have |= litRPd // for the root user a grant to its account counts as direct
		} else {
			st.have |= litRPa
		}
	}
	if f.restrictPublic && st.have&litRP != 0 {
		st.public = withholdPublic(ps.Resource, st)
	}
	return o.Has(outcome.Deny)
}

// scpStep is the SCP gate: every SCP level of the caller's path must
// allow.
func scpStep(e *evaluator, ps *PolicySet, _ *facts, st *state) bool {
	denied := false
	for l, level := range ps.SCP {
		deny, allow, _ := e.list(level, policy.SCP, l+1)
		if deny {
			if e.c == nil {
				return true
			}
			denied = true
		}
		st.scpOK = st.scpOK && allow
	}
	return denied
}

// rcpStep is the RCP gate: RCPFullAWSAccess is always attached, so RCPs
// only deny.
func rcpStep(e *evaluator, ps *PolicySet, _ *facts, st *state) bool {
	denied := false
	for l, level := range ps.RCP {
		if deny, _, _ := e.list(level, policy.RCP, l+1); deny {
			if e.c == nil {
				return true
			}
			denied = true
		}
	}
	return denied
}

// vpceStep is the VPC endpoint gate: every endpoint policy on the path
// must allow.
func vpceStep(e *evaluator, ps *PolicySet, _ *facts, st *state) bool {
	deny, _, all := e.list(ps.VPCEndpoint, policy.VPCEndpoint, 0)
	st.vpceOK = all
	return deny
}
