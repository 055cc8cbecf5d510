package policy

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRecencyKeepsTheRepeatedEntry checks that an entry found between
// additions of entries used once is never the one replaced.
func TestRecencyKeepsTheRepeatedEntry(t *testing.T) {
	t.Parallel()
	var l lastList[int]
	l.add("repeated", []int{0})
	for i := range 3 * lastListSize {
		assert.Equal(t, []int{0}, l.find("repeated"), "after %d others", i)
		l.add("once", []int{i + 1})
	}
	assert.Nil(t, l.find("absent"))
}

// TestRecencyFillsEmptyEntriesFirst checks that the first entries added
// all stay until the list is full.
func TestRecencyFillsEmptyEntriesFirst(t *testing.T) {
	t.Parallel()
	var l lastList[int]
	for i := range lastListSize {
		l.add(strconv.Itoa(i), []int{i})
	}
	for i := range lastListSize {
		assert.Equal(t, []int{i}, l.find(strconv.Itoa(i)), i)
	}
	l.add("new", []int{-1}) // replaces "0", the least recently found
	assert.Nil(t, l.find("0"))
	assert.Equal(t, []int{-1}, l.find("new"))
}
