package principal

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrInvalid is wrapped by every error of [Parse] and of the constructors:
// errors.Is(err, principal.ErrInvalid) holds for all of them.
var ErrInvalid = errors.New("invalid principal")

// Error describes a principal that [Parse] or a constructor rejected.
// Constructor errors name the rejected fact in Field; Parse errors leave
// Field empty and carry the input instead.
type Error struct {
	// Input is the string given to [Parse] (Parse errors only).
	Input string
	// Kind is the kind being built (constructor errors only).
	Kind Kind
	// Field names the rejected fact as the scenario format's principal
	// object spells it: "roleArn", "claims", "tags", "attributes", ...
	// (constructor errors only).
	Field string
	// Msg says what is wrong.
	Msg string
}

// Error returns `principal "INPUT": MSG` for Parse errors and
// `KIND principal: FIELD: MSG` for constructor errors.
func (e *Error) Error() string {
	if e.Field == "" {
		return "principal " + strconv.Quote(e.Input) + ": " + e.Msg
	}
	return e.Kind.String() + " principal: " + e.Field + ": " + e.Msg
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error {
	return ErrInvalid
}

// fieldError returns a constructor error for field of kind k.
func fieldError(k Kind, field, format string, args ...any) *Error {
	return &Error{Kind: k, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// parseError returns a Parse error for input s.
func parseError(s, format string, args ...any) *Error {
	return &Error{Input: s, Msg: fmt.Sprintf(format, args...)}
}
