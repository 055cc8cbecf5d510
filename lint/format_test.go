package lint

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestFormats writes the findings of testdata/mixed.json (an error, a
// security warning, a warning and a suggestion) in every format and
// compares with testdata/mixed.FORMAT.golden: the formats are a contract
// with CI systems (SARIF 2.1.0 for code scanning, GitHub workflow
// commands). Run with -update to rewrite them after a deliberate change.
func TestFormats(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/mixed.json")
	require.NoError(t, err)
	fs := Check(src, policy.Source{File: "testdata/mixed.json"})
	n := Count(fs)
	for s := Suggestion; s <= Error; s++ {
		require.NotZero(t, n[s], "the sample must have a finding of each severity: %s", s)
	}
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			require.NoError(t, Write(&b, f, fs))
			if f == JSON || f == SARIF {
				assert.True(t, json.Valid(b.Bytes()), "%s output must be JSON", f)
			}
			golden := filepath.Join("testdata", "mixed."+string(f)+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file: run go test -update")
			assert.Equal(t, string(want), b.String())
		})
	}
}

// TestSARIFShape checks what code scanning needs of the SARIF output:
// version 2.1.0, every result's rule among the run's rules at its
// ruleIndex, and a 1-based region.
func TestSARIFShape(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/mixed.json")
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, Write(&b, SARIF, Check(src, policy.Source{File: "testdata/mixed.json"})))
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	require.NotEmpty(t, run.Results)
	for _, r := range run.Results {
		require.Less(t, r.RuleIndex, len(run.Tool.Driver.Rules))
		assert.Equal(t, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
		require.Len(t, r.Locations, 1)
		assert.Positive(t, r.Locations[0].PhysicalLocation.Region.StartLine)
		assert.Positive(t, r.Locations[0].PhysicalLocation.Region.StartColumn)
	}
}

// TestGitHubEscaping checks the escapes of workflow commands: % and
// newlines in the message, also : and , in properties.
func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, Write(&b, GitHub, []Finding{{
		Code: codeInvalidValue, Severity: Error, Pos: diag.Position{File: "a,b:c.json", Line: 2, Column: 3},
		Message: "100% wrong\nreally", Fix: "x",
	}}))
	assert.Equal(t, "::error file=a%2Cb%3Ac.json,line=2,col=3,title=ERROR INVALID_VALUE::100%25 wrong%0Areally%0Afix: x\n", b.String())
}
