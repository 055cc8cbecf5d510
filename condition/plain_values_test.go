package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/variables"
)

// TestPlainStringValues checks that StringEquals* clauses whose values are
// all fixed text, which keep no compiled values and compare the values
// themselves, decide as the operators are documented
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String),
// and that a value with a variable is still expanded
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func TestPlainStringValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		op     string
		mode   variables.Mode
		values []string
		req    any
		want   bool
		why    string
	}{
		{"StringEquals", variables.Substitute, []string{"a", "B"}, "B", true, "exact match of the second value"},
		{"StringEquals", variables.Substitute, []string{"a", "B"}, "b", false, "StringEquals is case-sensitive"},
		{"StringEqualsIgnoreCase", variables.Substitute, []string{"a", "B"}, "b", true, "IgnoreCase folds case"},
		{"StringNotEquals", variables.Substitute, []string{"a", "B"}, "c", true, "no value equals c"},
		{"StringNotEquals", variables.Substitute, []string{"a", "B"}, "a", false, "a value equals a"},
		{"StringNotEqualsIgnoreCase", variables.Substitute, []string{"a"}, "A", false, "A equals a ignoring case"},
		{"StringEquals", variables.Substitute, []string{"x", "${aws:username}"}, "alice", true, "the variable is expanded to the user name"},
		{"StringEquals", variables.Literal, []string{"${aws:username}"}, "${aws:username}", true, "in a 2008-10-17 policy ${...} is plain text"},
		{"StringEquals", variables.Literal, []string{"${aws:username}"}, "alice", false, "and is not expanded"},
		{"StringEquals", variables.Substitute, []string{"a*"}, "ab", false, "StringEquals has no wildcards"},
		{"StringEquals", variables.Substitute, []string{}, "a", false, "no values never match"},
	} {
		c := mustClause(t, tc.op, testKey, tc.mode, tc.values...)
		assert.Equal(t, tc.want, c.Eval(requestContext(t, tc.req), nil), "%s %v on %v: %s", tc.op, tc.values, tc.req, tc.why)
	}
}
