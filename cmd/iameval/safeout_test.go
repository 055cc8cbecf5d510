package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSafeWriterEscapesTerminalControls: nothing iameval prints may act on
// the terminal that shows it (issue 15): controls, format characters and
// stray bytes are escaped; text, tabs and newlines pass.
func TestSafeWriterEscapesTerminalControls(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain text passes", []string{"a\tb\nc r\u00e9sum\u00e9 \u212a"}, "a\tb\nc r\u00e9sum\u00e9 \u212a"},
		{"escape sequence", []string{"x\x1b[2Jy"}, `x\u001b[2Jy`},
		{"carriage return hides text", []string{"ok\rFAIL"}, `ok\u000dFAIL`},
		{"NUL and DEL", []string{"\x00\x7f"}, `\u0000\u007f`},
		{"C1 control", []string{"\u009b31m"}, `\u009b31m`},
		{"zero-width space and bidi override", []string{"s3:a\u200b\u202e"}, `s3:a\u200b\u202e`},
		{"format character outside the BMP", []string{"\U000e0001"}, `\udb40\udc01`},
		{"invalid byte", []string{"a\xffb"}, `a\xffb`},
		{"rune split across writes", []string{"\xe2\x80", "\x8b!"}, `\u200b!`},
		{"output ends inside a rune", []string{"a\xe2\x80"}, `a\xe2\x80`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			w := newSafeWriter(&b)
			for _, s := range tc.writes {
				n, err := w.Write([]byte(s))
				require.NoError(t, err)
				assert.Equal(t, len(s), n)
			}
			require.NoError(t, w.Flush())
			assert.Equal(t, tc.want, b.String())
		})
	}
}

// TestSafeWriterKeepsJSONValid: the escapes are JSON escapes, so a JSON
// document holding such characters in strings stays the same document.
func TestSafeWriterKeepsJSONValid(t *testing.T) {
	t.Parallel()
	in := map[string]string{"k\u200b": "v\x1b\u202e\u0085\U000e0001\x7f"}
	raw, err := json.Marshal(in)
	require.NoError(t, err)
	var b bytes.Buffer
	w := newSafeWriter(&b)
	_, err = w.Write(raw)
	require.NoError(t, err)
	var out map[string]string
	require.NoError(t, json.Unmarshal(b.Bytes(), &out), b.String())
	assert.Equal(t, in, out)
}

// TestCommandsPrintNoControlBytes: a scenario whose case name and action
// carry an escape sequence and a zero-width space is reported without
// them reaching the terminal.
func TestCommandsPrintNoControlBytes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"principal": "arn:aws:iam::111111111111:user/alice",
 "policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}]},
 "cases": [{"name": "\u001b[2Jgone", "action": "s3:DeleteObject\u200b", "resource": "*", "expect": "allowed"}]}`), 0o600))
	for _, args := range [][]string{{"test", path}, {"test", "--json", path}, {"explain", path}} {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		assert.Equal(t, exitInvalid, code, "%v: the action is outside AWS's alphabet", args)
		for _, out := range []string{stdout.String(), stderr.String()} {
			assert.NotContains(t, out, "\x1b", "%v", args)
			assert.NotContains(t, out, "\u200b", "%v", args)
		}
		assert.Contains(t, stdout.String()+stderr.String(), `\u200b`, "%v: the refused character is shown escaped", args)
	}
}

// countingWriter records the size of each write it receives.
type countingWriter struct {
	bytes.Buffer
	sizes []int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.sizes = append(c.sizes, len(p))
	return c.Buffer.Write(p)
}

func TestSafeWriterPassesLargeWritesInChunks(t *testing.T) {
	// A 60 MB --json document must not be copied whole (issue 15): a
	// large write is escaped and passed on in chunks of about safeChunk
	// bytes, with the same bytes as one piece.
	const n = 40_000
	in := strings.Repeat("ab\x01é\n", n) // 6 bytes each, 240,000 in all
	var w countingWriter
	s := newSafeWriter(&w)
	_, err := s.Write([]byte(in))
	require.NoError(t, err)
	require.NoError(t, s.Flush())
	assert.Equal(t, strings.Repeat(`ab\u0001é`+"\n", n), w.String())
	assert.Greater(t, len(w.sizes), 3)
	for _, size := range w.sizes {
		assert.LessOrEqual(t, size, safeChunk+8, "a chunk ends at most one escape past safeChunk")
	}
	assert.LessOrEqual(t, cap(s.buf), 2*safeChunk, "the reused buffer stays small")
}
