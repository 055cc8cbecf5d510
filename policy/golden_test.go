package policy

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenErrors pins the user-facing text of errors and warnings for
// the documents in testdata (error wording and positions
// are contracts). Run with -update to rewrite testdata/*.golden.
func TestGoldenErrors(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"invalid", "valid"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, file := range files {
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			typ := Identity
			if strings.Contains(file, "bucket") {
				typ = Resource
			}
			p, err := Parse(src, Source{File: filepath.Base(file), Type: typ})
			var got string
			if dir == "invalid" {
				require.Error(t, err, file)
				got = err.Error() + "\n"
			} else {
				require.NoError(t, err, file)
				got = "(no warnings)\n"
				if w := p.Warnings(); len(w) > 0 {
					got = w.Error() + "\n"
				}
			}
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				continue
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file; run go test -run TestGoldenErrors -update")
			assert.Equal(t, string(want), got, file)
		}
	}
}
