package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/scenario"
)

// hangLimit is how long a command may take before the test calls it hung.
// A hang never returns, so any finite limit catches one; the limit is
// generous because CI runs these tests under -race on a loaded 2-core
// machine, where a command that takes milliseconds alone can take seconds.
const hangLimit = time.Minute

// runWithin runs the command line and fails the test when it has not
// returned within limit: no input may hang a command (issue 15).
func runWithin(t *testing.T, limit time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		c := run(args, &o, &e)
		done <- result{c, o.String(), e.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(limit):
		t.Fatalf("iameval %q did not return within %s", args, limit)
		return 0, "", ""
	}
}

// TestNoCommandHangsOnANamedPipe: every command that reads a file refuses
// a named pipe — given directly, through a symbolic link or as a
// {"file": ...} policy of a scenario — instead of blocking on its open
// until a writer appears (issue 15).
func TestNoCommandHangsOnANamedPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(fifo, link))
	ref := filepath.Join(dir, "ref.json")
	require.NoError(t, os.WriteFile(ref, []byte(`{"principal": "arn:aws:iam::111111111111:user/alice",
 "policies": {"identity": [{"file": "fifo.json"}]},
 "cases": [{"name": "c", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}]}`), 0o600))
	flags := []string{"--principal", "arn:aws:iam::111111111111:user/alice", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k"}
	tests := []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", fifo}},
		{"validate through a symbolic link", []string{"validate", link}},
		{"test", []string{"test", fifo}},
		{"test through a symbolic link", []string{"test", link}},
		{"test with a {file} policy", []string{"test", ref}},
		{"explain a scenario", []string{"explain", fifo}},
		{"explain --policy", append([]string{"explain", "--policy", fifo}, flags...)},
		{"explain --resource-policy", append([]string{"explain", "--policy", filepath.Join("testdata", "policies", "reports.json"), "--resource-policy", link}, flags...)},
		{"simulate", []string{"simulate", fifo}},
		{"simulate --input file://", []string{"simulate", "--input", "file://" + link}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runWithin(t, hangLimit, tc.args...)
			assert.Equal(t, exitInvalid, code, stderr)
			// test reports the refusal as an error result on stdout; the
			// other commands as a problem on stderr.
			assert.Contains(t, stdout+stderr, "not a regular file (a named pipe)")
		})
	}
}

// endless is a reader that never ends, like /dev/zero.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestSimulateStdinIsLimited: standard input is read with the same 64 MiB
// limit as files and gives a clear error past it, instead of growing until
// the runtime aborts (issue 15: simulate - < /dev/zero). Not parallel: it
// replaces simulateStdin.
func TestSimulateStdinIsLimited(t *testing.T) {
	saved := simulateStdin
	simulateStdin = endless{}
	defer func() { simulateStdin = saved }()
	code, stdout, stderr := runWithin(t, hangLimit, "simulate", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "<stdin>: cannot read: larger than the 64 MiB input limit")
	assert.Equal(t, 64<<20, scenario.MaxFileSize)
}

// TestSimulatePagesThroughTheCommand: the streamed response is one JSON
// document with IsTruncated and Marker, and the Marker asks for the rest.
func TestSimulatePagesThroughTheCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, marker string) string {
		path := filepath.Join(dir, name)
		doc := map[string]any{
			"PolicyInputList": []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`},
			"ActionNames":     []string{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"},
			"MaxItems":        2,
		}
		if marker != "" {
			doc["Marker"] = marker
		}
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, b, 0o600))
		return path
	}
	type response struct {
		EvaluationResults []struct{ EvalActionName string }
		IsTruncated       bool
		Marker            string
	}
	code, stdout, stderr := runWithin(t, hangLimit, "simulate", write("first.json", ""))
	require.Equal(t, exitOK, code, stderr)
	var first response
	require.NoError(t, json.Unmarshal([]byte(stdout), &first), stdout)
	assert.Len(t, first.EvaluationResults, 2)
	assert.True(t, first.IsTruncated)
	require.NotEmpty(t, first.Marker)

	code, stdout, stderr = runWithin(t, hangLimit, "simulate", write("next.json", first.Marker))
	require.Equal(t, exitOK, code, stderr)
	var next response
	require.NoError(t, json.Unmarshal([]byte(stdout), &next), stdout)
	require.Len(t, next.EvaluationResults, 1)
	assert.Equal(t, "s3:DeleteObject", next.EvaluationResults[0].EvalActionName)
	assert.False(t, next.IsTruncated)
	assert.NotContains(t, stdout, `"Marker"`, "no Marker on the last page")
}

// validate reports at most diag.MaxErrors findings of a document and a
// last one that counts the rest, whose severity still fails the run
// (issue 15: a document where every entry is wrong printed seven times
// its size, from a peak of twenty times it). Here the kept findings are
// suggestions and warnings, and the errors are all left out.
func TestValidateFindingsPastLimit(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	for i := range diag.MaxErrors + 5 {
		if i > 0 {
			b.WriteByte(',')
		}
		// Every statement has an operator spelled in lower case (a
		// warning); its unknown service is an error.
		fmt.Fprintf(&b, "\n"+`{"Effect": "Allow", "Action": "nosvc%d:Get", "Resource": "*", "Condition": {"stringequals": {"aws:username": "a"}}}`, i)
	}
	b.WriteString("]}")
	file := filepath.Join(t.TempDir(), "p.json")
	require.NoError(t, os.WriteFile(file, b.Bytes(), 0o644))
	code, stdout, stderr := runWithin(t, hangLimit, "validate", "--fail-on", "error", file)
	assert.Equal(t, exitInvalid, code, "an error is among the findings left out")
	assert.Empty(t, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var tooMany []string
	for _, l := range lines {
		if strings.HasSuffix(l, "[TOO_MANY_FINDINGS]") {
			tooMany = append(tooMany, l)
		}
	}
	require.Len(t, tooMany, 1)
	assert.Contains(t, tooMany[0], ": error: ")
	assert.Contains(t, tooMany[0], "more findings are not reported, the first of them here: at most 10000 are reported for one document")
	assert.LessOrEqual(t, len(lines), diag.MaxErrors+2, "the findings kept, the last one, and a summary line")
}
