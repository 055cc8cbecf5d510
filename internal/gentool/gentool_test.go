package gentool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewest holds how the generators pick their input: a file is taken
// as given, a directory yields its last match in the given order, and an
// empty directory is an error that names the pattern.
func TestNewest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"data-1.0.20240102.tgz", "data-1.0.20231231.tgz", "data-10.0.9.tgz", "other.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), nil, 0o644))
	}
	byLength := func(a, b string) bool { return len(a) < len(b) || len(a) == len(b) && a < b }
	tests := []struct {
		name, src, pattern string
		less               func(a, b string) bool
		want, err          string
	}{
		{name: "a file is taken as given", src: filepath.Join(dir, "other.txt"), pattern: "*.tgz", want: filepath.Join(dir, "other.txt")},
		{name: "lexical order by default", src: dir, pattern: "data-*.tgz", want: filepath.Join(dir, "data-10.0.9.tgz")},
		{name: "the caller's order", src: dir, pattern: "data-*.tgz", less: byLength, want: filepath.Join(dir, "data-1.0.20240102.tgz")},
		{name: "no match", src: dir, pattern: "none-*.gz", err: dir + ": no none-*.gz (hint)"},
		{name: "missing source", src: filepath.Join(dir, "absent"), pattern: "*", err: "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Newest(tc.src, tc.pattern, " (hint)", tc.less)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestWriteIfChanged holds that equal content leaves the file alone (its
// modification time stays) and other content replaces it.
func TestWriteIfChanged(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "out")
	require.NoError(t, WriteIfChanged(path, []byte("a")))
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	require.NoError(t, os.Chtimes(path, old, old))
	require.NoError(t, WriteIfChanged(path, []byte("a")))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.True(t, st.ModTime().Equal(old), "unchanged content is not rewritten")
	require.NoError(t, WriteIfChanged(path, []byte("b")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "b", strings.TrimSpace(string(b)))
}
