package policy

import (
	"errors"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
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
}

// Recorder receives a [StatementResult] for every statement of a policy,
// in document order, when passed to [Policy.Eval].
type Recorder interface {
	Record(StatementResult)
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

// add records an applicable statement.
func (o *Outcome) add(eff Effect, pm PrincipalMatch) {
	if eff == Deny {
		o.Deny = true
		return
	}
	o.Allow = true
	switch pm {
	case PrincipalDirect:
		o.AllowDirect = true
	case PrincipalIndirect:
		o.AllowIndirect = true
	case PrincipalAccount:
		o.AllowAccount = true
	}
}

// complete reports whether no further statement can change o.
func (o *Outcome) complete(principals bool) bool {
	return o.Deny && o.Allow && (!principals || o.AllowDirect && o.AllowIndirect && o.AllowAccount)
}

// env is the per-call evaluation state.
type env struct {
	q           *prepared
	l           condition.Lookup
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
func (p *Policy) Eval(r *Request, rec Recorder) Outcome {
	var o Outcome
	p.EvalInto(r, rec, &o)
	return o
}

// EvalInto is [Policy.Eval] storing the Outcome in *o instead of returning
// it. Hot paths use it: the compiler passes a returned Outcome through
// memory, storing its five fields one byte at a time and copying them as
// a word, which stalls the CPU (a failed store-to-load forward) on every
// call; writing through a pointer avoids the copy.
func (p *Policy) EvalInto(r *Request, rec Recorder, o *Outcome) {
	*o = Outcome{}
	if p == nil || r == nil {
		return
	}
	var e env
	if err := r.load(&e, rec != nil || p.idx.names); err != nil {
		if rec != nil {
			for _, s := range p.stmts {
				rec.Record(StatementResult{Statement: s, Principal: s.notApplicable(), Failed: PartAction, Detail: err.Error()})
			}
		}
		return
	}
	if rec != nil {
		p.evalAll(&e, rec, o)
		return
	}
	p.evalIndexedInto(&e, o)
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
func (p *Policy) evalIndexed(e *env) Outcome {
	var o Outcome
	p.evalIndexedInto(e, &o)
	return o
}

// evalIndexedInto is evalIndexed adding to o.
func (p *Policy) evalIndexedInto(e *env, o *Outcome) {
	x := &p.idx
	if p.evalCandidates(e, x.svc.lookup(e.q), o) {
		return
	}
	if e.q.resARN {
		res := e.q.resource
		for _, n := range x.lengths {
			if n > len(res) {
				break
			}
			if list, ok := x.byPrefix[res[:n]]; ok && p.evalList(e, list, o) {
				return
			}
		}
	}
}

// evalLinear matches every statement without the index or a recorder; the
// tests hold it against evalIndexed.
func (p *Policy) evalLinear(e *env) Outcome {
	var o Outcome
	for _, s := range p.stmts {
		if ok, pm := s.applies(e); ok {
			o.add(s.effect, pm)
		}
	}
	return o
}

// evalList matches the listed statements and reports whether o is complete.
func (p *Policy) evalList(e *env, list []int32, o *Outcome) bool {
	for _, i := range list {
		s := p.stmts[i]
		if ok, pm := s.applies(e); ok {
			o.add(s.effect, pm)
			if o.complete(p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalCandidates matches the listed statements whose action mask has the
// request's action bit and reports whether o is complete.
func (p *Policy) evalCandidates(e *env, list []candidate, o *Outcome) bool {
	bit := e.q.actionBit
	for _, c := range list {
		if c.mask&bit == 0 {
			continue
		}
		s := p.stmts[c.stmt]
		if ok, pm := s.applies(e); ok {
			o.add(s.effect, pm)
			if o.complete(p.idx.principals) {
				return true
			}
		}
	}
	return false
}

// evalAll matches and reports every statement.
func (p *Policy) evalAll(e *env, rec Recorder, o *Outcome) {
	for _, s := range p.stmts {
		res := s.explain(e)
		if res.Applies {
			o.add(s.effect, res.Principal)
		}
		rec.Record(res)
	}
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
	if !s.resources.applies(e.q, e.l) {
		return false, PrincipalNone
	}
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
