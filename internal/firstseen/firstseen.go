// Package firstseen finds, in a list of strings, the first one equal to
// each: an open-addressing table (linear probing, at most half full) of
// 4-byte slots, each 1 + the index of the first string with its text.
// A string is compared only with those whose hash collides with it. It
// takes 8 to 16 bytes a string where a map[string]int took about 40
// (issue 15: lint's check for repeated entries held 200 MB for the 4
// million of a 51 MB document).
package firstseen

import (
	"hash/maphash"
	"math/bits"
)

// Table finds first occurrences among the strings entered in it. Make one
// with New; it is not safe for concurrent use.
type Table struct {
	slots []int32
	mask  uint32
	seed  maphash.Seed
}

// New returns a Table for up to n strings.
func New(n int) *Table {
	size := 1 << bits.Len(uint(max(2*n, 2)-1)) // a power of two, at least 2n
	return &Table{slots: make([]int32, size), mask: uint32(size - 1), seed: maphash.MakeSeed()}
}

// Find returns the index of the first string entered whose text is s, or,
// when there is none, enters s as string i and returns -1. text returns
// the text of an entered string by its index. At most the n strings New
// was given may be entered, with indexes below 2^31-1.
func (t *Table) Find(s string, i int, text func(int) string) int {
	for k := uint32(maphash.String(t.seed, s)) & t.mask; ; k = (k + 1) & t.mask {
		e := t.slots[k]
		if e == 0 {
			t.slots[k] = int32(i + 1)
			return -1
		}
		if j := int(e - 1); text(j) == s {
			return j
		}
	}
}
