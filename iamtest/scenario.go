package iamtest

import (
	"path/filepath"
	"testing"

	"github.com/iameval/iameval/scenario"
)

// RunScenario runs the scenario file at path as a subtest named after the
// file, with one subtest per case named after the case. A case that does
// not get its "expect" fails with its position, the decisions and the
// explanation; a case without "expect" logs its decision. A case that
// cannot run (an invalid policy, a misspelt key, a policy file that cannot
// be read) fails its own subtest with every problem as file:line:col:
// message, and the file's other cases still run. A file that cannot be
// read, is not JSON, or has an invalid file-level policy or principal
// fails the file's subtest the same way. Policy warnings are logged.
func RunScenario(t *testing.T, path string) {
	t.Helper()
	runScenario(tRunner{t}, path)
}

// RunScenarioFiles runs, with [RunScenario], every file that matches one
// of the glob patterns (filepath.Glob syntax), in order. A pattern that
// matches no file fails the test, so that a moved directory cannot turn
// the tests off.
func RunScenarioFiles(t *testing.T, patterns ...string) {
	t.Helper()
	files, ok := glob(t, patterns)
	if !ok {
		return
	}
	for _, f := range files {
		runScenario(tRunner{t}, f)
	}
}

// Coverage loads every scenario file that matches one of the glob
// patterns and measures which statements and condition clauses of their
// policies decided at least one case ([scenario.MeasureCoverage]). It
// calls t.Fatalf when a pattern matches nothing or a file is invalid.
func Coverage(t testing.TB, patterns ...string) *scenario.Coverage {
	t.Helper()
	names, ok := glob(t, patterns)
	if !ok {
		return nil
	}
	files := make([]*scenario.File, 0, len(names))
	for _, name := range names {
		f, err := scenario.LoadFile(name)
		if err != nil {
			t.Fatalf("%s: cannot load:\n%v", name, err)
			return nil
		}
		files = append(files, f)
	}
	return scenario.MeasureCoverage(files...)
}

// runner is what the scenario runner needs of a test: reporting and
// subtests. tRunner adapts *testing.T; the package's tests use a fake.
type runner interface {
	testing.TB
	run(name string, f func(runner)) bool
}

// tRunner is a *testing.T as a runner.
type tRunner struct{ *testing.T }

func (r tRunner) run(name string, f func(runner)) bool {
	return r.T.Run(name, func(t *testing.T) { f(tRunner{t}) })
}

// runScenario runs the file at path as a subtest of t.
func runScenario(t runner, path string) {
	t.Helper()
	t.run(filepath.Base(path), func(t runner) {
		t.Helper()
		f, _ := scenario.LoadFile(path)
		for _, w := range f.Warnings {
			t.Logf("%s: warning: %s", w.Pos, w.Msg)
		}
		if len(f.Errors) > 0 {
			t.Errorf("%s: cannot run:\n%v", path, f.Errors)
		} else if len(f.Cases) == 0 {
			t.Logf("%s: no cases", path)
		}
		for _, c := range f.Cases {
			t.run(c.Name, func(t runner) {
				t.Helper()
				res := c.Run()
				switch {
				case res.Error != nil:
					t.Errorf("%s: %s: cannot run:\n%v", c.Pos, c.Name, res.Error)
				case res.Expect == nil:
					t.Logf("%s: %s: %s (no expect)", c.Pos, c.Name, res.Decision)
				case !res.Pass:
					t.Errorf("%s: %s: want %s, got %s\n%s", c.Pos, c.Name, *res.Expect, res.Decision, res.Explanation)
				}
			})
		}
	})
}

// glob expands patterns, failing t on a bad pattern or one that matches
// nothing.
func glob(t testing.TB, patterns []string) ([]string, bool) {
	t.Helper()
	if len(patterns) == 0 {
		t.Fatalf("no scenario file pattern given")
		return nil, false
	}
	var files []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			t.Fatalf("bad pattern %q: %v", p, err)
			return nil, false
		}
		if len(m) == 0 {
			t.Fatalf("no scenario file matches %q", p)
			return nil, false
		}
		files = append(files, m...)
	}
	return files, true
}
