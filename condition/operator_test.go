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
		{"StringEquals", Operator{Base: StringEquals}, "C4: plain base"},
		{"stringequals", Operator{Base: StringEquals}, "C4: names are accepted in any case"},
		{"STRINGLIKEIFEXISTS", Operator{Base: StringLike, IfExists: true}, "C4: any case, IfExists suffix"},
		{"ForAllValues:StringLikeIfExists", Operator{Set: ForAllValues, Base: StringLike, IfExists: true}, "C4: full grammar"},
		{"forAnyValue:stringNotEquals", Operator{Set: ForAnyValue, Base: StringNotEquals}, "C4: set qualifier in any case"},
		{"NumericGreaterThanEqualsIfExists", Operator{Base: NumericGreaterThanEquals, IfExists: true}, "C4"},
		{"DateLessThanEquals", Operator{Base: DateLessThanEquals}, "§2"},
		{"BoolIfExists", Operator{Base: Bool, IfExists: true}, "§5: BoolIfExists"},
		{"BinaryEquals", Operator{Base: BinaryEquals}, "§2"},
		{"NotIpAddressIfExists", Operator{Base: NotIpAddress, IfExists: true}, "C4: IfExists on every base but Null"},
		{"ArnNotLike", Operator{Base: ArnNotLike}, "§2"},
		{"Null", Operator{Base: Null}, "§2"},
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
		{"StringEqual", `unknown condition operator "StringEqual"`, "C4: unknown operators make the policy invalid"},
		{"", `unknown condition operator ""`, "C4"},
		{"IfExists", `unknown condition operator "IfExists"`, "C4: a suffix alone is no operator"},
		{"ForAllValues:", `unknown condition operator "ForAllValues:"`, "C4: a qualifier alone is no operator"},
		{"ForAllValues:ForAnyValue:StringEquals", `unknown condition operator "ForAllValues:ForAnyValue:StringEquals"`, "C4: one qualifier at most"},
		{"StringEqualsIfExistsIfExists", `unknown condition operator "StringEqualsIfExistsIfExists"`, "C4: one suffix at most"},
		{"ForEachValue:StringEquals", `unknown condition operator "ForEachValue:StringEquals"`, "C4: only ForAllValues and ForAnyValue"},
		{"StringLi\u212ae", "unknown condition operator \"StringLi\u212ae\"", "C4: case is ignored in ASCII only (U+212A folds to k)"},
		{" StringEquals", `unknown condition operator " StringEquals"`, "C4: no white space"},
		{"NullIfExists", `unknown condition operator "NullIfExists": IfExists is not allowed on Null`, "C4: IfExists on every base except Null"},
		{"ForAnyValue:Null", `unknown condition operator "ForAnyValue:Null": ForAnyValue is not allowed on Null`, "C4: set qualifiers on Null are undocumented: reject"},
		{"ForAllValues:Null", `unknown condition operator "ForAllValues:Null": ForAllValues is not allowed on Null`, "C4"},
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
	// C4: every base, with and without each qualifier and IfExists, parses
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
		assert.Equal(t, neg, b.Negated(), "C2: the negated operators are exactly these: %s", b)
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
