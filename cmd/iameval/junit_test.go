package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJUnitGolden: --junit writes JUnit XML beside the usual output, one
// testsuite per file and one testcase per case, a <failure> with the
// explanation for a wrong decision and an <error> for a case or a file
// that could not run (testdata/test_junit.xml.golden; -update rewrites
// it).
func TestJUnitGolden(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "junit.xml")
	var stdout, stderr bytes.Buffer
	code := run([]string{"test", "--junit", out, "testdata/pass.json", "testdata/onebad.json", "testdata/nope.json"}, &stdout, &stderr)
	assert.Equal(t, exitInvalid, code, "an error result keeps the exit status 2")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
	}
	require.NoError(t, xml.Unmarshal(got, &doc), "the file is well-formed XML")
	assert.Equal(t, 7, doc.Tests)
	assert.Equal(t, 1, doc.Failures)
	assert.Equal(t, 2, doc.Errors)
	golden := filepath.Join("testdata", "test_junit.xml.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "missing golden file: run go test -update")
	assert.Equal(t, string(want), string(got))

	code = run([]string{"test", "--junit", filepath.Join(t.TempDir(), "no", "such", "dir.xml"), "testdata/pass.json"}, &stdout, &stderr)
	assert.Equal(t, exitInvalid, code, "a report that cannot be written fails the run")
	assert.Contains(t, stderr.String(), "--junit:")
}
