package condition

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// TestClausesAgreeWithNewClause checks that clauses carved from the
// blocks of one Clauses are those NewClause compiles: the same operator,
// keys, values, warnings, errors and decisions, each clause with its own
// warnings although it shares a block with others.
func TestClausesAgreeWithNewClause(t *testing.T) {
	t.Parallel()
	type entry struct {
		op     string
		key    string
		values []string
	}
	var entries []entry
	for i := range 40 { // several blocks of each kind
		entries = append(entries,
			entry{"IpAddress", "aws:SourceIp", []string{fmt.Sprintf("10.%d.0.0/16", i)}},
			entry{"NotIpAddress", "aws:SourceIp", []string{"10.0.0.1", fmt.Sprintf("192.168.%d.0/24", i)}},
			entry{"IpAddress", "aws:SourceIp", []string{fmt.Sprintf("10.%d.0.0/33", i)}},
			entry{"Bool", "aws:SecureTransport", []string{[]string{"true", "false", "maybe"}[i%3]}},
			entry{"StringLike", "s3:prefix", []string{"", fmt.Sprintf("home/${aws:username}/%d/*", i), "${"}},
			entry{"StringEquals", "aws:TagKeys", []string{fmt.Sprint(i)}},
			entry{"NumericLessThan", "s3:max-keys", []string{fmt.Sprint(i), "x"}},
			entry{"DateGreaterThan", "aws:CurrentTime", nil},
		)
	}
	ctx, err := NewContext(map[string]Value{
		"aws:SourceIp":        StringValue("10.3.4.5"),
		"aws:SecureTransport": StringValue("true"),
		"s3:prefix":           StringValue("home/alice/3/x"),
		"aws:username":        StringValue("alice"),
		"aws:TagKeys":         ListValue("3", "4"),
		"s3:max-keys":         StringValue("2"),
	})
	require.NoError(t, err)
	var cs Clauses
	for _, e := range entries {
		op, err := ParseOperator(e.op)
		require.NoError(t, err)
		want, wantErrs := NewClause(op, e.key, e.values, variables.Substitute)
		got, gotErrs := cs.New(op, e.key, e.values, variables.Substitute)
		name := fmt.Sprintf("%s %s %q", e.op, e.key, e.values)
		assert.Equal(t, fmt.Sprint(wantErrs), fmt.Sprint(gotErrs), name)
		assert.Equal(t, want.String(), got.String(), name)
		assert.Equal(t, want.Operator(), got.Operator(), name)
		assert.Equal(t, want.NormalizedKey(), got.NormalizedKey(), name)
		assert.Equal(t, want.Values(), got.Values(), name)
		assert.Equal(t, fmt.Sprint(want.Warnings()), fmt.Sprint(got.Warnings()), name)
		assert.Equal(t, want.Eval(ctx, nil), got.Eval(ctx, nil), name)
	}
}
