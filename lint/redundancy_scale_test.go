package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// manyStatements is a policy of n statements, the i-th written by
// format(i).
func manyStatements(n int, format func(i int) string) []byte {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = format(i)
	}
	return []byte(stmt(parts...))
}

// codes counts the findings of Check by code.
func codes(src []byte) map[string]int {
	out := map[string]int{}
	for _, f := range Check(src, policy.Source{File: "p.json"}) {
		out[f.Code]++
	}
	return out
}

// Issue 15: the redundancy check compared every pair of statements, so
// that validating 100,000 statements did not finish in ten minutes. Only
// statements that could cover each other are compared now, so 20,000
// distinct statements stay far inside the comparison budget, and the
// duplicates among them are still found
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-redundant-statement).
func TestRedundancyManyStatementsChecked(t *testing.T) {
	src := manyStatements(20_000, func(i int) string {
		if i%1000 == 999 { // a repeat of the statement before
			i--
		}
		return fmt.Sprintf(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b%d/*"}`, i)
	})
	got := codes(src)
	assert.Equal(t, 20, got["REDUNDANT_STATEMENT"], "each repeated statement is reported once")
	assert.Zero(t, got["REDUNDANCY_NOT_CHECKED"], "distinct statements are compared only with those that could cover them")
}

// A hostile policy whose statements all overlap without covering each
// other would still need every pair: the check stops at its budget and
// says so rather than running for minutes.
func TestRedundancyBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("compares a few million statement pairs")
	}
	src := manyStatements(2_000, func(i int) string {
		return fmt.Sprintf(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a*b%dc"}`, i)
	})
	assert.Equal(t, 1, codes(src)["REDUNDANCY_NOT_CHECKED"])
}

// Issue 15: 100,000 identical statements (differing only in Sid) each had
// every other one as a candidate, so that gathering candidates alone was
// quadratic (12.6 s for `iameval validate`). Gathering counts against the
// budget too: the check stops and says so, in linear time.
func TestRedundancyBudgetCountsCandidates(t *testing.T) {
	if testing.Short() {
		t.Skip("gathers a few million candidates")
	}
	src := manyStatements(20_000, func(i int) string {
		return fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, i)
	})
	got := codes(src)
	assert.Equal(t, 1, got["REDUNDANCY_NOT_CHECKED"])
	assert.Positive(t, got["REDUNDANT_STATEMENT"], "statements before the budget ran out are still reported")
}

// Issue 15: a Resource list of 100,000 wildcard ARNs compared every entry
// with every wildcard entry and ran for minutes. The check stops at its
// budget and says so; a list within it is checked whole, a covered entry
// reported
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
func TestRedundantEntriesBudget(t *testing.T) {
	list := func(n int) []byte {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf(`"arn:aws:s3:::b%d/*"`, i)
		}
		parts = append(parts, `"arn:aws:s3:::b1/x"`) // covered by b1/*
		return []byte(stmt(`{"Effect":"Allow","Action":"s3:GetObject","Resource":[` + strings.Join(parts, ",") + `]}`))
	}
	small := codes(list(1_000))
	assert.Equal(t, 1, small["REDUNDANT_RESOURCE"], "the covered entry")
	assert.Zero(t, small["REDUNDANCY_NOT_CHECKED"], "a thousand wildcard entries are compared whole")
	large := codes(list(20_000))
	assert.Equal(t, 1, large["REDUNDANCY_NOT_CHECKED"], "400 million pairs are past the budget")
}

// Issue 15: a policy of 100,000 actions of unknown services asked for a
// "did you mean" for each, 11 seconds in all. Each unknown name is asked
// once, and past maxSuggestions distinct names the findings come without
// one; every unknown service is still reported.
func TestDidYouMeanAskedOnce(t *testing.T) {
	t.Parallel()
	var actions []string
	for i := range 3 * maxSuggestions {
		actions = append(actions, fmt.Sprintf(`"s4:Get%d"`, i)) // s4 is near s3
		actions = append(actions, fmt.Sprintf(`"zq%dx:Get"`, i))
	}
	fs := Check([]byte(stmt(`{"Effect":"Allow","Action":[`+strings.Join(actions, ",")+`],"Resource":"*"}`)), policy.Source{})
	invalid, s3, suggested := 0, 0, 0
	for _, f := range fs {
		if f.Code != "INVALID_SERVICE_IN_ACTION" {
			continue
		}
		invalid++
		if strings.Contains(f.Message, `did you mean "s3"?`) {
			s3++
		}
		if strings.Contains(f.Message, "did you mean") {
			suggested++
		}
	}
	assert.Equal(t, len(actions), invalid, "every unknown service is reported")
	assert.Equal(t, 3*maxSuggestions, s3, "s4 is asked once, before the budget, and its answer kept")
	assert.LessOrEqual(t, suggested-s3, maxSuggestions, "the other names get at most the budget's suggestions")
}
