package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestByteOrderMark: every command reads a file that starts with a UTF-8
// byte-order mark, as Notepad and other Windows editors save JSON, rather
// than reporting "invalid character 'ï'".
func TestByteOrderMark(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	withBOM := func(name, from string) string {
		src, err := os.ReadFile(from)
		require.NoError(t, err)
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, append([]byte("\uFEFF"), src...), 0o644))
		return path
	}
	pol := withBOM("reports.json", "testdata/policies/reports.json")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "policies"), 0o755))
	withBOM(filepath.Join("policies", "reports.json"), "testdata/policies/reports.json")
	scen := withBOM("pass.json", "testdata/pass.json")
	sim := withBOM("cli_example.json", "testdata/simulate/cli_example.json")
	tests := []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", pol}},
		{"test", []string{"test", scen}},
		{"explain", []string{"explain", "--principal", "arn:aws:iam::123456789012:user/pat", "--action", "s3:GetObject",
			"--resource", "arn:aws:s3:::reports/q1.csv", "--policy", pol}},
		{"simulate", []string{"simulate", sim}},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		assert.Equal(t, exitOK, code, "%s: stdout:\n%s\nstderr:\n%s", tc.name, stdout.String(), stderr.String())
		assert.Empty(t, stderr.String(), tc.name)
	}
}
