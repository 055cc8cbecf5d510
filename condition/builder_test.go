package condition

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// TestBuilderBorrow: Borrow gives the Context that Context gives, in
// storage reused from one Reset to the next, so that no key of an earlier
// context survives into a later one — growing and shrinking the table.
func TestBuilderBorrow(t *testing.T) {
	t.Parallel()
	var b Builder
	for _, n := range []int{3, 40, 0, 1, 12, 5} {
		b.Reset()
		for i := range n {
			b.Add(fmt.Sprintf("k:Key%02d", i), StringValue(fmt.Sprint(i)))
		}
		if n == 12 {
			b.Delete("k:key03")
			b.Set("k:key04", ListValue()) // an empty list: absent
		}
		want, err := b.Context()
		require.NoError(t, err)
		got, err := b.Borrow()
		require.NoError(t, err)
		assert.Equal(t, want.Keys(), got.Keys(), "n=%d", n)
		for _, k := range want.Keys() {
			w, _ := want.LookupKey(k)
			g, ok := got.LookupKey(k)
			assert.True(t, ok, k)
			assert.Equal(t, w, g, k)
		}
		for i := n; i < 40; i++ {
			_, ok := got.LookupKey(fmt.Sprintf("k:key%02d", i))
			assert.False(t, ok, "n=%d: key %d of an earlier context is gone", n, i)
		}
	}
	b.Reset()
	b.Add("aws:SourceIp", StringValue("a"))
	b.Add("aws:sourceip", StringValue("b"))
	_, err := b.Borrow()
	assert.ErrorIs(t, err, ErrDuplicateKey)
}

// TestBuilderBorrowSameKeys: a Borrow with the keys of the last one only
// rewrites the values; any other change of keys, operations or an empty
// value takes the full path. Each Context must equal the one Context
// builds from the same operations.
func TestBuilderBorrowSameKeys(t *testing.T) {
	t.Parallel()
	type op struct {
		kind       opKind
		key, value string
	}
	steps := [][]op{
		{{opAdd, "aws:SourceIp", "1"}, {opAdd, "aws:PrincipalTag/team", "a"}, {opSet, "aws:username", "u"}},
		{{opAdd, "aws:SourceIp", "2"}, {opAdd, "aws:PrincipalTag/team", "b"}, {opSet, "aws:username", "v"}},
		{{opAdd, "aws:SourceIp", "3"}, {opAdd, "aws:PrincipalTag/project", "c"}, {opSet, "aws:username", "w"}},
		{{opAdd, "aws:SourceIp", "4"}, {opAdd, "aws:PrincipalTag/project", ""}, {opSet, "aws:username", "x"}},
		{{opAdd, "aws:SourceIp", "5"}, {opAdd, "aws:PrincipalTag/project", "d"}, {opSet, "aws:username", "y"}},
		{{opAdd, "aws:SourceIp", "6"}, {opAdd, "aws:PrincipalTag/project", "e"}, {opDelete, "aws:username", ""}},
		{{opAdd, "aws:SourceIp", "7"}, {opAdd, "aws:PrincipalTag/project", "f"}, {opSet, "aws:username", "z"}},
		{{opAdd, "aws:SourceIp", "8"}, {opSet, "aws:PrincipalTag/project", "g"}, {opSet, "aws:username", "z"}},
		{{opAdd, "aws:SourceIp", "9"}, {opAdd, "aws:sourceip", "h"}, {opSet, "aws:username", "z"}},
		{{opAdd, "aws:SourceIp", "10"}, {opSet, "aws:PrincipalTag/project", "i"}, {opSet, "aws:username", "z"}},
		// Another spelling of the first key: it is normalized again (no
		// reuse of the last spelling's), the layout still holds.
		{{opAdd, "AWS:SOURCEIP", "11"}, {opSet, "aws:PrincipalTag/project", "j"}, {opSet, "aws:username", "z"}},
		// The same spelling first, then another key: the reuse stops at
		// the first operation that differs.
		{{opAdd, "AWS:SOURCEIP", "12"}, {opSet, "aws:PrincipalTag/team", "k"}, {opSet, "aws:username", "z"}},
		{{opAdd, "AWS:SOURCEIP", "13"}, {opSet, "aws:PrincipalTag/team", "l"}, {opAdd, "aws:Username", "z"}},
		{{opAdd, "AWS:SOURCEIP", "14"}, {opSet, "aws:PrincipalTag/team", "m"}, {opAdd, "aws:Username", "z"}, {opAdd, "aws:sourceIP", "n"}},
	}
	var b Builder
	for i, step := range steps {
		b.Reset()
		for _, o := range step {
			v := StringValue(o.value)
			if o.value == "" {
				v = ListValue()
			}
			switch o.kind {
			case opAdd:
				b.Add(o.key, v)
			case opSet:
				b.Set(o.key, v)
			case opDelete:
				b.Delete(o.key)
			}
		}
		want, wantErr := b.Context()
		got, err := b.Borrow()
		if wantErr != nil {
			assert.Equal(t, wantErr, err, "step %d", i)
			continue
		}
		require.NoError(t, err, "step %d", i)
		assert.Equal(t, want.Keys(), got.Keys(), "step %d", i)
		assert.Equal(t, want.Len(), got.Len(), "step %d", i)
		want.Each(func(k string, v Value) {
			g, ok := got.LookupKey(k)
			assert.True(t, ok, "step %d: %s", i, k)
			assert.Equal(t, v, g, "step %d: %s", i, k)
		})
	}
}

// TestBuilderBorrowRepeats drives one Builder through request after
// request of operations that mostly repeat the last request's keys (the
// loop of a proxy) with changing values, and now and then differ: a key
// more or less, another spelling, another kind, an empty list, a Delete,
// operations after Borrow without Reset, Has in the middle. Every Borrow
// must equal the Context a fresh Builder makes from the same operations:
// the keys present, their values (an empty list is absent, an unknown
// value present:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null)
// and the error of keys added twice under two spellings.
func TestBuilderBorrowRepeats(t *testing.T) {
	t.Parallel()
	type op struct {
		kind  opKind
		key   string
		value Value
	}
	base := []op{
		{opSet, "aws:SecureTransport", UnknownValue()},
		{opSet, "aws:SourceIp", UnknownValue()},
		{opSet, "aws:username", StringValue("u")},
		{opSet, "aws:PrincipalTag/team", StringValue("t")},
		{opSet, "aws:CurrentTime", StringValue("now")},
		{opSet, "aws:SourceIp", StringValue("ip")},
		{opAdd, "s3:prefix", ListValue("a", "b")},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b Builder
	for n := range 3000 {
		ops := slices.Clone(base)
		for i := range ops {
			if ops[i].value.single {
				ops[i].value = StringValue(fmt.Sprint(ops[i].value.one, n))
			}
		}
		switch rng.IntN(12) {
		case 0:
			ops = append(ops, op{opAdd, fmt.Sprintf("k:extra%d", rng.IntN(3)), StringValue("x")})
		case 1:
			ops = ops[:rng.IntN(len(ops))]
		case 2:
			ops[rng.IntN(len(ops))].key = "AWS:USERNAME"
		case 3:
			ops[rng.IntN(len(ops))].kind = opAdd
		case 4:
			ops[rng.IntN(len(ops))].value = ListValue()
		case 5:
			ops = slices.Insert(ops, rng.IntN(len(ops)), op{opDelete, "aws:sourceip", Value{}})
		case 6:
			i := rng.IntN(len(ops))
			ops[i], ops[len(ops)-1] = ops[len(ops)-1], ops[i]
		case 7:
			ops = append(ops, op{opAdd, "S3:Prefix", StringValue("dup")})
		}
		// AddString and SetString are Add and Set of a StringValue,
		// SetUnknown is Set of an UnknownValue.
		strs := rng.IntN(2) == 0
		apply := func(b *Builder, ops []op) {
			for _, o := range ops {
				switch {
				case o.kind == opAdd && strs && o.value.single:
					b.AddString(o.key, o.value.one)
				case o.kind == opSet && strs && o.value.single:
					b.SetString(o.key, o.value.one)
				case o.kind == opSet && strs && o.value.unknown:
					b.SetUnknown(o.key)
				case o.kind == opAdd:
					b.Add(o.key, o.value)
				case o.kind == opSet:
					b.Set(o.key, o.value)
				case o.kind == opDelete:
					b.Delete(o.key)
				}
			}
		}
		var ref Builder
		apply(&ref, ops)
		b.Reset()
		cut := len(ops)
		if rng.IntN(10) == 0 {
			cut = rng.IntN(len(ops) + 1)
		}
		apply(&b, ops[:cut])
		if rng.IntN(20) == 0 && cut > 0 {
			assert.Equal(t, ref.Has(ops[0].key) || b.Has(ops[0].key), b.Has(ops[0].key))
		}
		if cut < len(ops) && rng.IntN(2) == 0 {
			_, _ = b.Borrow() // operations go on after a Borrow without Reset
		}
		apply(&b, ops[cut:])
		want, wantErr := ref.Context()
		got, err := b.Borrow()
		if wantErr != nil {
			require.Equal(t, wantErr, err, "request %d", n)
			continue
		}
		require.NoError(t, err, "request %d", n)
		require.Equal(t, want.Keys(), got.Keys(), "request %d", n)
		require.Equal(t, want.Len(), got.Len(), "request %d", n)
		want.Each(func(k string, v Value) {
			g, ok := got.LookupKey(k)
			require.True(t, ok, "request %d: %s", n, k)
			require.Equal(t, v, g, "request %d: %s", n, k)
		})
	}
}
