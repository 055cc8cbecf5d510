package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// ctxOf builds a context from alternating keys and values, where a value is
// a string or a []string.
func ctxOf(t *testing.T, kv ...any) Context {
	t.Helper()
	m := map[string]Value{}
	for i := 0; i < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case string:
			m[kv[i].(string)] = StringValue(v)
		case []string:
			m[kv[i].(string)] = ListValue(v...)
		}
	}
	c, err := NewContext(m)
	require.NoError(t, err)
	return c
}

// TestSpecExampleTagKeys combines StringNotEquals on aws:PrincipalAccount,
// ForAllValues:StringEquals on aws:TagKeys and Null
// (reference_policies_condition-single-vs-multi-valued-context-keys.md):
// each row of its table is one request.
func TestSpecExampleTagKeys(t *testing.T) {
	t.Parallel()
	block := NewBlock([]Clause{
		mustClause(t, "StringNotEquals", "aws:PrincipalAccount", variables.Substitute, "111111111111", "222222222222"),
		mustClause(t, "ForAllValues:StringEquals", "aws:TagKeys", variables.Substitute, "env", "team"),
		mustClause(t, "Null", "aws:TagKeys", variables.Substitute, "false"),
	})
	withoutNull := NewBlock(block.Clauses()[:2])
	tests := []struct {
		name string
		ctx  Context
		want bool
		why  string
	}{
		{"listed tag", ctxOf(t, "aws:PrincipalAccount", "333333333333", "aws:TagKeys", []string{"env"}), true, "reference_policies_elements_condition_operators.md row 1"},
		{"listed account", ctxOf(t, "aws:PrincipalAccount", "111111111111", "aws:TagKeys", []string{"env"}), false, "reference_policies_elements_condition_operators.md row 2: matches a listed account"},
		{"unlisted tag", ctxOf(t, "aws:PrincipalAccount", "333333333333", "aws:TagKeys", []string{"env", "owner"}), false, "reference_policies_elements_condition_operators.md row 3: owner not listed"},
		{"no tags", ctxOf(t, "aws:PrincipalAccount", "333333333333"), false, "reference_policies_elements_condition_operators.md row 4: Null fails"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, block.Eval(tc.ctx, nil), tc.why)
			var tr Trace
			assert.Equal(t, tc.want, block.Eval(tc.ctx, &tr), tc.why)
			assert.Len(t, tr.Clauses, 3, "every clause is recorded")
		})
	}
	assert.True(t, withoutNull.Eval(ctxOf(t, "aws:PrincipalAccount", "333333333333"), nil),
		"reference_policies_elements_condition_operators.md row 4: without Null, ForAllValues alone would be true")
}

// TestSpecExampleIP checks IpAddress and NotIpAddress with an IPv4 and an
// IPv6 block (reference_policies_elements_condition_operators.md).
func TestSpecExampleIP(t *testing.T) {
	t.Parallel()
	in := mustClause(t, "IpAddress", "aws:SourceIp", variables.Substitute, "203.0.113.0/24", "2001:db8::/32")
	notIn := mustClause(t, "NotIpAddress", "aws:SourceIp", variables.Substitute, "203.0.113.0/24", "2001:db8::/32")
	tests := []struct {
		ip        any
		in, notIn bool
		why       string
	}{
		{"203.0.113.9", true, false, "reference_policies_elements_condition_operators.md"},
		{"2001:DB8:0:1::5", true, false, "reference_policies_elements_condition_operators.md"},
		{"198.51.100.1", false, true, "reference_policies_elements_condition_operators.md"},
		{nil, false, true, "reference_policies_elements_condition_operators.md: key absent (request through a VPC endpoint)"},
	}
	for _, tc := range tests {
		var l Context
		if tc.ip != nil {
			l = ctxOf(t, "aws:SourceIp", tc.ip)
		}
		assert.Equal(t, tc.in, in.Eval(l, nil), "IpAddress %v: %s", tc.ip, tc.why)
		assert.Equal(t, tc.notIn, notIn.Eval(l, nil), "NotIpAddress %v: %s", tc.ip, tc.why)
	}
}

// TestSpecConsequences pins consequences of how operators treat an absent
// key (reference_policies_elements_condition_operators.md).
func TestSpecConsequences(t *testing.T) {
	t.Parallel()
	longTerm := ctxOf(t, "aws:SourceIp", "203.0.113.9") // long-term keys: no MFA key, no token time
	session := ctxOf(t, "aws:MultiFactorAuthPresent", "false", "aws:TokenIssueTime", "2024-05-01T10:00:00Z")

	deny := mustClause(t, "StringNotEqualsIfExists", "aws:RequestedRegion", variables.Substitute, "eu-west-1")
	assert.True(t, deny.Eval(longTerm, nil), "reference_policies_elements_condition_operators.md: a Deny with StringNotEqualsIfExists fires when the key is missing")

	mfa := mustClause(t, "Bool", "aws:MultiFactorAuthPresent", variables.Substitute, "false")
	assert.False(t, mfa.Eval(longTerm, nil), "reference_policies_elements_condition_operators.md: Bool false does not fire for long-term keys (key absent)")
	assert.True(t, mfa.Eval(session, nil), "reference_policies_elements_condition_operators.md: Bool false fires for a session without MFA")

	mfaIfExists := mustClause(t, "BoolIfExists", "aws:MultiFactorAuthPresent", variables.Substitute, "false")
	assert.True(t, mfaIfExists.Eval(longTerm, nil), "reference_policies_elements_condition_operators.md: BoolIfExists false does fire for long-term keys")

	longTermOnly := mustClause(t, "Null", "aws:TokenIssueTime", variables.Substitute, "true")
	assert.True(t, longTermOnly.Eval(longTerm, nil), "reference_policies_elements_condition_operators.md: Null true selects long-term credentials")
	assert.False(t, longTermOnly.Eval(session, nil), "reference_policies_elements_condition_operators.md: Null true rejects temporary credentials")
}

// TestAbsentTruthTable checks what every base operator, plain and with
// IfExists, gives on an absent key (reference_policies_elements_condition_operators.md).
func TestAbsentTruthTable(t *testing.T) {
	t.Parallel()
	sample := map[family]string{
		famString: "x", famNumeric: "1", famDate: "2020-01-01", famBool: "true",
		famBinary: "eA==", famIP: "10.0.0.0/8", famARN: "arn:*:*:*:*:*",
	}
	absent := Context{}
	for b := StringEquals; b < baseEnd; b++ {
		if b == Null {
			continue
		}
		v := sample[b.family()]
		for _, set := range []SetQualifier{NoSet, ForAnyValue, ForAllValues} {
			for _, ifExists := range []bool{false, true} {
				op := Operator{Set: set, Base: b, IfExists: ifExists}
				c, errs := NewClause(op, "k", []string{v}, variables.Substitute)
				require.Empty(t, errs)
				var want bool
				switch {
				case set == ForAnyValue:
					want = false
				case set == ForAllValues:
					want = true
				default:
					want = b.Negated() || ifExists
				}
				assert.Equal(t, want, c.Eval(absent, nil), "reference_policies_elements_condition_operators.md: %s on an absent key", op)
			}
		}
	}
}

func TestKeyCaseInsensitive(t *testing.T) {
	t.Parallel()
	c := mustClause(t, "IpAddress", "AWS:sourceip", variables.Substitute, "203.0.113.0/24")
	assert.True(t, c.Eval(ctxOf(t, "aws:SourceIP", "203.0.113.9"), nil), "reference_policies_elements_condition.md: key names are case-insensitive")
	tag := mustClause(t, "StringEquals", "aws:PrincipalTag/TEAM", variables.Substitute, "Data")
	l := ctxOf(t, "aws:principaltag/team", "Data")
	assert.True(t, tag.Eval(l, nil), "reference_policies_elements_condition.md: the tag-key part is case-insensitive")
	tagValue := mustClause(t, "StringEquals", "aws:PrincipalTag/team", variables.Substitute, "data")
	assert.False(t, tagValue.Eval(l, nil), "reference_policies_elements_condition.md: values are case-sensitive")
}

func TestEmptyBlock(t *testing.T) {
	t.Parallel()
	assert.True(t, Block{}.Eval(nil, nil), "reference_policies_elements_condition.md: an empty Condition is true")
	assert.True(t, NewBlock(nil).Eval(Context{}, &Trace{}), "reference_policies_elements_condition.md")
	assert.Equal(t, 0, NewBlock(nil).Len())
}

func TestBlockIsAND(t *testing.T) {
	t.Parallel()
	a := mustClause(t, "StringEquals", "a", variables.Substitute, "1")
	b := mustClause(t, "StringEquals", "b", variables.Substitute, "2")
	blk := NewBlock([]Clause{a, b})
	assert.Equal(t, 2, blk.Len())
	assert.True(t, blk.Eval(ctxOf(t, "a", "1", "b", "2"), nil), "reference_policies_multi-value-conditions.md: all blocks ANDed")
	assert.False(t, blk.Eval(ctxOf(t, "a", "1", "b", "3"), nil), "reference_policies_multi-value-conditions.md: one false clause fails the block")
	assert.False(t, blk.Eval(ctxOf(t, "a", "0", "b", "2"), nil), "reference_policies_multi-value-conditions.md")
}
