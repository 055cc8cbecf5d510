package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
)

// TestExplainBriefEqualsFull checks that the brief results and lean
// condition traces of a brief explanation change nothing it reports:
// Explain gives what ExplainWith with every statement's full result
// gives, less Statements.
// The cases look up absent keys (missing keys, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html),
// spell one key in two cases (condition keys are case-insensitive,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
// and use aws:SecureTransport, which AWS sets on every request, so that
// its absence makes a clause of unknown truth.
func TestExplainBriefEqualsFull(t *testing.T) {
	t.Parallel()
	tests := []struct {
		why string
		ps  docs
	}{
		{"one condition of many absent keys: the first failing clause is where it failed", docs{identity: []string{
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/b":"1","aws:PrincipalTag/a":"2","aws:username":"alice"}}`),
		}}},
		{"a passing clause before the failing one, and keys spelt in two cases across statements", docs{identity: []string{
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"alice","aws:PrincipalTag/Team":"x"}}`),
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:principaltag/team":"y","aws:RequestTag/z":"1"}}`),
		}}},
		{"clauses of unknown truth in an Allow and in a Deny", docs{identity: []string{
			allow("s3:GetObject", "*"),
			stmt(`"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},"StringEquals":{"aws:PrincipalTag/x":"1"}}`),
		}}},
		{"a statement whose keys are present but do not match is explained again for the closest list, leanly", docs{identity: []string{
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob","aws:PrincipalType":"User"}}`),
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/x":"1"}}`),
		}}},
		{"an Allow whose unknown clause follows a failing one", docs{identity: []string{
			stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/x":"1"},"Bool":{"aws:SecureTransport":"true"}}`),
		}}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			ps := tc.ps.build(t)
			r := newReq(t, alice, "s3:GetObject", objA)
			brief := Explain(ps, r)
			full := ExplainWith(ps, r, ExplainOptions{Statements: true})
			require.NotEmpty(t, full.MissingKeys, "the case looks up absent keys")
			full.Statements = nil
			assert.Equal(t, full, brief)
		})
	}
}

func TestExplainMissingKeysOnceSortedFirstSpelling(t *testing.T) {
	t.Parallel()
	// Keys are case-insensitive (reference_policies_elements_condition.html):
	// one key spelt two ways is listed once, as first written, and the
	// list is sorted ignoring case.
	ps := docs{identity: []string{
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Zed":"1"}}`),
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:principaltag/zed":"1","aws:PrincipalTag/alpha":"1"}}`),
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"AWS:PrincipalTag/ALPHA":"1","aws:PrincipalTag/Mid":"1"}}`),
	}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	assert.Equal(t, []string{"aws:PrincipalTag/alpha", "aws:PrincipalTag/Mid", "aws:PrincipalTag/Zed"}, x.MissingKeys)
}

func TestReleaseDropsFullResults(t *testing.T) {
	t.Parallel()
	// A recycled collector must not keep a large condition's results
	// alive until the pool drops it (issue 15).
	c := newCollector(true)
	c.placed = append(c.placed, placed{})
	c.Record(policy.StatementResult{Detail: "full", MissingKeys: []string{"k"}})
	fulls := c.fulls[:1]
	c.release()
	assert.Equal(t, policy.StatementResult{}, fulls[0])
}

func TestExplainManyMissingKeysText(t *testing.T) {
	t.Parallel()
	// The text lists the first missing keys and counts the rest; the
	// JSON form and the Explanation keep every key.
	keys := joinN(30, `"aws:PrincipalTag/k%02d":"v"`)
	ps := docs{identity: []string{stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{` + keys + `}}`)}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	require.Len(t, x.MissingKeys, 30)
	text := x.String()
	assert.Contains(t, text, "missing context keys: aws:PrincipalTag/k00, aws:PrincipalTag/k01,")
	assert.Contains(t, text, "aws:PrincipalTag/k19 and 10 more\n")
	assert.NotContains(t, text, "aws:PrincipalTag/k20")
}

func TestExplainManyDecidingText(t *testing.T) {
	t.Parallel()
	// Every matching Allow statement carries an allowed decision (like the
	// simulator's MatchedStatements); the text lists 20 and counts the
	// rest, the Explanation keeps them all.
	stmts := joinN(25, `{"Sid":"S%02d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`)
	ps := docs{identity: []string{`{"Version":"2012-10-17","Statement":[` + stmts + `]}`}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	require.Equal(t, Allowed, x.Decision)
	require.Len(t, x.Deciding, 25)
	text := x.String()
	assert.Contains(t, text, `Statement[19] "S19"`)
	assert.NotContains(t, text, `"S20"`)
	assert.Contains(t, text, "\n    and 5 more\n")
}
