package scenario_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

// sharedConformance is the project's conformance floor, kept outside the
// repository beside it (../shared/conformance from the repository root).
const sharedConformance = "../../shared/conformance"

// TestCorpus runs every scenario file of the shared conformance corpus and
// of testdata/scenarios, one parallel subtest per file and per case: every
// case with "expect" must get it (scenario format (go doc ./scenario), Output).
func TestCorpus(t *testing.T) {
	t.Parallel()
	dirs := []string{"testdata/scenarios", sharedConformance}
	ran := 0
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		if len(files) == 0 {
			if dir == sharedConformance {
				t.Logf("no shared conformance corpus at %s", dir)
				continue
			}
			t.Fatalf("no scenario files in %s", dir)
		}
		for _, name := range files {
			ran++
			t.Run(filepath.Base(dir)+"/"+filepath.Base(name), func(t *testing.T) {
				t.Parallel()
				runFile(t, name)
			})
		}
	}
	require.NotZero(t, ran)
}

// TestSharedConformance makes the absence of the shared corpus visible as a
// skip rather than a silent pass.
func TestSharedConformance(t *testing.T) {
	if _, err := os.Stat(sharedConformance); err != nil {
		t.Skipf("shared conformance corpus not found at %s: %v", sharedConformance, err)
	}
	files, err := filepath.Glob(filepath.Join(sharedConformance, "*.json"))
	require.NoError(t, err)
	assert.NotEmpty(t, files, "the shared conformance folder holds no scenario file")
}

// runFile loads one scenario file and checks every case as a subtest.
func runFile(t *testing.T, name string) {
	t.Helper()
	f, err := scenario.LoadFile(name)
	require.NoError(t, err)
	require.NotEmpty(t, f.Cases, "a corpus file without cases tests nothing")
	for _, c := range f.Cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			res := c.Run()
			if !c.HasExpect {
				assert.True(t, res.Pass, "a case without expect never fails")
				return
			}
			if !res.Pass {
				t.Errorf("%s: %s\n%s: got %s, want %s\n%s", c.Pos, c.Name, c.Description, res.Decision, c.Expect, res.Explanation)
			}
		})
	}
}
