package diag

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Limit keeps the first MaxErrors problems and counts the rest, with
// the offset of the first left out (issue 15: a document where every entry
// is wrong held and printed far more than its own size).
func TestLimit(t *testing.T) {
	var l Limit
	for i := range MaxErrors {
		require.True(t, l.Keep(i), "problem %d is within the limit", i)
	}
	n, _ := l.Omitted()
	assert.Zero(t, n)
	assert.False(t, l.Keep(MaxErrors+7))
	assert.False(t, l.Keep(MaxErrors+9))
	n, first := l.Omitted()
	assert.Equal(t, 2, n)
	assert.Equal(t, MaxErrors+7, first, "the first problem left out")
	assert.Equal(t, MaxErrors+2, l.Count())
}

// The problem that ends a cut list says how many were left out; errors.Is
// finds ErrTooMany, errors.As the count, and a warning stays a warning.
func TestTooMany(t *testing.T) {
	e := TooMany(Position{File: "p.json", Line: 3, Column: 9}, 12345, false)
	assert.True(t, errors.Is(e, ErrTooMany))
	assert.False(t, e.IsWarning())
	var o *Omitted
	require.True(t, errors.As(e, &o))
	assert.Equal(t, 12345, o.Count)
	assert.Equal(t, "p.json:3:9: 12345 more problems are not reported, the first of them here: at most 10000 are reported for one document", e.Error())

	w := TooMany(Position{}, 2, true)
	assert.True(t, w.IsWarning())
	assert.True(t, errors.Is(w, ErrTooMany))
	require.True(t, errors.As(w, &o))
	assert.Equal(t, 2, o.Count)
	assert.True(t, errors.Is(ErrorList{w}, ErrTooMany), "found through a list")
}

// Cut merges lists that were each limited: the first MaxErrors problems
// stay, and one problem counts every other, including those each list
// had left out.
func TestCut(t *testing.T) {
	var l ErrorList
	for i := range MaxErrors - 1 {
		l = append(l, &Error{Pos: Position{Offset: i}, Kind: errKind, Msg: "a"})
	}
	l = append(l, TooMany(Position{Offset: 100_000}, 7, true))
	for i := range 3 {
		l = append(l, &Error{Pos: Position{Offset: MaxErrors + i}, Kind: errKind, Msg: "b"})
	}
	got := Cut(l)
	require.Len(t, got, MaxErrors+1)
	assert.Equal(t, "b", got[MaxErrors-1].Msg, "the first problem after the cut list is kept")
	last := got[MaxErrors]
	var o *Omitted
	require.ErrorAs(t, last, &o)
	assert.Equal(t, 7+2, o.Count)
	assert.Equal(t, 100_000, last.Pos.Offset, "the first problem left out, in list order")
	assert.False(t, last.IsWarning(), "two errors are among those left out")

	short := ErrorList{{Kind: errKind}}
	assert.Equal(t, short, Cut(short), "a short list is kept whole")
}
