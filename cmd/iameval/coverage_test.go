package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCoverageGolden pins `iameval test --coverage` in text and JSON
// against testdata/NAME.golden, like TestGolden (run with -update after a
// deliberate change).
func TestCoverageGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		why  string
	}{
		{"test_coverage", []string{"test", "--coverage", "testdata/coverage.json"}, 0,
			"the coverage report comes after the case lines and before the summary line, which stays last"},
		{"test_coverage_json", []string{"test", "--json", "--coverage", "testdata/coverage.json"}, 0,
			"a \"coverage\" object after \"failed\"; results, passed and failed as without --coverage"},
		{"test_coverage_invalid", []string{"test", "testdata/invalid.json", "--coverage", "testdata/fail.json"}, 2,
			"coverage of the files that loaded; the exit status is unchanged by --coverage"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, tc.code, code, "exit status: %s\nstdout:\n%s\nstderr:\n%s", tc.why, stdout.String(), stderr.String())
			got := "$ iameval " + strings.Join(quoteArgs(tc.args), " ") + "\n" +
				"[exit " + string(rune('0'+code)) + "]\n" +
				"--- stdout\n" + stdout.String() +
				"--- stderr\n" + stderr.String()
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file: run go test -update")
			assert.Equal(t, string(want), got, tc.why)
		})
	}
}

// TestCoverageKeepsTheContract checks what --coverage must not change: the
// summary line is the last line of the text output, and the JSON document
// without --coverage has no "coverage" key while with it the other keys
// are the same.
func TestCoverageKeepsTheContract(t *testing.T) {
	t.Parallel()
	files := []string{"testdata/pass.json", "testdata/fail.json", "testdata/coverage.json"}
	var plain, covered bytes.Buffer
	assert.Equal(t, 1, run(append([]string{"test"}, files...), &plain, &bytes.Buffer{}))
	assert.Equal(t, 1, run(append([]string{"test", "--coverage"}, files...), &covered, &bytes.Buffer{}))
	lines := strings.Split(strings.TrimRight(covered.String(), "\n"), "\n")
	assert.Equal(t, "7 passed, 1 failed", lines[len(lines)-1], "the summary line stays last (scenario format, Output (go doc ./scenario))")
	assert.True(t, strings.HasPrefix(covered.String(), strings.TrimSuffix(plain.String(), "7 passed, 1 failed\n")),
		"--coverage only inserts the report before the summary line")

	decode := func(args ...string) map[string]json.RawMessage {
		var out bytes.Buffer
		run(append(append([]string{"test", "--json"}, args...), files...), &out, &bytes.Buffer{})
		var doc map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(out.Bytes(), &doc))
		return doc
	}
	without, with := decode(), decode("--coverage")
	assert.NotContains(t, without, "coverage")
	require.Contains(t, with, "coverage")
	for _, k := range []string{"results", "passed", "failed", "errors"} {
		assert.JSONEq(t, string(without[k]), string(with[k]), k)
	}
	assert.Len(t, keysOf(with), 5, "results, passed, failed, errors and coverage")
}

// keysOf returns the keys of m, sorted.
func keysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
