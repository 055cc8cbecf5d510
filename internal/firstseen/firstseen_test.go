package firstseen

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Find agrees with a map of first occurrences on random lists with many
// repeats, including the empty string.
func TestFindAgreesWithMap(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 1000} {
		list := make([]string, n)
		for i := range list {
			if i%5 == 0 {
				list[i] = ""
			} else {
				list[i] = fmt.Sprint(rng.IntN(n/2 + 1))
			}
		}
		tb := New(n)
		want := map[string]int{}
		for i, s := range list {
			got := tb.Find(s, i, func(j int) string { return list[j] })
			if j, ok := want[s]; ok {
				require.Equal(t, j, got, "n=%d, %q at %d repeats the first", n, s, i)
				continue
			}
			require.Equal(t, -1, got, "n=%d, %q at %d is new", n, s, i)
			want[s] = i
		}
	}
}

// The table is a power of two at least twice as long as the list.
func TestSize(t *testing.T) {
	for n, want := range map[int]int{0: 2, 1: 2, 2: 4, 3: 8, 4: 8, 1000: 2048} {
		assert.Len(t, New(n).slots, want, "n=%d", n)
	}
}
