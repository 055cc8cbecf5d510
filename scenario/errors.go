package scenario

import "errors"

// Kinds of problems in a scenario file. Every problem [Load] reports about
// the scenario file itself is a [diag.Error] wrapping exactly one of them,
// so that errors.Is(err, ErrUnknownKey) works on the Error and on the
// [diag.ErrorList]. A problem inside a policy the file embeds or names
// keeps the kind package policy gave it (ErrUnknownKey, ...),
// so errors.Is tells the two apart.
var (
	ErrSyntax       = errors.New("invalid JSON")     // the file is not JSON
	ErrUnknownKey   = errors.New("unknown key")      // a key the scenario format does not have, or mis-cased
	ErrDuplicateKey = errors.New("duplicate key")    // a key repeated in one object
	ErrType         = errors.New("wrong type")       // a value of the wrong JSON type, or an empty one
	ErrMissing      = errors.New("missing key")      // a required key is absent
	ErrConflict     = errors.New("conflicting keys") // two keys that exclude each other, such as "document" and "file"
	ErrValue        = errors.New("invalid value")    // a value of the right type that is not allowed, or a file that cannot be read
)
