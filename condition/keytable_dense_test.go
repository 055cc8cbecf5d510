package condition

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replayOps applies to b the operations that ops encodes, two bytes each:
// the kind (Add, Set, Delete) and value (a string, an empty list, which
// means absent, or an unknown value) from the first, the key from the
// second, spelled in upper or lower case — keys are case-insensitive
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
func replayOps(b *Builder, ops []byte, keys int) {
	for i := 0; i+1 < len(ops); i += 2 {
		op, k := ops[i], int(ops[i+1])%keys
		key := fmt.Sprintf("svc:Key%d", k)
		if op&8 != 0 {
			key = fmt.Sprintf("SVC:KEY%d", k)
		}
		v := StringValue(fmt.Sprint(i))
		switch op >> 4 % 4 {
		case 1:
			v = ListValue()
		case 2:
			v = UnknownValue()
		}
		switch op % 3 {
		case 0:
			b.Add(key, v)
		case 1:
			b.Set(key, v)
		default:
			b.Delete(key)
		}
	}
}

// contextDump is what a Context shows its callers: its keys in order with
// their values, and its length.
func contextDump(c Context) []string {
	var out []string
	c.Each(func(k string, v Value) {
		out = append(out, fmt.Sprintf("%s=%q unknown=%v", k, v.Strings(), v.IsUnknown()))
	})
	return append(out, fmt.Sprint("len ", c.Len()))
}

// checkDenseAgrees builds the operations ops both ways, the dense one of
// large contexts and the sorting one of small ones, and requires the same
// context or the same error, and every key found under both spellings.
func checkDenseAgrees(t *testing.T, ops []byte, keys int) {
	t.Helper()
	var dense, sorted Builder
	replayOps(&dense, ops, keys)
	replayOps(&sorted, ops, keys)
	dc, derr := dense.denseContext()
	sc, serr := sorted.sortedContext()
	if serr != nil {
		require.Error(t, derr, "ops %x", ops)
		assert.Equal(t, serr.Error(), derr.Error(), "ops %x: the same error", ops)
		return
	}
	require.NoError(t, derr, "ops %x", ops)
	if diff := cmp.Diff(contextDump(sc), contextDump(dc)); diff != "" {
		t.Fatalf("ops %x: dense context differs (-sorted +dense):\n%s", ops, diff)
	}
	for k := range keys {
		for _, key := range []string{fmt.Sprintf("svc:key%d", k), fmt.Sprintf("SVC:KEY%d", k)} {
			sv, sok := sc.LookupKey(key)
			dv, dok := dc.LookupKey(key)
			assert.Equal(t, sok, dok, "ops %x: %s present", ops, key)
			assert.True(t, sv.Equal(dv), "ops %x: %s value", ops, key)
			ss, sok := sc.LookupVariable(key)
			ds, dok := dc.LookupVariable(key)
			assert.Equal(t, sok, dok, "ops %x: %s as a variable", ops, key)
			assert.Equal(t, ss, ds, "ops %x: %s as a variable", ops, key)
		}
	}
}

// TestDenseContextAgreesWithSorted: a context of many keys (issue 15: one
// of 1,000,000 took 9 s to build by sorting) is built in one pass, and
// must be the context the sorting build gives for any sequence of Add,
// Set and Delete, empty lists and unknown values included.
func TestDenseContextAgreesWithSorted(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		ops := make([]byte, 2*(1+r.IntN(400)))
		for i := range ops {
			ops[i] = byte(r.Uint32())
		}
		keys := 1 + r.IntN(300)
		// No Add at all, so that most runs build a context rather than
		// stop at keys added twice.
		if r.IntN(2) == 0 {
			for i := 0; i < len(ops); i += 2 {
				if ops[i]%3 == 0 {
					ops[i]++
				}
			}
		}
		checkDenseAgrees(t, ops, keys)
	}
}

// FuzzDenseContext checks the dense build against the sorting one on any
// operations.
func FuzzDenseContext(f *testing.F) {
	f.Add([]byte{0, 1, 1, 1, 2, 1}, uint8(3))
	f.Add([]byte{0, 1, 8, 1}, uint8(2))
	f.Add([]byte{1, 0, 0x11, 0, 0x21, 1, 2, 1}, uint8(5))
	f.Fuzz(func(t *testing.T, ops []byte, keys uint8) {
		if len(ops) > 4096 {
			return
		}
		checkDenseAgrees(t, ops, 1+int(keys))
	})
}

// TestDenseContextSize: a dense table holds its keys and an index at
// most half full, and nothing else (issue 15).
func TestDenseContextSize(t *testing.T) {
	t.Parallel()
	var b Builder
	const n = 1000
	for i := range n {
		b.Add(fmt.Sprintf("svc:k%d", i), StringValue("v"))
	}
	c, err := b.Context()
	require.NoError(t, err)
	require.NotNil(t, c.t.index, "more than denseKeys keys: dense")
	assert.Equal(t, n, len(c.t.slots))
	assert.Equal(t, 2048, len(*c.t.index))
	assert.Equal(t, n, c.Len())
}

// TestOverlay: Overlay gives the context a Builder gives when under's
// keys are set and then over's, for small and large contexts, a dense
// over whose index has room for under's keys and one that must grow it,
// and keys of both that differ only in case (keys are case-insensitive,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
func TestOverlay(t *testing.T) {
	t.Parallel()
	build := func(prefix string, from, to int, upper bool) Context {
		var b Builder
		for i := from; i < to; i++ {
			k := fmt.Sprintf("svc:%s%d", prefix, i)
			if upper {
				k = fmt.Sprintf("SVC:%s%d", prefix, i)
			}
			b.Add(k, StringValue(fmt.Sprintf("%s=%d", prefix, i)))
		}
		c, err := b.Context()
		require.NoError(t, err)
		return c
	}
	for _, tc := range []struct {
		name        string
		over, under Context
	}{
		{"both empty", Context{}, Context{}},
		{"over empty", Context{}, build("u", 0, 10, false)},
		{"under empty", build("o", 0, 10, false), Context{}},
		{"small", build("k", 0, 10, false), build("k", 5, 20, true)},
		{"dense over, room in its index", build("k", 0, 1000, false), build("k", 990, 1010, true)},
		{"dense over, index grows", build("k", 0, 1020, false), build("k", 1000, 1100, true)},
		{"small over, dense result", build("o", 0, 50, false), build("u", 0, 50, false)},
		{"dense under", build("o", 0, 5, false), build("o", 0, 500, true)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b Builder
			b.SetAll(tc.under)
			b.SetAll(tc.over)
			want, err := b.Context()
			require.NoError(t, err)
			got := Overlay(tc.over, tc.under)
			if diff := cmp.Diff(contextDump(want), contextDump(got)); diff != "" {
				t.Fatalf("(-builder +overlay):\n%s", diff)
			}
			want.Each(func(k string, v Value) {
				g, ok := got.LookupKey(k)
				assert.True(t, ok && g.Equal(v), "%s found", k)
			})
			_, ok := got.LookupKey("svc:absent")
			assert.False(t, ok)
		})
	}
}

// TestKeyTableSize: dense tables did not make the key table larger, so
// that the inline tables of requests keep their size classes (W4General
// allocated 96 bytes more an op when the index was a slice field).
func TestKeyTableSize(t *testing.T) {
	t.Parallel()
	assert.Equal(t, uintptr(80), unsafe.Sizeof(keyTable{}))
}
