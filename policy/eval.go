package policy

import (
	"errors"
	"math/bits"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/outcome"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/variables"
)

// StatementResult is what [Policy.Eval] reports to a [Recorder] about one
// statement.
type StatementResult struct {
	Statement *Statement
	Applies   bool           // every element matched
	Principal PrincipalMatch // how Principal or NotPrincipal matched; PrincipalNotApplicable for types without one
	Failed    Part           // the first element that did not match, in Part order; PartNone when Applies
	// Detail explains a failure in words, like `action "s3:PutObject" not
	// in Action` or `resource "arn:aws:s3:::b/x" not in Resource;
	// ${aws:username} has no value`; "" when the statement applies.
	Detail    string
	Condition *condition.Trace // the Condition element's trace, when it was evaluated
	// MissingKeys lists the context keys that the statement looked up (in
	// conditions and in resource variables) and that the request lacks,
	// without repetition; nil when none.
	MissingKeys []string
	// Brief is set on a result given to a [BriefRecorder] without Detail
	// and Condition: the statement looked up no missing key and met no
	// condition clause of unknown truth. [Statement.Explain] gives the
	// full result.
	Brief bool
}

// Recorder receives a [StatementResult] for every statement of a policy,
// in document order, when passed to [Policy.Eval].
type Recorder interface {
	Record(StatementResult)
}

// BriefRecorder is a [Recorder] that may take brief results. When Brief
// returns true, [Policy.Eval] reports a statement whose full result would
// list no missing key and no condition clause of unknown truth as
// Statement, Applies, Principal and Failed only, with Brief set, so that
// no text is built for statements that may never be shown; other
// statements get their full result, with a lean condition trace (see
// [condition.Trace].Lean and [Statement.ExplainLean]).
type BriefRecorder interface {
	Recorder
	Brief() bool
}

// Outcome is what the statements of one policy say about a request. The
// root package combines the outcomes of all policies into a decision.
type Outcome struct {
	Deny  bool // some Deny statement applies
	Allow bool // some Allow statement applies, however its principal matched
	// For policies with a Principal element (resource-based, RCP, VPC
	// endpoint): some applicable Allow statement's principal matched
	// directly ("*" and NotPrincipal count as direct), indirectly or by
	// account (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html). Each statement counts for its
	// strongest match only.
	AllowDirect, AllowIndirect, AllowAccount bool
}

// effects is an Outcome under evaluation, one bit per field: evaluation
// passes it in a register and sets bits, and [Policy.Eval] turns it into
// an Outcome once. The engine takes the bits themselves (see
// internal/outcome).
type effects = outcome.Bits

const (
	effDeny     = outcome.Deny
	effAllow    = outcome.Allow
	effDirect   = outcome.AllowDirect
	effIndirect = outcome.AllowIndirect
	effAccount  = outcome.AllowAccount
)

func init() {
	outcome.Eval = func(p *Policy, r *Request) outcome.Bits { return p.eval(r, nil) }
	outcome.EvalList = evalPolicies
}

// evalPolicies evaluates the policies ps, of one type, without a
// recorder, and summarises their outcomes (see outcome.EvalList). It
// reads r once for all of them, and the caller's identity only once a
// policy needs it, and stops at the first deny: it reaches the outcomes
// p.eval(r, nil) gives one by one.
func evalPolicies(ps []*Policy, r *Request) outcome.Bits {
	sum := outcome.AllAllow
	var e env
	if r == nil || r.load(&e, false) != nil {
		// Every policy's outcome is empty (see eval).
		if len(ps) > 0 {
			sum = 0
		}
		return sum
	}
	who := false
	for _, p := range ps {
		var o effects
		if p != nil {
			if p.idx.names && !who {
				who = true
				_ = r.load(&e, true) // cannot fail: it did above
			}
			o = p.evalIndexed(&e)
		}
		if o&effDeny != 0 {
			return (sum &^ outcome.AllAllow) | outcome.Deny
		}
		if o&effAllow != 0 {
			sum |= outcome.AnyAllow
		} else {
			sum &^= outcome.AllAllow
		}
	}
	return sum
}

// add records an applicable statement in o.
func add(o *effects, eff Effect, pm PrincipalMatch) {
	if eff == Deny {
		*o |= effDeny
		return
	}
	*o |= effAllow
	switch pm {
	case PrincipalDirect:
		*o |= effDirect
	case PrincipalIndirect:
		*o |= effIndirect
	case PrincipalAccount:
		*o |= effAccount
	}
}

// complete reports whether no further statement can change o.
func complete(o effects, principals bool) bool {
	if principals {
		return o.Has(effDeny | effAllow | effDirect | effIndirect | effAccount)
	}
	return o.Has(effDeny | effAllow)
}

// setOutcome sets the fields of out from o, one by one: a composite
// literal would be stored byte by byte and copied as a word, which stalls
// the CPU (a failed store-to-load forward) on every call.
func setOutcome(out *Outcome, o effects) {
	out.Deny = o&effDeny != 0
	out.Allow = o&effAllow != 0
	out.AllowDirect = o&effDirect != 0
	out.AllowIndirect = o&effIndirect != 0
	out.AllowAccount = o&effAccount != 0
}

// env is the per-call evaluation state.
type env struct {
	q *prepared
	l condition.Lookup
	// vl is l as a variables.Lookup, which resource entries read
	// variables through: converted by appliesPastAction when a statement
	// first needs it, nil before.
	vl          variables.Lookup
	who         principal.Principal
	id          principal.Identity
	kind        principal.Kind
	hasBoundary bool
}

// emptyLookup stands for a request without context.
var emptyLookup condition.Lookup = condition.Context{}

// Eval evaluates every statement of p against r (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
//
// With a nil rec it takes the fast path: only the statements the index
// selects are matched, evaluation stops once the Outcome cannot change,
// and nothing is allocated for statements without policy variables. With a non-nil rec every statement
// is matched and reported, in document order. The Outcome is the same
// either way.
//
// A request whose action is not "service:name" matches no statement.
func (p *Policy) Eval(r *Request, rec Recorder) (o Outcome) {
	setOutcome(&o, p.eval(r, rec))
	return o
}

// eval is Eval returning the bits of the Outcome.
func (p *Policy) eval(r *Request, rec Recorder) effects {
	if p == nil || r == nil {
		return 0
	}
	var e env
	if err := r.load(&e, rec != nil || p.idx.names); err != nil {
		if rec != nil {
			for i := range p.stmts {
				s := &p.stmts[i]
				rec.Record(StatementResult{Statement: s, Principal: s.notApplicable(), Failed: PartAction, Detail: err.Error()})
			}
		}
		return 0
	}
	if rec != nil {
		brief := false
		if b, ok := rec.(BriefRecorder); ok {
			brief = b.Brief()
		}
		return p.evalAll(&e, rec, brief)
	}
	return p.evalIndexed(&e)
}

// env returns the evaluation state for r, with the caller's identity.
func (r *Request) env() (env, error) {
	var e env
	err := r.load(&e, true)
	return e, err
}

// load fills e with the evaluation state for r. The caller's identity is
// read only when who is set: only Principal and NotPrincipal elements and
// explanations need it. A Request not built by NewRequest (the zero
// Request) is an error: it matches nothing.
func (r *Request) load(e *env, who bool) error {
	if !r.prep.ok {
		return errNotBuilt
	}
	e.q = &r.prep
	e.l = r.context
	if e.l == nil {
		e.l = emptyLookup
	}
	e.vl = nil
	e.hasBoundary = r.hasBoundary
	e.kind = principal.KindAnonymous
	if who {
		// e.id is read only by Principal and NotPrincipal elements, which
		// set who: the copy is made only then.
		e.id = noIdentity
		e.who = r.principal
		if e.who != nil {
			e.id, e.kind = e.who.Identity(), e.who.Kind()
		}
	}
	return nil
}

// errNotBuilt is the failure of a Request not built by NewRequest.
var errNotBuilt = errors.New("request not built with policy.NewRequest: it matches no statement")

// evalIndexed is the fast path: the statements the index selects.
func (p *Policy) evalIndexed(e *env) effects {
	var o effects
	x := &p.idx
	if cl := x.svc.lookup(e.q); len(cl.cands) == 0 {
		// No statement of the list can match the action.
	} else if cl.narrow {
		if p.evalNarrow(e, cl, &o) {
			return o
		}
	} else if p.evalCandidates(e, cl, &o) {
		return o
	}
	if e.q.resARN {
		res := e.q.resource
		for _, n := range x.lengths {
			if int(n) > len(res) {
				break
			}
			if v, ok := x.byPrefix[res[:n]]; ok && p.evalList(e, x.filed(v), &o) {
				return o
			}
		}
	}
	return o
}

// evalLinear matches every statement without the index or a recorder; the
// tests hold it against evalIndexed.
func (p *Policy) evalLinear(e *env) effects {
	var o effects
	for i := range p.stmts {
		s := &p.stmts[i]
		if ok, pm := s.applies(e); ok {
			add(&o, s.effect, pm)
		}
	}
	return o
}

// evalList matches the listed statements and reports whether o is complete.
func (p *Policy) evalList(e *env, list []int32, o *effects) bool {
	for _, i := range list {
		s := &p.stmts[i]
		if ok, pm := s.applies(e); ok {
			add(o, s.effect, pm)
			if complete(*o, p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalCandidates matches the candidates of cl that can apply to the
// request and reports whether o is complete. What the list knows decides
// most statements without reading them: the mask and rule of a
// candidate prove or rule out its Action element, and its resource
// filter rules out most resources its Resource element does not match.
func (p *Policy) evalCandidates(e *env, cl *candList, o *effects) bool {
	if cl.narrow {
		return p.evalNarrow(e, cl, o)
	}
	if len(cl.cands) == 0 {
		return false
	}
	if cl.hashed {
		return p.evalHashed(e, cl, o)
	}
	return p.evalWide(e, cl, o)
}

// evalWide is evalCandidates for a list that is neither narrow nor
// hashed: more than 64 candidates.
func (p *Policy) evalWide(e *env, cl *candList, o *effects) bool {
	q := e.q
	bit := cl.bit(q)
	for i := range cl.cands {
		c := &cl.cands[i]
		// proven: the Action element holds (see actionRule).
		proven := c.mask&bit != 0 || c.act == actAll
		if !proven && c.act == actMask || c.res.rejects(q.resource) {
			continue
		}
		s := &p.stmts[c.stmt]
		if !proven && !s.actions.applies(q) {
			continue
		}
		if ok, pm := s.appliesPastAction(e); ok {
			add(o, s.effect, pm)
			if complete(*o, p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalNarrow is evalCandidates for a narrow list: it visits only the
// candidates of the set of the request's action.
func (p *Policy) evalNarrow(e *env, cl *candList, o *effects) bool {
	q := e.q
	res := q.resource
	set, bit := cl.find(q)
	for ; set != 0; set &= set - 1 {
		c := &cl.cands[bits.TrailingZeros64(set)]
		// c.res.rejects(res), with the test of the first entry written
		// out: rejects is too large to be inlined.
		if f := &c.res; f.on {
			if f.n == 0 {
				continue
			}
			end := int(f.ends[0])
			if (len(res) < end || word(res, end-resourceFilterWord) != f.words[0]) && (f.n < 2 || !f.hit(res, 1)) {
				continue
			}
		}
		s := &p.stmts[c.stmt]
		// proven: the Action element holds (see actionRule).
		if c.mask&bit == 0 && c.act != actAll && !s.actions.applies(q) {
			continue
		}
		var ok bool
		var pm PrincipalMatch
		if c.res.all {
			ok, pm = s.appliesPastResource(e)
		} else {
			ok, pm = s.appliesPastAction(e)
		}
		if ok {
			add(o, s.effect, pm)
			if complete(*o, p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalHashed is evalCandidates for a hashed list: a mask without the
// request action's bit rules a statement out, one with it proves
// nothing.
func (p *Policy) evalHashed(e *env, cl *candList, o *effects) bool {
	q := e.q
	for i := range cl.cands {
		c := &cl.cands[i]
		if c.mask&q.actionBit == 0 || c.res.rejects(q.resource) {
			continue
		}
		s := &p.stmts[c.stmt]
		if ok, pm := s.applies(e); ok {
			add(o, s.effect, pm)
			if complete(*o, p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalAll matches and reports every statement, briefly when brief is set.
func (p *Policy) evalAll(e *env, rec Recorder, brief bool) effects {
	var o effects
	for i := range p.stmts {
		s := &p.stmts[i]
		var res StatementResult
		if brief {
			res = s.brief(e)
		} else {
			res = s.explain(e, false)
		}
		if res.Applies {
			add(&o, s.effect, res.Principal)
		}
		rec.Record(res)
	}
	return o
}

// notApplicable returns the PrincipalMatch of a statement that was not
// matched at all.
func (s *Statement) notApplicable() PrincipalMatch {
	if s.principal != nil {
		return PrincipalNone
	}
	return PrincipalNotApplicable
}

// applies is the fast matcher: cheap elements first, no recording.
func (s *Statement) applies(e *env) (bool, PrincipalMatch) {
	if !s.actions.applies(e.q) {
		return false, PrincipalNone
	}
	return s.appliesPastAction(e)
}

// appliesPastAction is applies for a statement whose Action or NotAction
// element is known to hold.
func (s *Statement) appliesPastAction(e *env) (bool, PrincipalMatch) {
	if e.vl == nil {
		e.vl = e.l // once per evaluation: an interface conversion costs a lookup
	}
	if !s.resources.applies(e.q, e.vl) {
		return false, PrincipalNone
	}
	return s.appliesPastResource(e)
}

// appliesPastResource is appliesPastAction for a statement whose Resource
// or NotResource element is known to hold too.
func (s *Statement) appliesPastResource(e *env) (bool, PrincipalMatch) {
	pm := PrincipalNotApplicable
	if s.principal != nil {
		if pm = s.principalMatch(e); pm == PrincipalNone {
			return false, pm
		}
	}
	if s.hasCond && !s.cond.EvalFor(e.l, nil, s.effect == Deny) {
		return false, pm
	}
	return true, pm
}

// principalMatch matches the Principal or NotPrincipal element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
func (s *Statement) principalMatch(e *env) PrincipalMatch {
	ps := s.principal
	if !ps.not {
		return ps.match(&e.id)
	}
	if s.effect == Allow {
		// Fail closed: an Allow does not apply when any identity is listed.
		if ps.excludes(&e.id) {
			return PrincipalNone
		}
		return PrincipalDirect
	}
	// A Deny with NotPrincipal always applies to a caller with a
	// permissions boundary (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
	if e.hasBoundary {
		return PrincipalDirect
	}
	if ps.exempts(&e.id, e.kind) {
		return PrincipalNone
	}
	return PrincipalDirect
}
