package scenario

import (
	"errors"
	"io/fs"

	"github.com/iameval/iameval/policy"
)

// readError describes why the scenario file at path could not be read, as
// a problem of the file: "no such file" for a missing one, the system's
// words otherwise.
func readError(path string, err error) *policy.Error {
	msg := err.Error()
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return &policy.Error{Pos: policy.Position{File: path}, Kind: policy.ErrValue, Msg: "cannot read scenario file: " + msg}
}
