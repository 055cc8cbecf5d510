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

// TestSpecExampleTagKeys is the first example of reference_policies_elements_condition_operators.md.
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
		{"listed tag", ctxOf(t, "aws:PrincipalAccount", "333333333333", "aws:TagKeys", []string{"env"}), true, "§6 row 1"},
		{"listed account", ctxOf(t, "aws:PrincipalAccount", "111111111111", "aws:TagKeys", []string{"env"}), false, "§6 row 2: matches a listed account"},
		{"unlisted tag", ctxOf(t, "aws:PrincipalAccount", "333333333333", "aws:TagKeys", []string{"env", "owner"}), false, "§6 row 3: owner not listed"},
		{"no tags", ctxOf(t, "aws:PrincipalAccount", "333333333333"), false, "§6 row 4: Null fails"},
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
		"§6 row 4: without Null, ForAllValues alone would be true")
}

// TestSpecExampleIP is the second example of reference_policies_elements_condition_operators.md.
func TestSpecExampleIP(t *testing.T) {
	t.Parallel()
	in := mustClause(t, "IpAddress", "aws:SourceIp", variables.Substitute, "203.0.113.0/24", "2001:db8::/32")
	notIn := mustClause(t, "NotIpAddress", "aws:SourceIp", variables.Substitute, "203.0.113.0/24", "2001:db8::/32")
	tests := []struct {
		ip        any
		in, notIn bool
		why       string
	}{
		{"203.0.113.9", true, false, "§6"},
		{"2001:DB8:0:1::5", true, false, "§6"},
		{"198.51.100.1", false, true, "§6"},
		{nil, false, true, "§6: key absent (request through a VPC endpoint)"},
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

// TestSpecConsequences pins the consequences listed under the §5 truth table.
func TestSpecConsequences(t *testing.T) {
	t.Parallel()
	longTerm := ctxOf(t, "aws:SourceIp", "203.0.113.9") // long-term keys: no MFA key, no token time
	session := ctxOf(t, "aws:MultiFactorAuthPresent", "false", "aws:TokenIssueTime", "2024-05-01T10:00:00Z")

	deny := mustClause(t, "StringNotEqualsIfExists", "aws:RequestedRegion", variables.Substitute, "eu-west-1")
	assert.True(t, deny.Eval(longTerm, nil), "§5: a Deny with StringNotEqualsIfExists fires when the key is missing")

	mfa := mustClause(t, "Bool", "aws:MultiFactorAuthPresent", variables.Substitute, "false")
	assert.False(t, mfa.Eval(longTerm, nil), "§5: Bool false does not fire for long-term keys (key absent)")
	assert.True(t, mfa.Eval(session, nil), "§5: Bool false fires for a session without MFA")

	mfaIfExists := mustClause(t, "BoolIfExists", "aws:MultiFactorAuthPresent", variables.Substitute, "false")
	assert.True(t, mfaIfExists.Eval(longTerm, nil), "§5: BoolIfExists false does fire for long-term keys")

	longTermOnly := mustClause(t, "Null", "aws:TokenIssueTime", variables.Substitute, "true")
	assert.True(t, longTermOnly.Eval(longTerm, nil), "§5: Null true selects long-term credentials")
	assert.False(t, longTermOnly.Eval(session, nil), "§5: Null true rejects temporary credentials")
}

// TestAbsentTruthTable checks the whole §5 table for every base operator.
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
				assert.Equal(t, want, c.Eval(absent, nil), "§5: %s on an absent key", op)
			}
		}
	}
}

func TestKeyCaseInsensitive(t *testing.T) {
	t.Parallel()
	c := mustClause(t, "IpAddress", "AWS:sourceip", variables.Substitute, "203.0.113.0/24")
	assert.True(t, c.Eval(ctxOf(t, "aws:SourceIP", "203.0.113.9"), nil), "C3: key names are case-insensitive")
	tag := mustClause(t, "StringEquals", "aws:PrincipalTag/TEAM", variables.Substitute, "Data")
	l := ctxOf(t, "aws:principaltag/team", "Data")
	assert.True(t, tag.Eval(l, nil), "C3: the tag-key part is case-insensitive")
	tagValue := mustClause(t, "StringEquals", "aws:PrincipalTag/team", variables.Substitute, "data")
	assert.False(t, tagValue.Eval(l, nil), "C3: values are case-sensitive")
}

func TestEmptyBlock(t *testing.T) {
	t.Parallel()
	assert.True(t, Block{}.Eval(nil, nil), "C1: an empty Condition is true")
	assert.True(t, NewBlock(nil).Eval(Context{}, &Trace{}), "C1")
	assert.Equal(t, 0, NewBlock(nil).Len())
}

func TestBlockIsAND(t *testing.T) {
	t.Parallel()
	a := mustClause(t, "StringEquals", "a", variables.Substitute, "1")
	b := mustClause(t, "StringEquals", "b", variables.Substitute, "2")
	blk := NewBlock([]Clause{a, b})
	assert.Equal(t, 2, blk.Len())
	assert.True(t, blk.Eval(ctxOf(t, "a", "1", "b", "2"), nil), "C2: all blocks ANDed")
	assert.False(t, blk.Eval(ctxOf(t, "a", "1", "b", "3"), nil), "C2: one false clause fails the block")
	assert.False(t, blk.Eval(ctxOf(t, "a", "0", "b", "2"), nil), "C2")
}
