package iameval

import (
	"slices"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
)

// compact returns the full result r keeping only what an explanation
// without [ExplainOptions].Statements reads from it: its Detail and
// MissingKeys, and of its condition trace the first failing clause (where
// the statement failed, see failedAt) and the clauses of unknown truth
// (Explanation.Unknown), without their values. A full result of a
// condition with 100,000 absent keys held 100,000 clause results until
// the explanation was built (issue 15).
func compact(r policy.StatementResult) policy.StatementResult {
	r.MissingKeys = slices.Clip(r.MissingKeys)
	t := r.Condition
	if t == nil {
		return r
	}
	var kept []condition.ClauseResult
	failed := false
	for i := range t.Clauses {
		cr := t.Clauses[i]
		if cr.Unknown || !cr.Passed && !failed {
			cr.PolicyValues, cr.RequestValues = nil, nil
			kept = append(kept, cr)
		}
		failed = failed || !cr.Passed
	}
	r.Condition = &condition.Trace{Clauses: kept}
	return r
}
