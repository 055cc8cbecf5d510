package policy

import (
	"errors"
	"sort"
	"strconv"
	"strings"
)

// Position is a place in a source file. The zero Position means "unknown".
type Position struct {
	File   string `json:"file,omitempty"` // "" prints as <input>
	Offset int    `json:"offset"`         // byte offset from the start of File, 0-based
	Line   int    `json:"line"`           // 1-based
	Column int    `json:"column"`         // 1-based, counted in characters (runes), not bytes
}

// String returns "file:line:col", with "<input>" for an empty File, or
// just the file when Line is 0 (a problem with the whole file, such as one
// that cannot be read).
func (p Position) String() string {
	f := p.File
	if f == "" {
		f = "<input>"
	}
	if p.Line == 0 {
		return f
	}
	return f + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Kinds of problems. Every [Error] wraps exactly one of them, so that
// errors.Is(err, ErrDuplicateKey) works on an Error and on an [ErrorList].
var (
	ErrSyntax          = errors.New("invalid JSON")                    // the text is not JSON
	ErrDuplicateKey    = errors.New("duplicate key")                   // a key repeated in one object
	ErrUnknownElement  = errors.New("unknown element")                 // an element name outside the grammar, or mis-cased
	ErrType            = errors.New("wrong type")                      // a value of the wrong JSON type, or an empty list
	ErrMissing         = errors.New("missing element")                 // a required element is absent
	ErrConflict        = errors.New("conflicting elements")            // Action with NotAction, Principal with NotPrincipal, ...
	ErrValue           = errors.New("invalid value")                   // a value of the right type that is not allowed, an empty string
	ErrUnknownOperator = errors.New("unknown condition operator")      // a Condition operator outside the grammar
	ErrVersion         = errors.New("unsupported version")             // Version other than 2012-10-17 or 2008-10-17
	ErrNotAllowed      = errors.New("not allowed for the policy type") // an element or form the policy type does not accept

	// ErrWarning marks a warning: a finding AWS accepts but that is
	// probably not what the author meant. A warning's Kind wraps both
	// ErrWarning and the kind of problem, so errors.Is finds either.
	ErrWarning = errors.New("warning")
)

// warningKind is the Kind of a warning: ErrWarning and the kind of the
// finding.
type warningKind struct{ kind error }

func (w warningKind) Error() string   { return "warning: " + w.kind.Error() }
func (w warningKind) Unwrap() []error { return []error{ErrWarning, w.kind} }

// AsWarning returns kind marked as a warning: errors.Is finds both
// ErrWarning and kind in it.
func AsWarning(kind error) error { return warningKind{kind} }

// Error is one positioned problem (or warning) in a policy document.
type Error struct {
	Pos  Position // where the offending key or value starts
	Path string   // where in the document, like Statement[1].Condition.StringLike."s3:prefix"; "" for the document
	Kind error    // one of the Err* sentinels; for a warning, one marked by [AsWarning]
	Msg  string   // what was expected and what was found
}

// IsWarning reports whether e is a warning rather than an error.
func (e *Error) IsWarning() bool { return errors.Is(e.Kind, ErrWarning) }

// Error returns "file:line:col: path: msg" (without "path: " when Path is
// empty), and "file:line:col: warning: path: msg" for a warning.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
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

// Unwrap returns the kind of the problem.
func (e *Error) Unwrap() error { return e.Kind }

// ErrorList is a list of problems, sorted by [ErrorList.Sort]. A non-empty
// ErrorList is an error.
type ErrorList []*Error

// Error returns the problems, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As look at each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, offset, path and message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Offset != b.Pos.Offset {
			return a.Pos.Offset < b.Pos.Offset
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Msg < b.Msg
	})
}

// Split returns the errors and the warnings of l, each in l's order.
func (l ErrorList) Split() (errs, warnings ErrorList) {
	for _, e := range l {
		if e.IsWarning() {
			warnings = append(warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, warnings
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
