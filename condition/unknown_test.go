package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// TestFailClosed holds the clauses whose truth the request does not
// determine: Block.EvalFor lets them hold for a Deny statement and fail for
// an Allow, and Eval (the Allow reading) agrees with EvalFor(..., false).
func TestFailClosed(t *testing.T) {
	t.Parallel()
	unknown := UnknownValue()
	tests := []struct {
		name           string
		op             string
		values         []string
		req            any // nil: absent; Value: as given
		allow, deny    bool
		unknownInTrace bool
		why            string
	}{
		{"plain negated operator on a list", "StringNotEquals", []string{"athena.amazonaws.com"}, []string{"athena.amazonaws.com", "glue.amazonaws.com"}, false, true, true,
			"AWS requires a set operator on multivalued keys and does not say what a plain one does: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html"},
		{"plain positive operator on a list", "StringEquals", []string{"x"}, []string{"x"}, false, true, true,
			"same page: the readings differ"},
		{"ForAnyValue IfExists on an absent key", "ForAnyValue:StringEqualsIfExists", []string{"x"}, nil, false, true, true,
			"IfExists says true, ForAnyValue says false: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists"},
		{"ForAllValues IfExists on an absent key", "ForAllValues:StringEqualsIfExists", []string{"x"}, nil, true, true, false,
			"both readings are true: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists"},
		{"ForAnyValue IfExists on a present key", "ForAnyValue:StringEqualsIfExists", []string{"x"}, []string{"y"}, false, false, false,
			"IfExists does nothing when the key is present"},
		{"ForAnyValue without IfExists on an absent key", "ForAnyValue:StringEquals", []string{"x"}, nil, false, false, false,
			"documented: ForAnyValue is false on an absent key"},
		{"unknown value, positive operator", "Bool", []string{"false"}, unknown, false, true, true,
			"AWS sets aws:SecureTransport on every request: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport"},
		{"unknown value, negated operator", "StringNotEquals", []string{"us-east-1"}, unknown, false, true, true,
			"aws:RequestedRegion is always present: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion"},
		{"unknown value, IfExists", "BoolIfExists", []string{"true"}, unknown, false, true, true,
			"the key exists, so IfExists does not make it pass"},
		{"unknown value, set operator", "ForAllValues:StringEquals", []string{"x"}, unknown, false, true, true,
			"the values are not known"},
		{"unknown value, Null false", "Null", []string{"false"}, unknown, true, true, false,
			"the key is present: Null tests presence only"},
		{"unknown value, Null true", "Null", []string{"true"}, unknown, false, false, false,
			"the key is present: Null tests presence only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustClause(t, tc.op, testKey, variables.Substitute, tc.values...)
			var ctx Context
			if v, ok := tc.req.(Value); ok {
				var err error
				ctx, err = NewContext(map[string]Value{testKey: v})
				require.NoError(t, err)
			} else {
				ctx = requestContext(t, tc.req)
			}
			b := NewBlock([]Clause{c})
			assert.Equal(t, tc.allow, b.EvalFor(ctx, nil, false), "allow: %s", tc.why)
			assert.Equal(t, tc.deny, b.EvalFor(ctx, nil, true), "deny: %s", tc.why)
			assert.Equal(t, tc.allow, b.Eval(ctx, nil), "Eval is the allow reading")
			var tr Trace
			assert.Equal(t, tc.deny, b.EvalFor(ctx, &tr, true), "a trace does not change the result")
			require.Len(t, tr.Clauses, 1)
			assert.Equal(t, tc.unknownInTrace, tr.Clauses[0].Unknown, tc.why)
		})
	}
}

// TestUnknownValue holds the properties of an UnknownValue: present in a
// Context, no strings, no variable value.
func TestUnknownValue(t *testing.T) {
	t.Parallel()
	ctx, err := NewContext(map[string]Value{"aws:SecureTransport": UnknownValue()})
	require.NoError(t, err)
	v, ok := ctx.LookupKey("aws:securetransport")
	assert.True(t, ok, "kept by NewContext")
	assert.True(t, v.IsUnknown())
	assert.Equal(t, 0, v.Len())
	assert.Equal(t, "(unknown)", v.String())
	_, ok = ctx.LookupVariable("aws:securetransport")
	assert.False(t, ok, "an unknown value is no variable value")
	assert.False(t, v.Equal(ListValue()), "unknown is not an empty list")
}
