package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestCanonicalOperators checks the table of canonical operator spellings
// against condition.ParseOperator, which defines them
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// each entry parses to the same operator, spells itself canonically, and
// operators that ParseOperator rejects (IfExists or a set qualifier on
// Null) are absent.
func TestCanonicalOperators(t *testing.T) {
	t.Parallel()
	m := canonicalOperators()
	require.NotEmpty(t, m)
	for name, op := range m {
		got, err := condition.ParseOperator(name)
		require.NoError(t, err, name)
		assert.Equal(t, got, op, name)
		assert.Equal(t, name, op.String(), name)
	}
	for _, name := range []string{"StringLike", "ForAllValues:StringEqualsIgnoreCaseIfExists", "IpAddress", "Bool", "Null", "ForAnyValue:ArnLike"} {
		assert.Contains(t, m, name)
	}
	for _, name := range []string{"NullIfExists", "ForAnyValue:Null", "stringlike", "StringLike ", "Foo"} {
		assert.NotContains(t, m, name, "not a canonical spelling of a valid operator")
	}
}
