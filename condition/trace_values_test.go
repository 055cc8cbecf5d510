package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// TestTracePolicyValuesAreApart checks that the PolicyValues of a block's
// clause results, copied into one allocation, are each the clause's own:
// changing or appending to one leaves the others and the clauses as they
// were (a Clause is immutable, see its doc).
func TestTracePolicyValuesAreApart(t *testing.T) {
	t.Parallel()
	a := mustClause(t, "StringEquals", "aws:PrincipalTag/a", variables.Substitute, "x", "y")
	b := mustClause(t, "StringEquals", "aws:PrincipalTag/b", variables.Substitute, "z")
	var tr Trace
	NewBlock([]Clause{a, b}).Eval(Context{}, &tr)
	require.Len(t, tr.Clauses, 2)
	first := tr.Clauses[0].PolicyValues
	first[0] = "changed"
	_ = append(first, "appended")
	assert.Equal(t, []string{"z"}, tr.Clauses[1].PolicyValues, "appending to one result's values does not write into the next")
	assert.Equal(t, []string{"x", "y"}, a.Values(), "the clause keeps its values")
}
