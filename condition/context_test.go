package condition

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValue(t *testing.T) {
	t.Parallel()
	s := StringValue("a")
	assert.False(t, s.IsList())
	assert.Equal(t, 1, s.Len())
	assert.Equal(t, "a", s.At(0))
	assert.Equal(t, []string{"a"}, s.Strings())
	assert.Equal(t, "a", s.String())

	src := []string{"x", "y"}
	l := ListValue(src...)
	src[0] = "changed"
	assert.True(t, l.IsList(), "reference_policies_condition-single-vs-multi-valued-context-keys.md: a list is multivalued")
	assert.Equal(t, 2, l.Len())
	assert.Equal(t, "x", l.At(0), "ListValue copies its input")
	assert.Equal(t, "[x, y]", l.String())
	got := l.Strings()
	got[1] = "changed"
	assert.Equal(t, "y", l.At(1), "Strings returns a copy")

	one := ListValue("x")
	assert.True(t, one.IsList(), "reference_policies_condition-single-vs-multi-valued-context-keys.md: a one-element list is still multivalued")

	var zero Value
	assert.True(t, zero.IsList(), "the zero Value is an empty list")
	assert.Equal(t, 0, zero.Len())
	assert.Nil(t, zero.Strings())

	assert.True(t, ListValue("a").Equal(ListValue("a")))
	assert.False(t, ListValue("a").Equal(StringValue("a")))
	assert.Panics(t, func() { s.At(1) }, "At is a slice index")
}

func TestNewContext(t *testing.T) {
	t.Parallel()
	c, err := NewContext(map[string]Value{
		"aws:SourceIp":          StringValue("203.0.113.9"),
		"aws:PrincipalTag/Team": StringValue("Data"),
		"aws:TagKeys":           ListValue("env", "team"),
		"aws:CalledVia":         ListValue(),
	})
	require.NoError(t, err)
	assert.Equal(t, 3, c.Len(), "reference_policies_elements_condition_operators.md: an empty list is dropped")
	assert.Equal(t, []string{"aws:principaltag/team", "aws:sourceip", "aws:tagkeys"}, c.Keys())

	v, ok := c.LookupKey("aws:sourceip")
	require.True(t, ok)
	assert.Equal(t, "203.0.113.9", v.At(0))
	v, ok = c.LookupKey("AWS:SOURCEIP")
	require.True(t, ok, "reference_policies_elements_condition.md: a key with upper case is normalized")
	assert.Equal(t, "203.0.113.9", v.At(0))
	_, ok = c.LookupKey("aws:calledvia")
	assert.False(t, ok, "reference_policies_elements_condition_operators.md: an empty list is absent")

	s, ok := c.LookupVariable("aws:principaltag/team")
	assert.True(t, ok)
	assert.Equal(t, "Data", s, "reference_policies_elements_condition.md: values keep their case")
	_, ok = c.LookupVariable("aws:tagkeys")
	assert.False(t, ok, "reference_policies_variables.md: multivalued keys are no variables")
	_, ok = c.LookupVariable("aws:username")
	assert.False(t, ok)

	var seen []string
	c.Each(func(k string, v Value) { seen = append(seen, k+"="+v.String()) })
	want := []string{"aws:principaltag/team=Data", "aws:sourceip=203.0.113.9", "aws:tagkeys=[env, team]"}
	if d := cmp.Diff(want, seen); d != "" {
		t.Errorf("Each mismatch (-want +got):\n%s", d)
	}
}

func TestNewContextDuplicateKeys(t *testing.T) {
	t.Parallel()
	_, err := NewContext(map[string]Value{
		"aws:PrincipalTag/team": StringValue("a"),
		"aws:principaltag/Team": StringValue("b"),
		"x":                     StringValue("c"),
	})
	require.Error(t, err, "reference_policies_elements_condition.md: tag keys differing only in case are ambiguous")
	assert.ErrorIs(t, err, ErrDuplicateKey)
	assert.Equal(t, `duplicate context key: "aws:PrincipalTag/team" and "aws:principaltag/Team" differ only in case`, err.Error())
}

func TestZeroContext(t *testing.T) {
	t.Parallel()
	var c Context
	assert.Equal(t, 0, c.Len())
	assert.Nil(t, c.Keys())
	_, ok := c.LookupKey("x")
	assert.False(t, ok)
	c.Each(func(string, Value) { t.Fatal("no keys") })
	e, err := NewContext(nil)
	require.NoError(t, err)
	assert.Equal(t, 0, e.Len())
}

func TestKeys(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "aws:principaltag/team", NormalizeKey(PrefixPrincipalTag+"Team"), "reference_policies_elements_condition.md: tag-key part is case-insensitive")
	assert.Equal(t, "aws:requesttag/env", NormalizeKey(PrefixRequestTag+"Env"))
	assert.Equal(t, "aws:resourcetag/env", NormalizeKey(PrefixResourceTag+"ENV"))
	assert.True(t, multivaluedGlobal[NormalizeKey("AWS:TagKeys")], "reference_policies_condition-single-vs-multi-valued-context-keys.md")
	assert.True(t, multivaluedGlobal[NormalizeKey(KeyPrincipalServiceNamesList)], "reference_policies_condition-single-vs-multi-valued-context-keys.md")
	assert.False(t, multivaluedGlobal[NormalizeKey("aws:PrincipalTag/x")], "reference_policies_condition-single-vs-multi-valued-context-keys.md: tag keys are single-valued")
	assert.Equal(t, "aws:sourceip", NormalizeKey(KeySourceIP))
}

// TestMultivaluedGlobalInterned keeps isMultivaluedGlobal exact: it answers
// a key that is not interned without the map, which holds only when every
// key the map lists is interned.
func TestMultivaluedGlobalInterned(t *testing.T) {
	t.Parallel()
	for k := range multivaluedGlobal {
		n := normalizeKey(strings.ToUpper(k))
		_, ok := internedOffset(n)
		assert.True(t, ok, "%s is not interned", k)
		assert.True(t, isMultivaluedGlobal(n), k)
		assert.True(t, isMultivaluedGlobal(normalizeKey(k)), k)
	}
	for _, k := range []string{"aws:sourceip", "aws:principaltag/x", "aws:tagkeysx", "s3:prefix", ""} {
		assert.Equal(t, multivaluedGlobal[k], isMultivaluedGlobal(normalizeKey(k)), k)
	}
}
