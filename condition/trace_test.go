package condition

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

func TestTrace(t *testing.T) {
	t.Parallel()
	block := NewBlock([]Clause{
		mustClause(t, "StringEquals", "aws:PrincipalTag/Team", variables.Substitute, "a", "b"),
		mustClause(t, "StringLike", "s3:prefix", variables.Substitute, "home/${aws:username}/*"),
		mustClause(t, "NumericLessThan", "s3:max-keys", variables.Substitute, "10"),
		mustClause(t, "ForAllValues:StringEquals", "aws:TagKeys", variables.Substitute, "env"),
		mustClause(t, "IpAddressIfExists", "aws:SourceIp", variables.Substitute, "10.0.0.0/8"),
		mustClause(t, "Null", "aws:TokenIssueTime", variables.Substitute, "true"),
	})
	l := ctxOf(t,
		"aws:PrincipalTag/team", "b",
		"s3:prefix", "home/alice/x",
		"s3:max-keys", "many",
		"aws:TagKeys", []string{"env", "owner"},
	)
	var tr Trace
	got := block.Eval(l, &tr)
	assert.False(t, got)
	assert.Equal(t, block.Eval(l, nil), got, "the traced result equals the untraced one")

	want := Trace{
		Clauses: []ClauseResult{
			{Index: 0, Operator: "StringEquals", Key: "aws:PrincipalTag/Team", PolicyValues: []string{"a", "b"}, RequestValues: []string{"b"}, Passed: true,
				Reason: `request value "b" matches policy value "b"`},
			{Index: 1, Operator: "StringLike", Key: "s3:prefix", PolicyValues: []string{"home/${aws:username}/*"}, RequestValues: []string{"home/alice/x"}, Passed: false,
				Reason: `request value "home/alice/x" matches no policy value; policy value "home/${aws:username}/*" has a variable with no value and matches nothing`},
			{Index: 2, Operator: "NumericLessThan", Key: "s3:max-keys", PolicyValues: []string{"10"}, RequestValues: []string{"many"}, Passed: false,
				Reason: `request value "many" is not a number, so it matches no policy value`},
			{Index: 3, Operator: "ForAllValues:StringEquals", Key: "aws:TagKeys", PolicyValues: []string{"env"}, RequestValues: []string{"env", "owner"}, Passed: false,
				Reason: `ForAllValues: request value 1 fails: request value "owner" matches no policy value`},
			{Index: 4, Operator: "IpAddressIfExists", Key: "aws:SourceIp", PolicyValues: []string{"10.0.0.0/8"}, Passed: true, Missing: true,
				Reason: "key is absent: IfExists passes"},
			{Index: 5, Operator: "Null", Key: "aws:TokenIssueTime", PolicyValues: []string{"true"}, Passed: true, Missing: true,
				Reason: "key is absent: Null passes"},
		},
		Missing: []string{"aws:username", "aws:SourceIp", "aws:TokenIssueTime"},
	}
	if d := cmp.Diff(want, tr); d != "" {
		t.Errorf("Trace mismatch (-want +got):\n%s", d)
	}

	tr.Reset()
	assert.Empty(t, tr.Clauses)
	assert.Empty(t, tr.Missing)
}

func TestTraceReasons(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op     string
		values []string
		req    any
		reason string
		why    string
	}{
		{"StringNotEquals", []string{"x"}, nil, "key is absent: a negated operator passes", "reference_policies_elements_condition_operators.md"},
		{"StringEquals", []string{"x"}, nil, "key is absent: the operator fails", "reference_policies_elements_condition_operators.md"},
		{"ForAnyValue:StringEquals", []string{"x"}, nil, "key is absent: ForAnyValue fails on an empty set", "reference_policies_condition-single-vs-multi-valued-context-keys.md"},
		{"ForAllValues:StringEquals", []string{"x"}, nil, "key is absent: ForAllValues passes on an empty set", "reference_policies_condition-single-vs-multi-valued-context-keys.md"},
		{"ForAllValues:StringEquals", []string{"x"}, []string{""}, "request value is empty: ForAllValues passes on an empty set", "reference_policies_elements_condition_operators.md"},
		{"ForAnyValue:StringEquals", []string{"x"}, "", "request value is empty: ForAnyValue fails on an empty set", "reference_policies_elements_condition_operators.md"},
		{"StringEquals", []string{"x"}, []string{"x"}, "request value is multivalued and the operator has no ForAnyValue: or ForAllValues:; AWS does not say how it reads that, so the clause's truth is unknown: an Allow statement does not apply, a Deny statement does", "fail closed: reference_policies_condition-single-vs-multi-valued-context-keys.html"},
		{"ForAnyValue:StringEqualsIfExists", []string{"x"}, nil, "key is absent: IfExists passes but ForAnyValue fails on an empty set and AWS does not say which wins, so the clause's truth is unknown: an Allow statement does not apply, a Deny statement does", "fail closed: reference_policies_elements_condition_operators.html#Conditions_IfExists"},
		{"StringNotEquals", []string{"x"}, "x", `request value "x" matches policy value "x": the negated operator fails`, "reference_policies_multi-value-conditions.md"},
		{"NotIpAddress", []string{"10.0.0.0/8"}, "nope", `request value "nope" is not an IP address, so it matches no policy value: the negated operator passes`, "reference_policies_multi-value-conditions.md"},
		{"ForAnyValue:StringLike", []string{"e*"}, []string{"a", "env"}, `ForAnyValue: request value 1 passes: request value "env" matches policy value "e*"`, "reference_policies_condition-single-vs-multi-valued-context-keys.md"},
		{"ForAnyValue:NumericEquals", []string{"1"}, []string{"a", "2"}, `ForAnyValue: no request value passes; request value "a" is not a number`, "reference_policies_condition-single-vs-multi-valued-context-keys.md"},
		{"ForAllValues:StringLike", []string{"*"}, []string{"a", "b"}, "ForAllValues: every request value passes", "reference_policies_condition-single-vs-multi-valued-context-keys.md"},
		{"Null", []string{"false"}, "", "key is present with only empty values, which count as null: Null fails", "reference_policies_elements_condition_operators.md"},
		{"Null", []string{"false"}, "x", "key is present: Null passes", "reference_policies_elements_condition_operators.md"},
	}
	for _, tc := range tests {
		c := mustClause(t, tc.op, testKey, variables.Substitute, tc.values...)
		var tr Trace
		c.Eval(requestContext(t, tc.req), &tr)
		if assert.Len(t, tr.Clauses, 1) {
			assert.Equal(t, tc.reason, tr.Clauses[0].Reason, "%s %v on %#v: %s", tc.op, tc.values, tc.req, tc.why)
		}
	}
}

func TestTraceInvalidClause(t *testing.T) {
	t.Parallel()
	c, errs := NewClause(Operator{Base: NumericEquals}, "k", []string{"x"}, variables.Substitute)
	assert.NotEmpty(t, errs)
	var tr Trace
	assert.False(t, NewBlock([]Clause{c}).Eval(nil, &tr))
	assert.Equal(t, "clause has malformed policy values and never passes", tr.Clauses[0].Reason)
}

// Issue 15: a condition of 100,000 absent keys made every explanation
// compare each key with all earlier ones. Past a few keys they are
// deduplicated in one pass; the result must be the same: first spelling
// kept, keys equal ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html:
// "Condition key names are not case-sensitive") listed once.
func TestTraceMissingManyKeys(t *testing.T) {
	var clauses []Clause
	var want []string
	for i := range 40 {
		key := fmt.Sprintf("aws:PrincipalTag/k%d", i)
		if i%4 == 3 { // the previous key again, in upper case
			key = strings.ToUpper(want[len(want)-1])
		} else {
			want = append(want, key)
		}
		clauses = append(clauses, mustClause(t, "StringEquals", key, variables.Substitute, "v"))
	}
	var tr Trace
	NewBlock(clauses).Eval(nil, &tr)
	assert.Equal(t, want, tr.Missing, "each key once, as first written, in order")
}

// Issue 15: a lean trace of 100,000 absent keys allocates about the
// list of them once (16 bytes a key) and the dedupe's 5 bytes a key, not
// a list doubled seventeen times (three times the list, twice it held at
// the last step).
func TestTraceMissingKeysAllocateOnce(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation sizes")
	}
	const n = 100_000
	clauses := make([]Clause, n)
	for i := range clauses {
		clauses[i] = mustClause(t, "StringEquals", fmt.Sprintf("aws:PrincipalTag/k%d", i), variables.Substitute, "v")
	}
	block := NewBlock(clauses)
	tr := Trace{Lean: true}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	block.Eval(nil, &tr)
	runtime.ReadMemStats(&after)
	bytes := after.TotalAlloc - before.TotalAlloc
	require.Len(t, tr.Missing, n)
	assert.Less(t, bytes, uint64(n*(16+5)*5/4), "the missing list is allocated once")
}

// compareFold orders keys so that equal means strings.EqualFold,
// including characters whose folding orbit has more than two members (K,
// k and the Kelvin sign; s, S and ſ), and is a total order (antisymmetric
// here, transitive by construction: lexicographic over folded runes).
func TestCompareFoldMatchesEqualFold(t *testing.T) {
	words := []string{"aws:SourceIp", "AWS:SOURCEIP", "k", "K", "\u212a", "s", "S", "\u017f", "ß", "ẞ", "Σ", "σ", "ς", "é", "É", "\xff", "\ufffd", "", "kK", "K\u212a", "a"}
	for _, a := range words {
		for _, b := range words {
			assert.Equal(t, strings.EqualFold(a, b), compareFold(a, b) == 0, "%q vs %q", a, b)
			assert.Equal(t, compareFold(a, b), -compareFold(b, a), "%q vs %q", a, b)
		}
	}
}

// Keys sharing long prefixes, where the comparisons skip eight bytes at a
// time: equal ASCII runs are skipped, and a difference of case, a
// non-ASCII rune or an invalid byte inside or right after the run still
// decides as it does in a short key.
func TestCompareLongKeys(t *testing.T) {
	// "aws:Pri" puts a two-byte rune across the first eight bytes.
	prefixes := []string{"aws:PrincipalTag/", "AWS:principaltag/", "aws:PrincipalTag/\u212a", "aws:Principal\xffTag/", "aws:Principal\u00c9Tag/", "aws:PrincipalT", "aws:Pri"}
	var words []string
	for _, p := range prefixes {
		for _, w := range []string{"", "k", "K", "\u212a", "kx", "é", "É", "Ê", "\xff", "team", "Team"} {
			words = append(words, p+w)
		}
	}
	for _, a := range words {
		for _, b := range words {
			assert.Equal(t, strings.EqualFold(a, b), compareFold(a, b) == 0, "%q vs %q", a, b)
			assert.Equal(t, compareFold(a, b), -compareFold(b, a), "%q vs %q", a, b)
			assert.Equal(t, strings.Compare(NormalizeKey(a), NormalizeKey(b)), CompareKeys(a, b), "%q vs %q", a, b)
		}
	}
}

// CompareKeys orders keys as their NormalizeKey forms do, the order
// explanations list missing keys in.
func TestCompareKeysMatchesNormalizeKey(t *testing.T) {
	words := []string{"aws:SourceIp", "AWS:SOURCEIP", "aws:sourceip", "aws:SourceIpX", "aws:Source", "aws:PrincipalTag/Team", "aws:principaltag/TEAM", "k", "K", "\u212a", "\u212ax", "kx", "É", "é", "ÉA", "éb", "\xff", "", "a" + strings.Repeat("B", 70), strings.Repeat("b", 71)}
	for _, a := range words {
		for _, b := range words {
			assert.Equal(t, strings.Compare(NormalizeKey(a), NormalizeKey(b)), CompareKeys(a, b), "%q vs %q", a, b)
		}
	}
}

// A lean trace keeps what a summary of the evaluation reads: the first
// clause that did not pass (where the statement failed) and every clause
// of unknown truth, without values, and still every missing key; the
// result of the block is the same.
func TestTraceLean(t *testing.T) {
	var b Builder
	b.AddString("aws:username", "alice")
	b.Add("aws:SourceIp", UnknownValue())
	ctx, err := b.Context()
	require.NoError(t, err)
	block := NewBlock([]Clause{
		mustClause(t, "StringEquals", "aws:username", variables.Substitute, "alice"),   // passes
		mustClause(t, "StringEquals", "aws:PrincipalTag/a", variables.Substitute, "1"), // absent: the first to fail
		mustClause(t, "StringEquals", "aws:PrincipalTag/b", variables.Substitute, "2"), // absent: fails too, not kept
		mustClause(t, "IpAddress", "aws:SourceIp", variables.Substitute, "10.0.0.0/8"), // unknown: kept
	})
	var full, lean Trace
	lean.Lean = true
	for _, deny := range []bool{false, true} {
		full.Reset()
		lean.Reset()
		assert.Equal(t, block.EvalFor(ctx, &full, deny), block.EvalFor(ctx, &lean, deny), "the same result")
		var want []ClauseResult
		for _, cr := range full.Clauses {
			if cr.Index == 1 || cr.Index == 3 {
				cr.PolicyValues, cr.RequestValues = nil, nil
				want = append(want, cr)
			}
		}
		require.Len(t, want, 2)
		assert.True(t, want[1].Unknown)
		assert.Equal(t, want, lean.Clauses, "deny %v", deny)
		assert.Equal(t, full.Missing, lean.Missing, "every missing key")
		assert.Equal(t, []string{"aws:PrincipalTag/a", "aws:PrincipalTag/b", "aws:SourceIp"}, lean.Missing, "an unknown value counts as missing, as in a full trace")
	}
}
