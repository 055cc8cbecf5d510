package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseOperator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Operator
		why  string
	}{
		{"StringEquals", Operator{Base: StringEquals}, "reference_policies_elements_condition.md: plain base"},
		{"stringequals", Operator{Base: StringEquals}, "reference_policies_elements_condition.md: names are accepted in any case"},
		{"STRINGLIKEIFEXISTS", Operator{Base: StringLike, IfExists: true}, "reference_policies_elements_condition.md: any case, IfExists suffix"},
		{"ForAllValues:StringLikeIfExists", Operator{Set: ForAllValues, Base: StringLike, IfExists: true}, "reference_policies_elements_condition.md: full grammar"},
		{"forAnyValue:stringNotEquals", Operator{Set: ForAnyValue, Base: StringNotEquals}, "reference_policies_elements_condition.md: set qualifier in any case"},
		{"NumericGreaterThanEqualsIfExists", Operator{Base: NumericGreaterThanEquals, IfExists: true}, "reference_policies_elements_condition.md"},
		{"DateLessThanEquals", Operator{Base: DateLessThanEquals}, "reference_policies_elements_condition_operators.md"},
		{"BoolIfExists", Operator{Base: Bool, IfExists: true}, "reference_policies_elements_condition_operators.md: BoolIfExists"},
		{"BinaryEquals", Operator{Base: BinaryEquals}, "reference_policies_elements_condition_operators.md"},
		{"NotIpAddressIfExists", Operator{Base: NotIpAddress, IfExists: true}, "reference_policies_elements_condition.md: IfExists on every base but Null"},
		{"ArnNotLike", Operator{Base: ArnNotLike}, "reference_policies_elements_condition_operators.md"},
		{"Null", Operator{Base: Null}, "reference_policies_elements_condition_operators.md"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseOperator(tc.in)
			require.NoError(t, err, tc.why)
			assert.Equal(t, tc.want, got, tc.why)
			assert.True(t, got.Valid())
			back, err := ParseOperator(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back, "String() round-trips")
		})
	}
}

func TestParseOperatorRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in  string
		msg string
		why string
	}{
		{"StringEqual", `unknown condition operator "StringEqual"`, "reference_policies_elements_condition.md: unknown operators make the policy invalid"},
		{"", `unknown condition operator ""`, "reference_policies_elements_condition.md"},
		{"IfExists", `unknown condition operator "IfExists"`, "reference_policies_elements_condition.md: a suffix alone is no operator"},
		{"ForAllValues:", `unknown condition operator "ForAllValues:"`, "reference_policies_elements_condition.md: a qualifier alone is no operator"},
		{"ForAllValues:ForAnyValue:StringEquals", `unknown condition operator "ForAllValues:ForAnyValue:StringEquals"`, "reference_policies_elements_condition.md: one qualifier at most"},
		{"StringEqualsIfExistsIfExists", `unknown condition operator "StringEqualsIfExistsIfExists"`, "reference_policies_elements_condition.md: one suffix at most"},
		{"ForEachValue:StringEquals", `unknown condition operator "ForEachValue:StringEquals"`, "reference_policies_elements_condition.md: only ForAllValues and ForAnyValue"},
		{"StringLi\u212ae", "unknown condition operator \"StringLi\u212ae\"", "reference_policies_elements_condition.md: case is ignored in ASCII only (U+212A folds to k)"},
		{" StringEquals", `unknown condition operator " StringEquals"`, "reference_policies_elements_condition.md: no white space"},
		{"NullIfExists", `unknown condition operator "NullIfExists": IfExists is not allowed on Null`, "reference_policies_elements_condition.md: IfExists on every base except Null"},
		{"ForAnyValue:Null", `unknown condition operator "ForAnyValue:Null": ForAnyValue is not allowed on Null`, "reference_policies_elements_condition.md: set qualifiers on Null are undocumented: reject"},
		{"ForAllValues:Null", `unknown condition operator "ForAllValues:Null": ForAllValues is not allowed on Null`, "reference_policies_elements_condition.md"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			_, err := ParseOperator(tc.in)
			require.Error(t, err, tc.why)
			assert.ErrorIs(t, err, ErrUnknownOperator)
			assert.Equal(t, tc.msg, err.Error(), tc.why)
		})
	}
}

func TestOperatorEveryCombination(t *testing.T) {
	t.Parallel()
	// reference_policies_elements_condition.md: every base, with and without each qualifier and IfExists, parses
	// back from its canonical spelling (except the Null forms, which are
	// rejected).
	for b := StringEquals; b < baseEnd; b++ {
		for _, set := range []SetQualifier{NoSet, ForAnyValue, ForAllValues} {
			for _, ifExists := range []bool{false, true} {
				op := Operator{Set: set, Base: b, IfExists: ifExists}
				got, err := ParseOperator(op.String())
				if b == Null && (set != NoSet || ifExists) {
					assert.Error(t, err, op.String())
					assert.False(t, op.Valid())
					continue
				}
				require.NoError(t, err, op.String())
				assert.Equal(t, op, got)
			}
		}
	}
}

func TestBaseProperties(t *testing.T) {
	t.Parallel()
	negated := map[Base]Base{
		StringNotEquals:           StringEquals,
		StringNotEqualsIgnoreCase: StringEqualsIgnoreCase,
		StringNotLike:             StringLike,
		NumericNotEquals:          NumericEquals,
		DateNotEquals:             DateEquals,
		NotIpAddress:              IpAddress,
		ArnNotEquals:              ArnEquals,
		ArnNotLike:                ArnLike,
	}
	for b := StringEquals; b < baseEnd; b++ {
		twin, neg := negated[b]
		assert.Equal(t, neg, b.Negated(), "reference_policies_multi-value-conditions.md: the negated operators are exactly these: %s", b)
		if neg {
			assert.Equal(t, twin, b.Positive(), b.String())
		} else {
			assert.Equal(t, b, b.Positive(), b.String())
		}
		assert.NotEqual(t, famInvalid, b.family(), b.String())
	}
	assert.False(t, Base(0).Valid())
	assert.Equal(t, "Base(0)", Base(0).String())
	assert.False(t, Operator{}.Valid(), "the zero Operator is invalid")
	for _, b := range []Base{StringEquals, StringNotLike, ArnLike, Bool} {
		assert.True(t, b.AllowsVariables(), "reference_policies_variables.md: %s", b)
	}
	for _, b := range []Base{NumericEquals, DateEquals, BinaryEquals, IpAddress, NotIpAddress, Null} {
		assert.False(t, b.AllowsVariables(), "reference_policies_variables.md: %s", b)
	}
}
