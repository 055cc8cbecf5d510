package iameval

import (
	"strconv"
	"strings"

	"github.com/iameval/iameval/policy"
)

// ExplainOptions switches on optional parts of an [Explanation]. The zero
// value gives what [Explain] returns.
type ExplainOptions struct {
	// Statements fills [Explanation].Statements: every statement the
	// evaluation consulted, how far it matched, its condition clause
	// results and, for a statement that only its Condition kept from
	// applying, the decision the request would have got had it applied.
	// Each such statement costs one more evaluation of the request.
	Statements bool
}

// ExplainWith evaluates r against ps like [Explain] and adds the parts o
// asks for. With the zero ExplainOptions it returns exactly what Explain
// returns; the Decision is always the one [Evaluate] reaches.
func ExplainWith(ps *PolicySet, r *Request, o ExplainOptions) *Explanation {
	c := &collector{}
	d := run(ps, r, c)
	x := c.explanation(d, ps, r)
	if o.Statements && c.evaluated {
		x.Statements = c.statements(ps, r)
	}
	return x
}

// EvaluatedStatement is how one consulted statement fared: whether it
// applied, which element stopped it, the result of each condition clause
// when its Condition was evaluated, and what the decision would have been
// had it applied.
type EvaluatedStatement struct {
	StatementRef
	// Applies reports whether every element of the statement matched.
	Applies bool `json:"applies"`
	// Failed is the first element that did not match: "Principal",
	// "Action", "Resource" or "Condition"; "" when the statement applies.
	Failed string `json:"failed,omitempty"`
	// Detail says why it failed, as in [NearMiss].
	Detail string `json:"detail,omitempty"`
	// Clauses are the results of the statement's condition clauses, in
	// policy order, when its Condition was evaluated (Principal, Action and
	// Resource matched); every clause is evaluated, not only up to the
	// first that fails.
	Clauses []ClauseResult `json:"clauses,omitempty"`
	// IfApplied is set for a statement that Failed at its Condition: the
	// decision the request would have got had the statement applied, all
	// else equal. It differs from the Explanation's Decision exactly when
	// the statement's Condition is what kept the decision from changing.
	IfApplied *Decision `json:"ifApplied,omitempty"`
}

// ClauseResult is the result of one condition clause: one operator and
// condition key of a statement's Condition element.
type ClauseResult struct {
	// Index is the clause's 0-based place in the Condition element, in
	// source order: operator by operator, key by key.
	Index int `json:"index"`
	// Operator is the operator in its canonical spelling
	// ("ForAnyValue:StringLike").
	Operator string `json:"operator"`
	// Key is the condition key as written in the policy.
	Key string `json:"key"`
	// Values are the policy values; RequestValues the request's, nil when
	// the key is absent.
	Values        []string `json:"values,omitempty"`
	RequestValues []string `json:"requestValues,omitempty"`
	// Passed reports whether the clause held.
	Passed bool `json:"passed"`
	// Missing reports whether the key was absent from the request.
	Missing bool `json:"missing,omitempty"`
	// Unknown reports that the request does not determine the clause: a
	// key AWS sets on every request was not given, a plain operator met a
	// multivalued value, or ForAnyValue:...IfExists met an absent key. The
	// clause then holds for a Deny statement and fails for an Allow.
	Unknown bool `json:"unknown,omitempty"`
	// Reason names the rule that decided, in words.
	Reason string `json:"reason,omitempty"`
}

// String renders the statement's result on one line:
// `STATEMENT: applies` or `STATEMENT: Condition failed: DETAIL (if applied: allowed)`.
func (s EvaluatedStatement) String() string {
	var b strings.Builder
	b.WriteString(s.StatementRef.String())
	if s.Applies {
		b.WriteString(": applies")
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(s.Failed)
	b.WriteString(" failed")
	if s.Detail != "" {
		b.WriteString(": ")
		b.WriteString(s.Detail)
	}
	if s.IfApplied != nil {
		b.WriteString(" (if applied: ")
		b.WriteString(s.IfApplied.String())
		b.WriteByte(')')
	}
	return b.String()
}

// String renders the clause as `OPERATOR "KEY" passed|failed|unknown: REASON`.
func (c ClauseResult) String() string {
	verdict := " failed"
	switch {
	case c.Passed:
		verdict = " passed"
	case c.Unknown:
		verdict = " unknown"
	}
	s := c.Operator + " " + strconv.Quote(c.Key) + verdict
	if c.Reason != "" {
		s += ": " + c.Reason
	}
	return s
}

// statements lists every recorded statement. For a statement stopped by
// its Condition it evaluates r again with that statement forced to apply.
func (c *collector) statements(ps *PolicySet, r *Request) []EvaluatedStatement {
	out := make([]EvaluatedStatement, 0, len(c.records))
	ifApplied := map[*policy.Statement]Decision{}
	for _, rec := range c.records {
		res := &rec.res
		es := EvaluatedStatement{StatementRef: ref(rec), Applies: res.Applies, Detail: res.Detail}
		if !res.Applies {
			es.Failed = res.Failed.String()
		}
		if res.Condition != nil {
			for _, cr := range res.Condition.Clauses {
				es.Clauses = append(es.Clauses, ClauseResult{
					Index:         cr.Index,
					Operator:      cr.Operator,
					Key:           cr.Key,
					Values:        cr.PolicyValues,
					RequestValues: cr.RequestValues,
					Passed:        cr.Passed,
					Missing:       cr.Missing,
					Unknown:       cr.Unknown,
					Reason:        cr.Reason,
				})
			}
		}
		if !res.Applies && res.Failed == policy.PartCondition {
			d, seen := ifApplied[res.Statement]
			if !seen {
				d = run(ps, r, &collector{force: res})
				ifApplied[res.Statement] = d
			}
			es.IfApplied = &d
		}
		out = append(out, es)
	}
	return out
}

// evalPolicy evaluates p in explain mode. A collector that records hands
// itself to package policy; a counterfactual collector (force set) takes
// the fast path and adds the forced statement's effect to the outcome of
// the policy that holds it, as if its Condition had held.
func (c *collector) evalPolicy(q *policy.Request, p *policy.Policy) policy.Outcome {
	if c.force == nil {
		return p.Eval(q, c)
	}
	o := p.Eval(q, nil)
	if s := c.force.Statement; s != nil && s.Policy() == p {
		if s.Effect() == policy.Deny {
			o.Deny = true
		} else {
			o.Allow = true
			switch c.force.Principal {
			case policy.PrincipalDirect:
				o.AllowDirect = true
			case policy.PrincipalIndirect:
				o.AllowIndirect = true
			case policy.PrincipalAccount:
				o.AllowAccount = true
			}
		}
	}
	return o
}
