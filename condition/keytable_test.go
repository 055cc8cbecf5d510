package condition

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestContextTableSizes checks lookups in contexts of every table size,
// the inline ones and the large one, against the map they were built
// from: every key is found under any spelling, nothing else is, and Keys
// and Each keep sorted order (reference_policies_elements_condition.md).
func TestContextTableSizes(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 3, 4, 6, 7, 12, 13, 24, 25, 100} {
		values := make(map[string]Value, n)
		want := make([]string, 0, n)
		for i := range n {
			k := fmt.Sprintf("svc:Key%03d", i)
			values[k] = StringValue(fmt.Sprint(i))
			want = append(want, strings.ToLower(k))
		}
		sort.Strings(want)
		c, err := NewContext(values)
		require.NoError(t, err)
		assert.Equal(t, n, c.Len(), "%d keys", n)
		assert.Equal(t, want, c.Keys(), "%d keys: sorted, normalized", n)
		for k, v := range values {
			got, ok := c.LookupKey(NormalizeKey(k))
			assert.True(t, ok && got.Equal(v), "%d keys: %s by its normalized key", n, k)
			got, ok = c.LookupKey(strings.ToUpper(k))
			assert.True(t, ok && got.Equal(v), "%d keys: %s in upper case (reference_policies_elements_condition.md)", n, k)
			s, ok := c.LookupVariable(strings.ToUpper(k))
			assert.True(t, ok && s == v.At(0), "%d keys: %s as a variable", n, k)
		}
		_, ok := c.LookupKey("svc:absent")
		assert.False(t, ok, "%d keys: an absent key", n)
		var seen []string
		c.Each(func(k string, _ Value) { seen = append(seen, k) })
		assert.Equal(t, want, seen, "%d keys: Each in key order", n)
	}
}

// TestNormalizeKeyInterns checks normalizeKey against NormalizeKey for
// global keys (shared copies), other keys, non-ASCII keys and keys longer
// than its stack buffer.
func TestNormalizeKeyInterns(t *testing.T) {
	t.Parallel()
	for _, k := range []string{KeySourceIP, "AWS:SOURCEIP", "aws:sourceip", "aws:PrincipalTag/Team", "s3:prefix",
		"aws:PrincipalTag/\u212Aelvin", "aws:RequestTag/" + strings.Repeat("Long", 20), ""} {
		assert.Equal(t, NormalizeKey(k), normalizeKey(k), "%q: same spelling as NormalizeKey", k)
	}
	a, b := normalizeKey("AWS:SourceIP"), normalizeKey(KeySourceIP)
	assert.Equal(t, unsafe.StringData(a), unsafe.StringData(b), "every spelling of a global key shares one copy")
}

// TestNormalizeKeyInterned: a key NormalizeKey returned is returned as is
// (the shortcut for keys computed once), and the shortcut never takes a
// key that is not one of them.
func TestNormalizeKeyInterned(t *testing.T) {
	t.Parallel()
	n := NormalizeKey(KeyPrincipalArn)
	assert.True(t, isInterned(n))
	assert.Equal(t, "aws:principalarn", NormalizeKey(n))
	assert.Equal(t, unsafe.StringData(n), unsafe.StringData(NormalizeKey(n)), "the shared copy is kept")
	for _, k := range []string{"aws:PrincipalArn", "aws:principalarn", strings.Clone("aws:principalarn"), "s3:Prefix", ""} {
		assert.False(t, isInterned(k), "%q is not the shared copy", k)
		assert.Equal(t, strings.ToLower(k), NormalizeKey(k))
	}
}

// TestInternedHash: the hashes computed once for the interned keys are
// those hashKey computes for any other copy of the key.
func TestInternedHash(t *testing.T) {
	t.Parallel()
	for n := range internedKeys {
		h, ok := internedHash(internedKeys[n])
		require.True(t, ok, n)
		assert.Equal(t, maphash.String(keySeed, n)|1, h, n)
		assert.Equal(t, h, hashKey(strings.Clone(n)), n)
		_, ok = internedHash(internedKeys[n][1:])
		assert.False(t, ok, "a piece of %q has no stored hash", n)
	}
}
