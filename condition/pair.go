package condition

import "github.com/iameval/iameval/variables"

// pairResult is the result of testing one request value against all policy
// values of a clause with the positive form of its operator. It has four
// fields so that the compiler keeps it in registers: a fifth would send
// every result through memory, a copy the CPU stalls on (a failed
// store-to-load forward) at each of the calls that return it.
type pairResult struct {
	bad        bool // the request value does not parse for the operator: every pair is false
	index      int  // the policy value that matched, or -1: isMatch
	unresolved int  // the first policy value whose variables had no value, or -1
	overBudget int  // the first policy value whose expansion exceeded variables.MaxExpansion, or -1
}

var (
	noMatch    = pairResult{index: -1, unresolved: -1, overBudget: -1}
	badRequest = pairResult{bad: true, index: -1, unresolved: -1, overBudget: -1}
)

// matched returns the result of a match with policy value i.
func matched(i int) pairResult {
	return pairResult{index: i, unresolved: -1, overBudget: -1}
}

// isMatch reports whether some policy value matched.
func (r pairResult) isMatch() bool { return r.index >= 0 }

// noteUnresolved records that policy value i had a variable without a value:
// that value matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func (r *pairResult) noteUnresolved(i int) {
	if r.unresolved < 0 {
		r.unresolved = i
	}
}

// noteStatus records why policy value i did not expand: a variable without
// a value (the value matches nothing) or an expansion past the budget (what
// it matches cannot be known; see pairResult.unknown).
func (r *pairResult) noteStatus(i int, st variables.Status) {
	if st == variables.OverBudget {
		if r.overBudget < 0 {
			r.overBudget = i
		}
		return
	}
	r.noteUnresolved(i)
}

// unknown reports that no policy value matched but one expanded past the
// budget: that one might have, so the pair's truth cannot be known.
func (r pairResult) unknown() bool {
	return !r.isMatch() && r.overBudget >= 0
}

// match returns r with policy value i as the match.
func (r pairResult) match(i int) pairResult {
	r.index = i
	return r
}
