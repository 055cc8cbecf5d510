package iameval

import (
	"github.com/iameval/iameval/policy"
)

// slot says where a policy sits in a PolicySet: its type, its organization
// level (1-based; 0 for other types) and its index in the type's list.
type slot struct {
	typ          policy.Type
	level, index int
	policy       *policy.Policy
}

// noted is the outcome of one policy.
type noted struct {
	slot
	out policy.Outcome
}

// recorded is the result of one statement.
type recorded struct {
	slot
	res policy.StatementResult
}

// collector is the explain-mode recorder: it receives every statement result
// and every policy outcome of one evaluation, then builds the Explanation.
// A nil *collector is the hot path: every method is a no-op on nil.
type collector struct {
	cur       slot
	records   []recorded
	outcomes  []noted
	reason    string
	evaluated bool // run got past D1 and evaluated policies
	st        state
	// force, when set, makes the collector a counterfactual one: nothing
	// is recorded and the statement is taken to apply (ExplainWith).
	force *policy.StatementResult
}

// Record implements policy.Recorder.
func (c *collector) Record(r policy.StatementResult) {
	c.records = append(c.records, recorded{slot: c.cur, res: r})
}

func (c *collector) setReason(s string) {
	if c != nil {
		c.reason = s
	}
}

// explanation builds the Explanation of decision d.
func (c *collector) explanation(d Decision, ps *PolicySet, r *Request) *Explanation {
	x := &Explanation{Decision: d, Reason: c.reason}
	if r != nil && r.in.Principal != nil {
		x.Request = RequestSummary{
			Principal:       r.in.Principal.ARN(),
			PrincipalType:   r.in.Principal.Kind().String(),
			Action:          r.in.Action,
			Resource:        r.in.Resource,
			ResourceAccount: r.in.ResourceAccount,
			Unsigned:        r.facts.unsigned,
		}
	}
	if !c.evaluated {
		return x
	}
	if ps == nil {
		ps = &emptySet
	}
	st := &c.st
	x.Types = c.typeDetails()
	x.Skipped = skipped(ps, &r.facts, st.sel)
	x.MissingKeys = c.missingKeys()
	x.Unknown = c.unknownClauses()
	if st.public != nil {
		x.Withheld = []string{withheldPublic(st.public)}
	}
	if st.sel.scp || st.sel.rcp {
		ok := !c.typeDenied(policy.SCP) && !c.typeDenied(policy.RCP) && st.scpOK
		x.AllowedByOrganizations = &ok
	}
	if st.sel.boundary {
		ok := st.have&litPB != 0 && !st.pbDeny
		x.AllowedByPermissionsBoundary = &ok
	}
	switch d {
	case ExplicitDeny:
		for _, rec := range c.records {
			if rec.res.Applies && rec.res.Statement.Effect() == policy.Deny {
				x.Deciding = append(x.Deciding, ref(rec))
			}
		}
	case Allowed:
		x.Deciding = c.allowing()
	case ImplicitDeny:
		x.MissingAllow = c.missingAllow()
		x.Closest = c.closest(x.MissingAllow)
	}
	return x
}

// missingKeys returns the keys looked up and absent, deduplicated ignoring
// allowing returns the Allow statements behind an allowed decision: for
// every input of a satisfied path the statements that supplied it, plus
// missingAllow names the policy types that lacked an allow: the inputs
// closest ranks the Allow statements of the missing types that did not
