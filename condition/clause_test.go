package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

func TestNewClauseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op     string
		values []string
		errs   []string
		why    string
	}{
		{"NumericEquals", []string{"10", "abc"}, []string{`value 1: "abc" is not a number (integer or decimal)`}, "reference_policies_elements_condition_operators.md: an unparsable policy value makes the policy invalid"},
		{"NumericLessThan", []string{"1e3"}, []string{`value 0: "1e3" is not a number (integer or decimal)`}, "reference_policies_elements_condition_operators.md: no exponent"},
		{"NumericLessThan", []string{"0x10", "NaN", "Inf"}, []string{
			`value 0: "0x10" is not a number (integer or decimal)`,
			`value 1: "NaN" is not a number (integer or decimal)`,
			`value 2: "Inf" is not a number (integer or decimal)`,
		}, "reference_policies_elements_condition_operators.md: no hex, NaN or Inf; every bad value is reported"},
		{"NumericEquals", []string{"1.", ".5", ""}, []string{
			`value 0: "1." is not a number (integer or decimal)`,
			`value 1: ".5" is not a number (integer or decimal)`,
			`value 2: "" is not a number (integer or decimal)`,
		}, "reference_policies_elements_condition_operators.md: digits on both sides of the point"},
		{"NumericEquals", []string{"${aws:username}"}, []string{`value 0: "${aws:username}" is not a number (integer or decimal)`}, "reference_policies_variables.md: no variables in Numeric values"},
		{"DateLessThan", []string{"2020-13-01"}, []string{`value 0: "2020-13-01" is not a date (ISO 8601 or epoch seconds)`}, "reference_policies_elements_condition_operators.md: month out of range"},
		{"DateLessThan", []string{"2021-02-29"}, []string{`value 0: "2021-02-29" is not a date (ISO 8601 or epoch seconds)`}, "reference_policies_elements_condition_operators.md: no such day"},
		{"DateLessThan", []string{"2020-01-01T00:00:00"}, []string{`value 0: "2020-01-01T00:00:00" is not a date (ISO 8601 or epoch seconds)`}, "reference_policies_elements_condition_operators.md: a time needs a TZD"},
		{"DateLessThan", []string{"${aws:CurrentTime}"}, []string{`value 0: "${aws:CurrentTime}" is not a date (ISO 8601 or epoch seconds)`}, "reference_policies_variables.md: no variables in Date values"},
		{"Bool", []string{"yes"}, []string{`value 0: "yes" is not a boolean (true or false)`}, "reference_policies_elements_condition_operators.md"},
		{"BinaryEquals", []string{"not base64!"}, []string{`value 0: "not base64!" is not base64`}, "reference_policies_elements_condition_operators.md"},
		{"IpAddress", []string{"203.0.113.0/33"}, []string{`value 0: "203.0.113.0/33" is not an IP address or CIDR block`}, "reference_policies_elements_condition_operators.md"},
		{"NotIpAddress", []string{"300.1.1.1", "fe80::1%eth0", ""}, []string{
			`value 0: "300.1.1.1" is not an IP address or CIDR block`,
			`value 1: "fe80::1%eth0" is not an IP address or CIDR block`,
			`value 2: "" is not an IP address or CIDR block`,
		}, "reference_policies_elements_condition_operators.md"},
		{"IpAddress", []string{"${aws:SourceIp}"}, []string{`value 0: "${aws:SourceIp}" is not an IP address or CIDR block`}, "reference_policies_variables.md: no variables in IP values"},
		{"Null", []string{"yes"}, []string{`value 0: "yes" is not true or false`}, "reference_policies_elements_condition_operators.md"},
		{"Null", []string{"${aws:username}"}, []string{`value 0: "${aws:username}" is not true or false`}, "reference_policies_variables.md: no variables in Null values"},
	}
	for _, tc := range tests {
		t.Run(tc.op+"/"+tc.values[0], func(t *testing.T) {
			t.Parallel()
			op, err := ParseOperator(tc.op)
			require.NoError(t, err)
			c, errs := NewClause(op, testKey, tc.values, variables.Substitute)
			var got []string
			for _, e := range errs {
				var ve *ValueError
				require.ErrorAs(t, e, &ve)
				got = append(got, e.Error())
			}
			assert.Equal(t, tc.errs, got, tc.why)
			assert.False(t, c.Eval(requestContext(t, "x"), nil), "a clause with errors never passes")
			ifExists := Operator{Base: op.Base, IfExists: true}
			c2, _ := NewClause(ifExists, testKey, tc.values, variables.Substitute)
			assert.False(t, c2.Eval(requestContext(t, nil), nil), "not even IfExists on an absent key: when in doubt deny")
		})
	}
}

func TestNewClauseInvalidOperator(t *testing.T) {
	t.Parallel()
	c, errs := NewClause(Operator{}, "k", []string{"v"}, variables.Substitute)
	require.Len(t, errs, 1)
	var ve *ValueError
	require.ErrorAs(t, errs[0], &ve)
	assert.Equal(t, -1, ve.Index)
	assert.False(t, c.Eval(nil, nil))
	var zero Clause
	assert.False(t, zero.Eval(nil, nil), "the zero Clause is invalid")
}

func TestClauseWarnings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op     string
		key    string
		values []string
		warns  []string
		why    string
	}{
		{"DateGreaterThan", testKey, []string{"2020"}, []string{`value 0: "2020" is read as epoch seconds (1970-01-01T00:33:40Z), not as a year`}, "reference_policies_elements_condition_operators.md: warn on a 4-digit date"},
		{"ArnLike", testKey, []string{"arn:aws:s3:::b", "*"}, []string{"value 1: value has fewer than six colon-separated components: it matches no ARN"}, "reference_policies_elements_condition_operators.md"},
		{"StringLike", testKey, []string{"a${aws:username"}, []string{`value 0: unclosed "${" is taken as literal text`}, "reference_policies_variables.md"},
		{"StringEquals", testKey, nil, []string{"no values: a positive operator never matches, a negated one always does"}, "reference_policies_multi-value-conditions.md: an empty OR"},
		{"StringEquals", testKey, []string{"a"}, nil, "no warning for an ordinary value"},
		{"StringEquals", "aws:TagKeys", []string{"env"}, []string{"aws:TagKeys is multivalued: without ForAnyValue: or ForAllValues: AWS does not say how a list of values reads, so iameval takes the condition as unknown when the key has values (an Allow does not apply, a Deny does)"}, "reference_policies_condition-single-vs-multi-valued-context-keys.md: the library emits a warning"},
		{"ForAnyValue:StringEquals", "aws:TagKeys", []string{"env"}, nil, "reference_policies_condition-single-vs-multi-valued-context-keys.md: the intended use"},
		{"Null", "aws:TagKeys", []string{"false"}, nil, "reference_policies_condition-single-vs-multi-valued-context-keys.md: Null is recommended with ForAllValues"},
	}
	for _, tc := range tests {
		c := mustClause(t, tc.op, tc.key, variables.Substitute, tc.values...)
		var got []string
		for _, w := range c.Warnings() {
			got = append(got, w.Error())
		}
		assert.Equal(t, tc.warns, got, tc.why)
	}
}

func TestClauseAccessors(t *testing.T) {
	t.Parallel()
	vals := []string{"a", "b"}
	c := mustClause(t, "forallvalues:stringlike", "AWS:TagKeys", variables.Substitute, vals...)
	vals[0] = "changed"
	assert.Equal(t, Operator{Set: ForAllValues, Base: StringLike}, c.Operator())
	assert.Equal(t, "AWS:TagKeys", c.Key(), "Key is as written")
	assert.Equal(t, "aws:tagkeys", c.NormalizedKey())
	assert.Equal(t, []string{"a", "b"}, c.Values(), "NewClause copies the values")
	assert.Equal(t, `ForAllValues:StringLike "AWS:TagKeys"`, c.String())
}

func TestEmptyValueList(t *testing.T) {
	t.Parallel()
	pos := mustClause(t, "StringEquals", testKey, variables.Substitute)
	neg := mustClause(t, "StringNotEquals", testKey, variables.Substitute)
	l := requestContext(t, "x")
	assert.False(t, pos.Eval(l, nil), "reference_policies_multi-value-conditions.md: OR over no values is false")
	assert.True(t, neg.Eval(l, nil), "reference_policies_multi-value-conditions.md: NOT of an empty OR is true")
}
