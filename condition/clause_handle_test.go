package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// TestZeroClause checks that the zero Clause, which holds no compiled
// form, is invalid and false alone, in a block and in a trace.
func TestZeroClause(t *testing.T) {
	t.Parallel()
	var c Clause
	assert.Equal(t, Operator{}, c.Operator())
	assert.Empty(t, c.Key())
	assert.Empty(t, c.Values())
	assert.False(t, c.Eval(Context{}, nil), "the zero Clause is invalid and evaluates to false")

	ok, errs := NewClause(Operator{Base: Null}, "aws:TokenIssueTime", []string{"true"}, variables.Substitute)
	require.Empty(t, errs)
	b := NewBlock([]Clause{ok, c})
	var tr Trace
	assert.False(t, b.Eval(Context{}, &tr), "a block with the zero Clause never holds")
	assert.False(t, b.Eval(Context{}, nil), "with or without a trace")
	require.Len(t, tr.Clauses, 2)
	assert.True(t, tr.Clauses[0].Passed, "reference_policies_elements_condition.md: the other clause is still evaluated and recorded")
	assert.False(t, tr.Clauses[1].Passed)
}

// TestClauseCopiesShare checks that copies of a Clause (a handle) answer
// alike and that Values and Warnings still return copies.
func TestClauseCopiesShare(t *testing.T) {
	t.Parallel()
	c, errs := NewClause(Operator{Base: StringLike}, "s3:prefix", []string{"home/*", ""}, variables.Substitute)
	require.Empty(t, errs)
	d := c
	ctx, err := NewContext(map[string]Value{"s3:prefix": StringValue("home/x")})
	require.NoError(t, err)
	assert.Equal(t, c.Eval(ctx, nil), d.Eval(ctx, nil))
	v := c.Values()
	v[0] = "changed"
	assert.Equal(t, []string{"home/*", ""}, d.Values(), "Values returns a copy")
}
