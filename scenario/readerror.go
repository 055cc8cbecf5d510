package scenario

import (
	"errors"
	"io/fs"

	"github.com/iameval/iameval/diag"
)

// readError describes why the scenario file at path could not be read, as
// a problem of the file: "no such file" for a missing one, the system's
// words otherwise.
func readError(path string, err error) *diag.Error {
	msg := err.Error()
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return &diag.Error{Pos: diag.Position{File: path}, Kind: ErrValue, Msg: "cannot read scenario file: " + msg}
}
