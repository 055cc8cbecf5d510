package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// TestNewBlockOf checks that a block made without copying its clauses
// evaluates as NewBlock's does (clauses ANDed,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html)
// and that appending to the caller's slice afterwards does not change it.
func TestNewBlockOf(t *testing.T) {
	t.Parallel()
	a := mustClause(t, "StringEquals", "aws:username", variables.Substitute, "alice")
	b := mustClause(t, "Bool", "aws:SecureTransport", variables.Substitute, "true")
	slab := make([]Clause, 0, 8)
	slab = append(slab, a, b)
	blk := NewBlockOf(slab)
	slab = append(slab, mustClause(t, "StringEquals", "aws:username", variables.Substitute, "bob"))
	assert.Equal(t, 2, blk.Len(), "later clauses of the slab are not the block's")
	ctx, err := NewContext(map[string]Value{"aws:username": StringValue("alice"), "aws:SecureTransport": StringValue("true")})
	require.NoError(t, err)
	assert.Equal(t, NewBlock(slab[:2]).Eval(ctx, nil), blk.Eval(ctx, nil))
	assert.True(t, blk.Eval(ctx, nil))
	assert.Equal(t, Block{}, NewBlockOf(nil), "no clauses: the zero Block, true")
}
