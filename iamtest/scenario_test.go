package iamtest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
)

// runFake runs the scenario file path under a fake test and returns it.
func runFake(path string) *fakeT {
	f := newFake("TestPolicies")
	done := make(chan struct{})
	go func() {
		defer close(done)
		runScenario(f, path)
	}()
	<-done
	return f
}

// TestRunScenarioReports checks the subtests and reports of a scenario
// run: one subtest per file and per case; a wrong decision fails its case
// with position and explanation; a case without expect logs its decision.
func TestRunScenarioReports(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path   string
		failed bool
		want   []entry
		why    string
	}{
		{"testdata/reports.json", false, []entry{
			{"log", "TestPolicies/reports.json/write a report", "testdata/reports.json:15:5: write a report: implicitDeny (no expect)"},
		}, "every case with expect gets it; a case without expect is reported, never failed (scenario format, CASE (go doc ./scenario))"},
		{"testdata/broken/wrong.json", true, []entry{
			{"error", "TestPolicies/wrong.json/write a report", "testdata/broken/wrong.json:5:3: write a report: want allowed, got implicitDeny\n" +
				"implicitDeny: IAMUser arn:aws:iam::123456789012:user/pat s3:PutObject on arn:aws:s3:::reports/q1.csv (resource account 123456789012)\n" +
				"  no allow in: identity\n" +
				"  closest statements:\n" +
				"    identity identity[0] Statement[0] (Allow) at testdata/broken/wrong.json:6:70\n" +
				"      Action failed at testdata/broken/wrong.json:6:90: action \"s3:PutObject\" not in Action\n" +
				"  policy types: identity implicitDeny\n"},
		}, "the failing case only, with its position and the explanation"},
		{"testdata/broken/invalid.json", true, []entry{
			{"error", "TestPolicies/invalid.json", "testdata/broken/invalid.json: cannot run:\n" +
				"testdata/broken/invalid.json:3:80: policies.identity[0].Statement[0].Effect: expected \"Allow\" or \"Deny\", found \"allow\""},
			{"error", "TestPolicies/invalid.json/cases[0]", "testdata/broken/invalid.json:4:13: cases[0]: cannot run:\n" +
				"testdata/broken/invalid.json:4:57: cases[0].expext: unknown key \"expext\" in a case (did you mean \"expect\"?)"},
		}, "a broken file-level policy fails the file's subtest, a broken case its own, each with every problem"},
		{"testdata/broken/onebad.json", true, []entry{
			{"error", "TestPolicies/onebad.json/misspelt expect", "testdata/broken/onebad.json:6:5: misspelt expect: cannot run:\n" +
				"testdata/broken/onebad.json:6:112: cases[1].expect: expected \"allowed\", \"explicitDeny\" or \"implicitDeny\", found \"Allowed\""},
		}, "one bad case fails alone; the other cases of the file run and pass"},
		{"testdata/none.json", true, []entry{
			{"error", "TestPolicies/none.json", "testdata/none.json: cannot run:\ntestdata/none.json: cannot read scenario file: no such file"},
		}, "a missing file fails and says it is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			f := runFake(tc.path)
			assert.Equal(t, tc.failed, f.Failed(), tc.why)
			if d := cmp.Diff(tc.want, f.entries(), cmp.AllowUnexported(entry{})); d != "" {
				t.Errorf("reports mismatch (-want +got):\n%s\n%s", d, tc.why)
			}
			assert.Positive(t, f.helpers)
		})
	}
}

// TestRunScenarioFiles runs the passing file for real: its cases become
// subtests of this test and pass.
func TestRunScenarioFiles(t *testing.T) {
	t.Parallel()
	RunScenarioFiles(t, "testdata/reports.json")
	RunScenario(t, "testdata/reports.json")
}

// TestGlobFails checks that patterns that match nothing, bad patterns and
// no pattern stop the test: a typo must not turn the tests off.
func TestGlobFails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		patterns []string
		want     string
	}{
		{[]string{"testdata/*.json", "testdata/nope/*.json"}, `no scenario file matches "testdata/nope/*.json"`},
		{[]string{"testdata/[.json"}, `bad pattern "testdata/[.json": syntax error in pattern`},
		{nil, "no scenario file pattern given"},
	}
	for _, tc := range tests {
		f, finished := capture(func(t testing.TB) { Coverage(t, tc.patterns...) })
		assert.False(t, finished)
		require.Len(t, f.entries(), 1)
		assert.Equal(t, entry{"fatal", "Test", tc.want}, f.entries()[0])
	}
}

// TestCoverage measures the passing file's policies.
func TestCoverage(t *testing.T) {
	t.Parallel()
	cov := Coverage(t, "testdata/reports.json")
	require.NotNil(t, cov)
	assert.Equal(t, 3, cov.Cases)
	require.Len(t, cov.Policies, 1)
	assert.Equal(t, policy.Identity, cov.Policies[0].Type)
	assert.True(t, cov.Complete(), "Read and NoDelete each decide a case\n%s", cov)
}
