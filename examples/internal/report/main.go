package report

import (
	"fmt"
	"io"
	"os"
)

// Main runs the example program name: run prints its decisions to
// standard output, and an error it returns is printed as "NAME: ERROR"
// with exit status 1.
func Main(name string, run func(w io.Writer) ([]Decision, error)) {
	if _, err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}
