package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/iameval/iameval/diag"
)

// printLoadError prints why the file name could not be used: one
// FILE:LINE:COL: message line per problem, or the read error.
func printLoadError(w io.Writer, name string, err error) {
	if printProblems(w, err) {
		return
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	fmt.Fprintf(w, "%s: cannot read: %v\n", name, err)
}

// printProblems prints one FILE:LINE:COL: message line per problem when err
// is a diag.ErrorList or a diag.Error, and reports whether it was.
func printProblems(w io.Writer, err error) bool {
	var list diag.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Error())
		}
		return true
	}
	var one *diag.Error
	if errors.As(err, &one) {
		fmt.Fprintln(w, one.Error())
		return true
	}
	return false
}

// printWarnings prints non-fatal findings as FILE:LINE:COL: warning: message.
func printWarnings(w io.Writer, warnings diag.ErrorList) {
	for _, e := range warnings {
		fmt.Fprintln(w, warningText(e))
	}
}

// warningText renders a warning as FILE:LINE:COL: warning: PATH: MSG.
func warningText(e *diag.Error) string {
	if e.IsWarning() {
		return e.Error()
	}
	s := e.Pos.String() + ": warning: "
	if e.Path != "" {
		s += e.Path + ": "
	}
	return s + e.Msg
}
