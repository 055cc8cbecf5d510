package scenario_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

var updateWarned = flag.Bool("update", false, "rewrite testdata/scenarios/warned/warnings.golden")

// TestBundledScenariosAreQuiet: the README's main job (`iameval test
// examples/*/scenario.json testdata/scenarios/*.json`) prints nothing on
// stderr, so a newcomer never reads deliberate bad input as breakage.
// Cases that exercise what AWS accepts with a warning belong in
// testdata/scenarios/warned, which TestWarnedScenarios runs.
func TestBundledScenariosAreQuiet(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pat := range []string{"../examples/*/scenario.json", "../testdata/scenarios/*.json"} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	for _, name := range files {
		f, err := scenario.LoadFile(name)
		require.NoError(t, err, name)
		assert.Empty(t, f.Warnings, "%s: move cases that warn to testdata/scenarios/warned", name)
	}
}

// TestWarnedScenarios runs the bundled cases whose policies AWS accepts but
// iameval warns about (a misspelt operator, a short ARN, a wildcard in a
// principal ARN, ...): every case gets its expect, and the warnings are
// exactly those of testdata/scenarios/warned/warnings.golden (go test
// -update rewrites it).
func TestWarnedScenarios(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../testdata/scenarios/warned/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var got strings.Builder
	for _, name := range files {
		f, err := scenario.LoadFile(name)
		require.NoError(t, err, name)
		for _, r := range f.Run().Results {
			assert.True(t, r.Pass, "%s: %s: got %s\n%s", name, r.Case, r.Decision, r.Explanation)
		}
		assert.NotEmpty(t, f.Warnings, "%s: a case without a warning belongs in testdata/scenarios", name)
		for _, w := range f.Warnings {
			got.WriteString(strings.TrimPrefix(w.Error(), "../") + "\n")
		}
	}
	golden := "../testdata/scenarios/warned/warnings.golden"
	if *updateWarned {
		require.NoError(t, os.WriteFile(golden, []byte(got.String()), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got.String())
}
