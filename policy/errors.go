package policy

import (
	"errors"

	"github.com/iameval/iameval/diag"
)

// Position, Error and ErrorList are the module's one positioned
// diagnostic, which moved to package diag; these names remain for a
// transition.
type (
	// Deprecated: use [diag.Position].
	Position = diag.Position
	// Deprecated: use [diag.Error].
	Error = diag.Error
	// Deprecated: use [diag.ErrorList].
	ErrorList = diag.ErrorList
)

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
)

// ErrWarning marks a warning.
//
// Deprecated: use [diag.ErrWarning].
var ErrWarning = diag.ErrWarning

// AsWarning returns kind marked as a warning.
//
// Deprecated: use [diag.AsWarning].
func AsWarning(kind error) error { return diag.AsWarning(kind) }
