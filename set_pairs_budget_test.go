package iameval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestSetPairsBudgetFailsClosed: ForAnyValue: and ForAllValues: compare
// each request value with the policy values, so their work is the product
// of the two counts (issue 15: 30,000 of each took 12 s). Past
// condition.MaxSetPairs the clause cannot be known: an Allow does not
// apply, a Deny does, and the explanation says why
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
// At the budget the clause is evaluated as usual.
func TestSetPairsBudgetFailsClosed(t *testing.T) {
	t.Parallel()
	const policyValues = 1000
	var vals []string
	for i := range policyValues {
		vals = append(vals, fmt.Sprintf("%q", fmt.Sprintf("v%d", i)))
	}
	cond := func(effect, op string) string {
		return stmt(`"Effect":"` + effect + `","Action":"s3:GetObject","Resource":"*","Condition":{"` + op + `":{"aws:TagKeys":[` + strings.Join(vals, ",") + `]}}`)
	}
	request := func(n int) *Request {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("v%d", i%policyValues) // every one is among the policy's
		}
		var b condition.Builder
		b.Add("aws:TagKeys", condition.ListValue(keys...))
		ctx, err := b.Context()
		require.NoError(t, err)
		r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "*", Context: ctx, Time: fixedTime})
		require.NoError(t, err)
		return r
	}
	within, past := request(condition.MaxSetPairs/policyValues), request(condition.MaxSetPairs/policyValues+1)
	for _, tc := range []struct {
		name         string
		set          docs
		within, past Decision
	}{
		{"Allow ForAnyValue:StringEquals", docs{identity: []string{cond("Allow", "ForAnyValue:StringEquals")}}, Allowed, ImplicitDeny},
		{"Allow ForAllValues:StringLike", docs{identity: []string{cond("Allow", "ForAllValues:StringLike")}}, Allowed, ImplicitDeny},
		{"Deny ForAnyValue:StringNotEquals", docs{identity: []string{allow("s3:*", "*"), cond("Deny", "ForAnyValue:StringNotEquals")}}, Allowed, ExplicitDeny},
	} {
		ps := tc.set.build(t)
		assert.Equal(t, tc.within, Evaluate(ps, within), "%s: at the budget", tc.name)
		assert.Equal(t, tc.past, Evaluate(ps, past), "%s: past the budget", tc.name)
		x := Explain(ps, past)
		assert.Equal(t, tc.past, x.Decision, "%s: Explain agrees", tc.name)
		assert.Contains(t, x.String(), "pairs a clause compares for one request", "%s: the explanation names the budget", tc.name)
	}
}
