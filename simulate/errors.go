package simulate

import (
	"errors"
	"sort"
	"strings"

	"github.com/iameval/iameval/policy"
)

// Kinds of input problems. Every [Error] wraps exactly one of them, so that
// errors.Is(err, ErrUnknownKey) works on an Error and on an [ErrorList].
var (
	ErrSyntax       = errors.New("invalid JSON")      // the document is not JSON
	ErrUnknownKey   = errors.New("unknown key")       // a key the SimulateCustomPolicy request does not have
	ErrDuplicateKey = errors.New("duplicate key")     // a key repeated in one object
	ErrType         = errors.New("wrong type")        // a value of the wrong JSON type
	ErrMissing      = errors.New("missing parameter") // a required parameter is absent
	ErrValue        = errors.New("invalid value")     // a value of the right type that is not allowed
	ErrPolicy       = errors.New("invalid policy")    // a policy string is not a valid policy of its type
)

// Error is one problem with a simulation input, positioned in the document
// [ParseInput] read. Inputs built in Go have no document: their errors
// carry the zero Pos and name the field by Path alone.
type Error struct {
	// Pos is where the offending key or value starts in the input
	// document. For a problem inside a policy string it is the place in
	// the document the policy's offending character was read from.
	Pos policy.Position
	// Path names the parameter: ActionNames[2],
	// ContextEntries[0].ContextKeyType, PolicyInputList[1]; "" for the
	// document.
	Path string
	// Kind is one of the Err* sentinels.
	Kind error
	// Msg says what was expected and what was found.
	Msg string
	// Policy is, for ErrPolicy, the problem as package policy reports it,
	// positioned inside the policy string (line and column of the policy
	// text, as the policy simulator counts them).
	Policy *policy.Error
}

// Error returns "file:line:col: path: msg", leaving out the position when
// it is unknown and "path: " when Path is empty.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Pos.Line > 0 {
		b.WriteString(e.Pos.String())
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the kind of the problem and, for a policy problem, the
// policy package's error, so that errors.Is(err, policy.ErrUnknownElement)
// finds it too.
func (e *Error) Unwrap() []error {
	if e.Policy != nil {
		return []error{e.Kind, e.Policy}
	}
	return []error{e.Kind}
}

// ErrorList is a list of problems sorted by position. A non-empty ErrorList
// is an error.
type ErrorList []*Error

// Error returns the problems, one per line.
func (l ErrorList) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As look at each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// sort orders the list by offset in the document; problems of an input
// built in Go keep the order they were found in.
func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos.Offset < l[j].Pos.Offset })
}

// err returns l as an error, or nil when l is empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	return l
}
