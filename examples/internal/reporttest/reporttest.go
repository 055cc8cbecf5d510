// Package reporttest holds the checks every example's tests make: the
// program shows each seed case once, explained, with the decision the
// seed table gives, and its scenario file agrees with it case by case.
package reporttest

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/scenario"
)

// CheckRun runs the program and checks that every decision it shows is
// shown once, explained, printed with its explanation, and as in want
// (seed case ID to decision). It returns what the program printed.
func CheckRun(t *testing.T, run func(io.Writer) ([]report.Decision, error), want map[string]iameval.Decision) string {
	t.Helper()
	var out bytes.Buffer
	decisions, err := run(&out)
	require.NoError(t, err)

	got := make(map[string]iameval.Decision, len(decisions))
	for _, d := range decisions {
		require.NotContains(t, got, d.ID, "each case is shown once")
		got[d.ID] = d.Decision
		require.NotEmpty(t, d.Explanations, "%s is explained", d.ID)
		for _, x := range d.Explanations {
			assert.Contains(t, out.String(), strings.SplitN(x.String(), "\n", 2)[0], "%s: the explanation is printed", d.ID)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("decisions (-want +got):\n%s", d)
	}
	return out.String()
}

// CheckScenario loads the scenario file at path and checks that every case
// has an expect and passes, that its name starts with a seed case ID of
// want, that it reaches the decision want gives that ID, and that every ID
// of want has a case: the scenario and the program agree.
func CheckScenario(t *testing.T, path string, want map[string]iameval.Decision) {
	t.Helper()
	f, err := scenario.LoadFile(path)
	require.NoError(t, err)
	rep := f.Run()
	seen := make(map[string]bool)
	for _, r := range rep.Results {
		require.NotNil(t, r.Expect, "%s has an expect", r.Case)
		assert.True(t, r.Pass, "%s: got %s, want %s\n%s", r.Case, r.Decision, *r.Expect, r.Explanation)
		id, _, _ := strings.Cut(r.Case, " ")
		w, ok := want[id]
		require.True(t, ok, "scenario case %q names a seed case of the program", r.Case)
		assert.Equal(t, w, r.Decision, "%s: scenario and program agree", r.Case)
		seen[id] = true
	}
	for id := range want {
		assert.True(t, seen[id], "%s has a case for %s", path, id)
	}
}
