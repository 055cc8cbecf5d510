package account

import "errors"

// Kinds of problems in account inputs (exports, resource policies, the
// organization). Every problem the [Loader] reports about an input file
// itself is a [diag.Error] wrapping exactly one of them, so that
// errors.Is(err, ErrMissing) works on the Error and on the
// [diag.ErrorList]. A problem inside a policy document keeps the kind
// package policy gave it (policy.ErrUnknownElement, ...).
var (
	ErrSyntax       = errors.New("invalid JSON")    // the file is not JSON
	ErrDuplicateKey = errors.New("duplicate key")   // a key, policy or group repeated where it must be unique
	ErrType         = errors.New("wrong type")      // a value of the wrong JSON type
	ErrMissing      = errors.New("missing element") // a required element, policy or document is absent
	ErrValue        = errors.New("invalid value")   // a value of the right type that is not allowed
)
