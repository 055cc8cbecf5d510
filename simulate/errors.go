package simulate

import "errors"

// Kinds of input problems. Every problem is a [diag.Error] wrapping exactly
// one of them, so that errors.Is(err, ErrUnknownKey) works on the Error and
// on the [diag.ErrorList] the package returns.
//
// A problem with an input built in Go has no document: its Error carries
// the zero Pos and names the parameter by Path alone (ActionNames[2],
// ContextEntries[0].ContextKeyType, PolicyInputList[1]). An ErrPolicy
// problem is positioned where, in the document, the policy's offending
// character was read from; its Cause is the problem as package policy
// reports it, positioned inside the policy string (line and column of the
// policy text, as the policy simulator counts them), so that errors.Is
// finds policy's kinds too.
var (
	ErrSyntax       = errors.New("invalid JSON")      // the document is not JSON
	ErrUnknownKey   = errors.New("unknown key")       // a key the SimulateCustomPolicy request does not have
	ErrDuplicateKey = errors.New("duplicate key")     // a key repeated in one object
	ErrType         = errors.New("wrong type")        // a value of the wrong JSON type
	ErrMissing      = errors.New("missing parameter") // a required parameter is absent
	ErrValue        = errors.New("invalid value")     // a value of the right type that is not allowed
	ErrPolicy       = errors.New("invalid policy")    // a policy string is not a valid policy of its type
)
