// Package gentool holds what the data generators (catalog/internal/generate,
// managed/internal/generate) share: running a command, finding the newest
// downloaded input in a directory, and writing an output only when it
// changed, so that `go generate` leaves an up-to-date tree untouched.
package gentool

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Main runs a generator: run gets the command-line arguments, and an
// error it returns is printed as "generate: ERROR" with exit status 1.
func Main(run func(args []string) error) {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

// Newest returns src when it is a file; when src is a directory, the last
// of its files matching the glob pattern in the order less gives
// (lexical when less is nil, right for names that end in an ISO date).
// When none matches, the error says "SRC: no PATTERN" followed by hint.
func Newest(src, pattern, hint string, less func(a, b string) bool) (string, error) {
	st, err := os.Stat(src)
	if err != nil {
		return "", err
	}
	if !st.IsDir() {
		return src, nil
	}
	list, err := filepath.Glob(filepath.Join(src, pattern))
	if err != nil || len(list) == 0 {
		return "", fmt.Errorf("%s: no %s%s", src, pattern, hint)
	}
	if less == nil {
		slices.Sort(list)
	} else {
		slices.SortFunc(list, func(a, b string) int {
			switch {
			case less(a, b):
				return -1
			case less(b, a):
				return 1
			}
			return 0
		})
	}
	return list[len(list)-1], nil
}

// WriteIfChanged writes data to path unless it already holds exactly
// data.
func WriteIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
