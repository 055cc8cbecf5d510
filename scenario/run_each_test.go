package scenario_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

// RunEach hands on, one at a time, exactly the results Load and then
// RunBrief (or Run) report: for every bundled and shared scenario, for
// files with problems of their own, files that cannot be read or parsed
// and bare lists of cases.
func TestRunEachIsLoadThenRun(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/scenarios/*.json")
	require.NoError(t, err)
	shared, _ := filepath.Glob(filepath.Join(sharedConformance, "*.json"))
	files = append(files, shared...)
	files = append(files, "testdata/onebad/onebad.json", "testdata/no-such-file.json")
	dir := t.TempDir()
	for name, text := range map[string]string{
		"syntax.json":   `{"cases": [`,
		"toplevel.json": `{"cases": [{"name": "a", "principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "*"}], "unknown": 1}`,
		"nocases.json":  `{"name": "x"}`,
		"bare.json":     `[{"name": "a", "principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "*", "expect": "implicitDeny"}]`,
	} {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		files = append(files, path)
	}
	for _, name := range files {
		for _, full := range []bool{false, true} {
			f, _ := new(scenario.Files).Load(name)
			want := f.RunBrief()
			if full {
				want = f.Run()
			}
			got := &scenario.Report{}
			each := new(scenario.Files).RunEach(name, full, got.Add)
			require.NotNil(t, each)
			assert.Empty(t, each.Cases, "%s: no case is kept", name)
			assert.Equal(t, f.Warnings, each.Warnings, "%s: the warnings", name)
			assert.Equal(t, want, got, "%s (full %v): RunEach reports what Load and Run do", name, full)
		}
	}
}

// Issue 15: a file of many cases, each with its own principal, held every
// case's principal and request (about 5 KB a case) until the last had
// run. RunEach forgets each case once it has run: when the last of 20,000
// cases is handed on, the live heap is the file's text and the results'
// counts, not 100 MB of requests.
func TestRunEachForgetsCases(t *testing.T) {
	if testing.Short() {
		t.Skip("collects the heap")
	}
	const n = 20_000
	var b strings.Builder
	b.WriteString(`{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}]}, "cases": [`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name": "c%d", "principal": "arn:aws:iam::111122223333:user/u%d", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k%d", "expect": "allowed"}`, i, i, i)
	}
	b.WriteString("]}")
	path := filepath.Join(t.TempDir(), "many.json")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	var before, last runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var report scenario.Report
	new(scenario.Files).RunEach(path, false, func(res scenario.Result) {
		report.Count(res)
		if report.Passed == n {
			runtime.GC()
			runtime.ReadMemStats(&last)
		}
	})
	require.Equal(t, n, report.Passed)
	live := int64(last.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("live heap at the last of %d cases: %d KB (file %d KB)", n, live>>10, b.Len()>>10)
	assert.Less(t, live, int64(4*b.Len()), "the cases run are not kept")
}
