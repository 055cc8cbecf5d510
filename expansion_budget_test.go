package iameval

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/variables"
)

// TestExpansionBudgetFailsClosed: a condition value that repeats a
// variable until its expansion passes the budget (issue 15: ${x} 1,000
// times with a 100 KB value allocated 562 MB per evaluation) cannot be
// known: an Allow does not apply, a Deny does, the explanation says why,
// and the evaluation stays small. AWS's own limits
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
// keep every real expansion far below the budget. Not parallel: the
// allocation bound reads the process-wide TotalAlloc, which parallel
// tests would add to; top-level tests that are not parallel run alone.
func TestExpansionBudgetFailsClosed(t *testing.T) {
	long := strings.Repeat("a", 60<<10) // under the per-value limit
	ctx := ctxOf(t, "aws:RequestTag/long", long)
	repeated := strings.Repeat("${aws:RequestTag/long}", 1000)
	cond := func(effect, op string) string {
		return stmt(`"Effect":"` + effect + `","Action":"s3:GetObject","Resource":"*","Condition":{"` + op + `":{"aws:RequestTag/long":"` + repeated + `"}}`)
	}
	tests := []struct {
		name string
		set  docs
		want Decision
		why  string
	}{
		{"Allow StringEquals does not apply", docs{identity: []string{cond("Allow", "StringEquals")}}, ImplicitDeny, "an unknown clause makes an Allow not apply"},
		{"Allow StringNotEquals does not apply", docs{identity: []string{cond("Allow", "StringNotEquals")}}, ImplicitDeny, "negated: still unknown, still no Allow"},
		{"Allow StringLike does not apply", docs{identity: []string{cond("Allow", "StringLike")}}, ImplicitDeny, "patterns are budgeted too"},
		{"Deny StringNotEquals applies", docs{identity: []string{allow("s3:*", "*"), cond("Deny", "StringNotEquals")}}, ExplicitDeny, "an unknown clause makes a Deny apply"},
		{"Deny ForAnyValue:StringEquals applies", docs{identity: []string{allow("s3:*", "*"), cond("Deny", "ForAnyValue:StringEquals")}}, ExplicitDeny, "set qualifiers fail closed too"},
		{"Deny StringEquals applies", docs{identity: []string{allow("s3:*", "*"), cond("Deny", "StringEquals")}}, ExplicitDeny, "the value might have matched"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := tc.set.build(t)
			r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "*", Context: ctx, Time: fixedTime})
			require.NoError(t, err)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d := Evaluate(ps, r)
			runtime.ReadMemStats(&after)
			assert.Equal(t, tc.want, d, tc.why)
			// The unbounded expansion took 562 MB; a budgeted one
			// allocates at most a few budgets.
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "an evaluation allocates at most a few budgets")
			x := Explain(ps, r)
			assert.Equal(t, d, x.Decision, "Explain agrees with Evaluate")
			assert.Contains(t, x.String(), "expansion budget", "the explanation names the budget")
		})
	}
	// A value that fits is expanded and compared as usual.
	ps := docs{identity: []string{stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/long":"${aws:RequestTag/long}"}}`)}}.build(t)
	r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "*", Context: ctx, Time: fixedTime})
	require.NoError(t, err)
	assert.Equal(t, Allowed, Evaluate(ps, r), "a 60 KB value within the budget")
}

// TestNewRequestRefusesValuesPastTheBudget: one context value longer than
// the expansion budget is refused; it is far past anything AWS sends.
func TestNewRequestRefusesValuesPastTheBudget(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("a", variables.MaxExpansion+1)
	for _, v := range []condition.Value{condition.StringValue(big), condition.ListValue("ok", big)} {
		c, err := condition.NewContext(map[string]condition.Value{"aws:RequestTag/x": v})
		require.NoError(t, err)
		_, err = NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "*", Context: c, Time: fixedTime})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "64 KiB")
	}
}
