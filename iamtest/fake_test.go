package iamtest

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// fakeT is a testing.TB that records what a test reports instead of
// reporting it, so that the helpers' failures can be checked. Fatalf and
// FailNow stop the calling goroutine, as testing does; run them through
// capture or fakeT.run. Methods the helpers must not use are left to the
// embedded nil testing.TB and panic.
type fakeT struct {
	testing.TB
	name    string
	rec     *record
	failed  bool
	helpers int
}

// record is the log shared by a fake test and its subtests.
type record struct {
	mu      sync.Mutex
	entries []entry
}

// entry is one reported line: kind ("error", "fatal", "log"), the
// reporting (sub)test's name and the message.
type entry struct{ kind, test, msg string }

func (r *record) add(kind, test, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries = append(r.entries, entry{kind, test, msg})
}

func newFake(name string) *fakeT { return &fakeT{name: name, rec: &record{}} }

func (f *fakeT) Helper()      { f.helpers++ }
func (f *fakeT) Name() string { return f.name }
func (f *fakeT) Failed() bool { return f.failed }

func (f *fakeT) Errorf(format string, args ...any) {
	f.failed = true
	f.rec.add("error", f.name, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	f.rec.add("fatal", f.name, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (f *fakeT) Logf(format string, args ...any) {
	f.rec.add("log", f.name, fmt.Sprintf(format, args...))
}

// run implements runner: a subtest named f's name/name, run to its end on
// its own goroutine; a failed subtest fails its parent.
func (f *fakeT) run(name string, fn func(runner)) bool {
	child := &fakeT{name: f.name + "/" + name, rec: f.rec}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(child)
	}()
	<-done
	f.helpers += child.helpers
	if child.failed {
		f.failed = true
	}
	return !child.failed
}

// entries returns what was reported, in order.
func (f *fakeT) entries() []entry {
	f.rec.mu.Lock()
	defer f.rec.mu.Unlock()
	return append([]entry(nil), f.rec.entries...)
}

// capture runs fn with a fresh fake test on its own goroutine (so that
// Fatalf can stop it) and returns the fake and whether fn ran to its end.
func capture(fn func(t testing.TB)) (f *fakeT, finished bool) {
	f = newFake("Test")
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
		finished = true
	}()
	<-done
	return f, finished
}
