package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// TestRecencyKeepsTheRepeatedEntry checks that an entry found between
// additions of entries used once is never the one replaced.
func TestRecencyKeepsTheRepeatedEntry(t *testing.T) {
	t.Parallel()
	var l lastList[int]
	src := `"repeated" "once" "absent" "repeated"`
	repeated, once, absent, again := textAt(src, 0, 10), textAt(src, 11, 17), textAt(src, 18, 26), textAt(src, 27, 37)
	l.add(repeated, []int{0})
	for i := range 3 * lastListSize {
		assert.Equal(t, []int{0}, l.find(src, again), "after %d others", i)
		l.add(once, []int{i + 1})
	}
	assert.Nil(t, l.find(src, absent))
}

// TestRecencyFillsEmptyEntriesFirst checks that the first entries added
// all stay until the list is full.
func TestRecencyFillsEmptyEntriesFirst(t *testing.T) {
	t.Parallel()
	var l lastList[int]
	src := "0123 new"
	for i := range lastListSize {
		l.add(textAt(src, i, i+1), []int{i})
	}
	for i := range lastListSize {
		assert.Equal(t, []int{i}, l.find(src, textAt(src, i, i+1)), i)
	}
	l.add(textAt(src, 5, 8), []int{-1}) // replaces "0", the least recently found
	assert.Nil(t, l.find(src, textAt(src, 0, 1)))
	assert.Equal(t, []int{-1}, l.find(src, textAt(src, 5, 8)))
}

// textAt returns the value of src from start to end, for lastList.
func textAt(src string, start, end int) jsonsrc.Value {
	return jsonsrc.Value{Kind: jsonsrc.Kind(src[start]), Index: start, End: end}
}
