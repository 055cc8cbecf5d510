package jsonsrc

import (
	"errors"

	"github.com/iameval/iameval/diag"
)

// SyntaxProblem returns err, an error of [Parse] for the file named file,
// as a problem of kind (the loader's own kind for invalid JSON): positioned
// at the offending character and worded as the [SyntaxError] words it. Any
// other error (Parse returns none) is placed at the start of the file.
func SyntaxProblem(err error, file string, kind error) *diag.Error {
	var se *SyntaxError
	if !errors.As(err, &se) {
		return &diag.Error{Pos: diag.Position{File: file, Line: 1, Column: 1}, Kind: kind, Msg: err.Error()}
	}
	pos := se.Pos
	if pos.File == "" {
		pos.File = file
	}
	return &diag.Error{Pos: pos, Kind: kind, Msg: se.Msg}
}
