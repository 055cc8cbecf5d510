package scenario

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// A CoverageMeter set on Files measures each case as RunEach runs it and
// forgets it; its coverage is the one MeasureCoverage gives for the same
// files loaded whole (issue 15: iameval test --coverage loaded 350,000
// cases to measure them, a minute and 13 times the file).
func TestCoverageMeterAgreesWithMeasureCoverage(t *testing.T) {
	t.Parallel()
	var names []string
	for _, pattern := range []string{"testdata/coverage/*.json", "testdata/scenarios/*.json", "../examples/*/*.json"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		names = append(names, m...)
	}
	require.Greater(t, len(names), 8)

	var loaded Files
	var files []*File
	for _, n := range names {
		f, _ := loaded.Load(n)
		files = append(files, f)
	}
	want := MeasureCoverage(files...)

	each := Files{Meter: NewCoverageMeter()}
	for _, n := range names {
		each.RunEach(n, false, func(Result) {})
	}
	got := each.Meter.Coverage()
	require.Greater(t, got.Cases, 20)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coverage (-MeasureCoverage +CoverageMeter):\n%s", diff)
	}
}
