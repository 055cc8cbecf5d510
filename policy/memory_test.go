package policy

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15: memory must stay within a small multiple of the input, so that
// iameval validate and test stay within ten times a 64 MiB file. Parse's
// allocations (everything it allocates, live or not) are bounded per byte
// of input for the hostile shapes of scale_bench_test.go; the bounds are
// the figures measured when they were set plus about a fifth, so that a
// regression shows, not noise (allocation sizes do not vary between runs).
func TestParseAllocatedBytesPerInputByte(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation sizes differ under the race detector")
	}
	for _, tc := range []struct {
		name  string
		src   []byte
		bound float64 // allocated bytes per input byte
	}{
		{"20,000 statements with Sids", sidsDoc(20_000), 8.5},                               // 7.2× measured when tightened from 9.5 (2026-12-06); 11.7× before the action and resource slabs of a large policy were reserved for an eighth of its statements
		{"one condition of 20,000 keys", keysDoc(20_000), 8.5},                              // 7.0× measured when tightened from 11 (2026-12-06: a clause of 80 bytes, a key set of 8-byte entries); 8.7× with a clause of 96 bytes and a Go map for the key set, 46× before the clause cache was bounded, 30.7× before a clause kept one pointer to its compiled values, 23.1× before a clause was 112 bytes
		{"1,000 statements of 100 distinct values", valuesDoc(1_000, 100), 5},               // 8.1× before plain StringEquals values were compared as written
		{"10,000 statements sharing one clause of 10 values", sameClauseDoc(10_000, 10), 5}, // 5.6× before the same
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Parse(tc.src, Source{})
		runtime.ReadMemStats(&after)
		require.NoError(t, err, tc.name)
		ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(tc.src))
		t.Logf("%s: %d bytes, %.1f× allocated", tc.name, len(tc.src), ratio)
		assert.LessOrEqual(t, ratio, tc.bound, tc.name)
	}
}

// A resource policy's principal sets are carved from one slab rather than
// allocated one per statement (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html:
// a resource-based policy names a Principal in every statement): a bucket
// policy of five statements took 23 allocations before, 19 after.
func TestParseResourcePolicyAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range 5 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Sid":"S%d","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::11112222333%d:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, i, i)
	}
	b.WriteString(`]}`)
	src := []byte(b.String())
	p, err := Parse(src, Source{Type: Resource})
	require.NoError(t, err)
	require.Len(t, p.Statements(), 5)
	got := testing.AllocsPerRun(100, func() {
		if _, err := Parse(src, Source{Type: Resource}); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, got, 19.0)
}
