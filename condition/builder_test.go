package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuilder checks the layering operations a request context is merged
// with: keys ignore case (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
// a later Set wins, Delete removes every spelling, and an empty list is an
// absent key.
func TestBuilder(t *testing.T) {
	t.Parallel()
	var b Builder
	b.SetAll(mustContext(t, map[string]Value{"aws:PrincipalTag/Team": StringValue("ops"), "aws:username": StringValue("alice")}))
	b.Set("aws:principaltag/TEAM", StringValue("finance"))
	b.Set("aws:CurrentTime", StringValue("2026-01-01T00:00:00Z"))
	b.Delete("AWS:USERNAME")
	b.Set("s3:prefix", ListValue())
	assert.True(t, b.Has("aws:PrincipalTag/team"))
	assert.False(t, b.Has("aws:username"), "deleted")
	assert.True(t, b.Has("s3:prefix"), "set, dropped only when the context is built")
	c, err := b.Context()
	require.NoError(t, err)
	assert.Equal(t, []string{"aws:currenttime", "aws:principaltag/team"}, c.Keys())
	v, ok := c.LookupVariable("aws:principaltag/team")
	assert.True(t, ok)
	assert.Equal(t, "finance", v)

	first := c
	b.Reset()
	assert.False(t, b.Has("aws:CurrentTime"), "Reset empties")
	b.Add("aws:SourceIp", UnknownValue())
	c, err = b.Context()
	require.NoError(t, err)
	got, ok := c.LookupKey("aws:sourceip")
	assert.True(t, ok, "an unknown value is kept")
	assert.True(t, got.IsUnknown())
	assert.Equal(t, []string{"aws:currenttime", "aws:principaltag/team"}, first.Keys(),
		"a Context built before Reset is not affected by later use")

	b.Reset()
	b.Add("k", StringValue("1"))
	b.Add("K", StringValue("2"))
	_, err = b.Context()
	require.ErrorIs(t, err, ErrDuplicateKey)
}

func mustContext(t *testing.T, m map[string]Value) Context {
	t.Helper()
	c, err := NewContext(m)
	require.NoError(t, err)
	return c
}
