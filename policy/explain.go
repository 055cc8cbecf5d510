package policy

import (
	"slices"
	"strconv"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// explain is the recording matcher: elements in Part order, with details;
// lean gives it a lean condition trace (see [condition.Trace].Lean).
func (s *Statement) explain(e *env, lean bool) StatementResult {
	res := StatementResult{Statement: s, Principal: PrincipalNotApplicable}
	if s.principal != nil {
		res.Principal = s.principalMatch(e)
		if res.Principal == PrincipalNone {
			res.Failed = PartPrincipal
			switch {
			case s.principal.not && s.effect == Allow:
				res.Detail = "principal " + callerName(e.who, &e.id) + " is excluded by NotPrincipal: an Allow with NotPrincipal does not apply to a caller any of whose identities (ARN, role, user, account) is listed"
			case s.principal.not:
				res.Detail = "principal " + callerName(e.who, &e.id) + " is exempted by NotPrincipal"
			default:
				res.Detail = "principal " + callerName(e.who, &e.id) + " not in Principal"
			}
			return res
		}
	}
	if !s.actions.applies(e.q) {
		res.Failed = PartAction
		if s.actions.not {
			res.Detail = "action " + strconv.Quote(e.q.action) + " in NotAction"
		} else {
			res.Detail = "action " + strconv.Quote(e.q.action) + " not in Action"
		}
		return res
	}
	if ok, detail, missing := s.resources.explain(e.q, e.l); !ok {
		res.Failed = PartResource
		res.Detail = detail
		res.MissingKeys = missing
		return res
	} else {
		res.MissingKeys = missing
	}
	if s.hasCond {
		t := &condition.Trace{Lean: lean}
		ok := s.cond.EvalFor(e.l, t, s.effect == Deny)
		res.Condition = t
		if len(res.MissingKeys) == 0 {
			// The trace's list is this result's own: shared, not copied
			// (issue 15), clipped so that appending to one never writes
			// into the other.
			res.MissingKeys = slices.Clip(t.Missing)
		} else {
			res.MissingKeys = appendUniqueAll(res.MissingKeys, t.Missing)
		}
		if !ok {
			res.Failed = PartCondition
			res.Detail = conditionDetail(t)
			return res
		}
	}
	res.Applies = true
	return res
}

// Explain returns the full result of s for r: what [Policy.Eval] reports
// about s to a [Recorder] that is not brief.
func (s *Statement) Explain(r *Request) StatementResult {
	return s.explainRequest(r, false)
}

// ExplainLean is [Statement.Explain] with a lean condition trace (see
// [condition.Trace].Lean): the first clause that did not pass and those of
// unknown truth, without values, and every missing key. It is what
// [Policy.Eval] reports to a [BriefRecorder] for a statement it reports in
// full.
func (s *Statement) ExplainLean(r *Request) StatementResult {
	return s.explainRequest(r, true)
}

// explainRequest is Explain and ExplainLean.
func (s *Statement) explainRequest(r *Request, lean bool) StatementResult {
	if r == nil {
		return StatementResult{Statement: s, Principal: s.notApplicable(), Failed: PartAction, Detail: "no request"}
	}
	var e env
	if err := r.load(&e, true); err != nil {
		return StatementResult{Statement: s, Principal: s.notApplicable(), Failed: PartAction, Detail: err.Error()}
	}
	return s.explain(&e, lean)
}

// brief is explain for a [BriefRecorder]: how far s matched, without
// details, or the full result when it has missing keys or unknown
// condition clauses to report. It allocates nothing on the brief path.
func (s *Statement) brief(e *env) StatementResult {
	res := StatementResult{Statement: s, Principal: PrincipalNotApplicable, Brief: true}
	if s.principal != nil {
		res.Principal = s.principalMatch(e)
		if res.Principal == PrincipalNone {
			res.Failed = PartPrincipal
			return res
		}
	}
	if !s.actions.applies(e.q) {
		res.Failed = PartAction
		return res
	}
	ok, keysSet := s.resources.check(e.q, e.l)
	if !keysSet {
		return s.explain(e, true)
	}
	if !ok {
		res.Failed = PartResource
		return res
	}
	if s.hasCond {
		pass, noted := s.cond.Check(e.l, s.effect == Deny)
		if noted {
			return s.explain(e, true)
		}
		if !pass {
			res.Failed = PartCondition
			return res
		}
	}
	res.Applies = true
	return res
}

// callerName names the caller in details.
func callerName(who principal.Principal, id *principal.Identity) string {
	if who == nil || id.Anonymous {
		return "anonymous"
	}
	return strconv.Quote(who.ARN())
}

// conditionDetail describes the first failing clause of a trace.
func conditionDetail(t *condition.Trace) string {
	for _, c := range t.Clauses {
		if c.Passed {
			continue
		}
		d := "condition " + c.Operator + " " + strconv.Quote(c.Key) + " not met"
		if c.Reason != "" {
			d += ": " + c.Reason
		}
		return d
	}
	return "condition not met"
}

// explain is resourceSet.applies with details: every entry is tried, so
// that every absent variable key is reported.
func (s *resourceSet) explain(q *prepared, l condition.Lookup) (ok bool, detail string, missing []string) {
	if !s.present {
		return true, "", nil
	}
	matched := false
	var unresolved []string
	ents := s.entries()
	for i := range ents {
		en := &ents[i]
		m, unres := en.match(q, l)
		matched = matched || m
		keys, names := en.head.keys()
		if en.hasVars() {
			keys = append(keys, en.tmpl.Keys()...)
			names = append(names, en.tmpl.Names()...)
		}
		for i, k := range keys {
			if _, ok := l.LookupVariable(k); !ok {
				missing = appendUnique(missing, names[i])
				if unres {
					unresolved = appendUnique(unresolved, names[i])
				}
			}
		}
	}
	if matched != s.not {
		return true, "", missing
	}
	name := "Resource"
	verb := " not in "
	if s.not {
		name, verb = "NotResource", " in "
	}
	detail = "resource " + strconv.Quote(q.resource) + verb + name
	for _, k := range unresolved {
		detail += "; ${" + k + "} has no value"
	}
	return false, detail, missing
}

// check is explain without details: whether the element holds and
// whether every variable key its entries look up has a value (explain
// reports no missing key exactly when it does).
func (s *resourceSet) check(q *prepared, l condition.Lookup) (ok, keysSet bool) {
	if !s.present {
		return true, true
	}
	matched := false
	keysSet = true
	ents := s.entries()
	for i := range ents {
		en := &ents[i]
		if !matched {
			matched, _ = en.match(q, l)
		}
		keysSet = keysSet && en.keysSet(l)
	}
	return matched != s.not, keysSet
}

// keysSet reports whether l has a value for every variable key the entry
// looks up.
func (en *resourceEntry) keysSet(l condition.Lookup) bool {
	if h := en.head; h != nil {
		for i := range h.vars {
			if !h.vars[i].tmpl.AllKeysSet(l) {
				return false
			}
		}
	}
	return !en.hasVars() || en.tmpl.AllKeysSet(l)
}

// appendUniqueAll appends to list each key of add that list does not
// hold (ignoring case). The keys of add are already unique ignoring case,
// so each is compared with list's own keys only: a condition of 100,000
// missing keys is not compared pair by pair.
func appendUniqueAll(list, add []string) []string {
	n := len(list)
	for _, k := range add {
		if !slices.ContainsFunc(list[:n], func(x string) bool { return strings.EqualFold(x, k) }) {
			list = append(list, k)
		}
	}
	return list
}

// appendUnique appends s to list unless it is there already.
func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
