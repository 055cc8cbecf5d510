package policy

import "errors"

// Kinds of problems in a policy document. Every problem [Parse] reports is
// a [diag.Error] wrapping exactly one of them (a warning's kind is marked
// by [diag.AsWarning] too), so that errors.Is(err, ErrDuplicateKey) works
// on the Error and on the [diag.ErrorList].
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
)
