package condition

import (
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// Issue 15: a compiled clause with its key to itself is 80 bytes (a Go
// size class), so that a condition of 100,000 keys compiles to 8 MB of
// clauses; the rare warnings live apart. Clauses of one key share its
// record, which leaves 40 bytes each.
func TestClauseSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit platforms")
	}
	assert.Equal(t, uintptr(40), unsafe.Sizeof(clause{}))
	assert.Equal(t, uintptr(80), unsafe.Sizeof(keyedClause{}))
}

// A clause's warnings (here: an empty value list, which a positive
// operator never matches,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
// are its own, and their entry goes with the clause.
func TestClauseWarningsLeaveWithTheClause(t *testing.T) {
	count := func() int {
		n := 0
		clauseWarnings.Range(func(any, any) bool { n++; return true })
		return n
	}
	before := count()
	warned := func() {
		for range 100 {
			c, errs := NewClause(Operator{Base: StringEquals}, "aws:username", nil, variables.Substitute)
			require.Empty(t, errs)
			require.Len(t, c.Warnings(), 1)
			plain, _ := NewClause(Operator{Base: StringEquals}, "aws:username", []string{"alice"}, variables.Substitute)
			assert.Empty(t, plain.Warnings(), "a clause without warnings has none")
		}
	}
	warned()
	assert.GreaterOrEqual(t, count(), before+100, "each warned clause has its entry")
	deadline := time.Now().Add(10 * time.Second)
	for count() > before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond) // cleanups run on their own goroutine
	}
	assert.LessOrEqual(t, count(), before, "the entries of collected clauses are gone")
	assert.Nil(t, Clause{}.Warnings(), "the zero Clause has none")
	plain, _ := NewClause(Operator{Base: StringEquals}, "aws:username", []string{"alice"}, variables.Substitute)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = plain.Warnings() }), "asking a clause without warnings costs nothing")
}
