package condition

import (
	"fmt"
	"slices"
	"testing"
)

// BenchmarkSortMissingKeys sorts 100,000 keys that share a long prefix,
// as an explanation of a condition of 100,000 absent tag keys does with
// each order (issue 15: two sorts were most of the time of such a run).
func BenchmarkSortMissingKeys(b *testing.B) {
	keys := make([]string, 100_000)
	for i := range keys {
		keys[i] = fmt.Sprintf("aws:PrincipalTag/k%d", i)
	}
	for _, bc := range []struct {
		name string
		cmp  func(a, b string) int
	}{{"CompareKeys", CompareKeys}, {"compareFold", compareFold}} {
		b.Run(bc.name, func(b *testing.B) {
			s := make([]string, len(keys))
			for b.Loop() {
				copy(s, keys)
				slices.SortFunc(s, bc.cmp)
			}
		})
	}
}
