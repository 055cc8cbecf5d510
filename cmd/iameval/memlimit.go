package main

import (
	"os"
	"runtime/debug"
)

// Issue 15: the peak memory of validate and test should stay within ten
// times the input. Most of what a hostile document's peak holds above
// its live data is the collector's headroom (by default the heap grows
// to twice what the last collection kept), so these commands set a soft
// memory limit that grows with the bytes they read. The Go collector's
// limit is soft: it never fails a run; near it the collector runs more
// often, taking at most about half the CPU. On ordinary inputs the heap
// stays far below the limit and nothing changes.

// Soft memory limit: memLimitBase (the runtime, the action catalogue and
// the work of ordinary inputs) plus memLimitPerByte for each byte read.
// validate holds about 5 MB live on a small policy (mostly the
// catalogue), but validating the 1,642 AWS managed policies in one run
// took 2.2 times the CPU under a 16 MiB base and 1.4 times under 20 MiB;
// 32 MiB costs it nothing measurable.
const (
	memLimitBase    = 32 << 20
	memLimitPerByte = 5
)

// memLimit sets and raises the process's soft memory limit as a command
// reads its input. The zero memLimit does nothing.
type memLimit struct {
	set  func(int64) int64 // debug.SetMemoryLimit, replaced by tests
	read int64
}

// startMemLimit sets the soft memory limit to memLimitBase and returns the
// memLimit that raises it, unless GOMEMLIMIT is set in the environment:
// then the user's limit stands and the returned memLimit does nothing.
// Tests replace it.
var startMemLimit = func() *memLimit {
	return newMemLimit(os.Getenv("GOMEMLIMIT") != "", debug.SetMemoryLimit)
}

// newMemLimit is startMemLimit with the environment and the setter given.
func newMemLimit(userSet bool, set func(int64) int64) *memLimit {
	if userSet {
		return &memLimit{}
	}
	l := &memLimit{set: set}
	l.set(memLimitBase)
	return l
}

// add raises the limit by memLimitPerByte for each of n more bytes read.
func (l *memLimit) add(n int) {
	if l.set == nil || n <= 0 {
		return
	}
	l.read += int64(n)
	l.set(memLimitBase + memLimitPerByte*l.read)
}
