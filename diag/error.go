package diag

import (
	"errors"
	"strings"
)

// Error is one positioned problem (or warning) in a source file.
type Error struct {
	// Pos is where the offending key or value starts. An Error about a
	// value built in Go, not read from a file, has the zero Pos.
	Pos Position
	// Path says where in the document, like
	// Statement[1].Condition.StringLike."s3:prefix" or
	// ContextEntries[0].ContextKeyType; "" for the document.
	Path string
	// Kind is the kind of problem: one of the Err* sentinels of the
	// package that reported it; for a warning, one marked by [AsWarning].
	Kind error
	// Msg says what was expected and what was found.
	Msg string
	// Cause is, when the problem reports another one in other terms, that
	// other problem: for a policy string inside a policy simulator input,
	// the policy's own Error, positioned inside the policy text. It is
	// nil otherwise.
	Cause error
}

// IsWarning reports whether e is a warning rather than an error.
func (e *Error) IsWarning() bool { return errors.Is(e.Kind, ErrWarning) }

// Error returns "file:line:col: path: msg", with "warning: " after the
// position for a warning. It leaves out "path: " when Path is empty, and
// the position when it names neither a file nor a line (a value built in Go).
func (e *Error) Error() string {
	var b strings.Builder
	if e.Pos.File != "" || e.Pos.IsValid() {
		b.WriteString(e.Pos.String())
		b.WriteString(": ")
	}
	if e.IsWarning() {
		b.WriteString("warning: ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the kind of the problem and, when there is one, its
// Cause, so that errors.Is and errors.As look at both.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Kind, e.Cause}
	}
	return []error{e.Kind}
}
