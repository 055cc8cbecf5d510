package diag

import "errors"

// ErrWarning marks a warning: a finding AWS accepts but that is probably
// not what the author meant. A warning's Kind wraps both ErrWarning and
// the kind of problem, so errors.Is finds either.
var ErrWarning = errors.New("warning")

// warningKind is the Kind of a warning: ErrWarning and the kind of the
// finding.
type warningKind struct{ kind error }

func (w warningKind) Error() string   { return "warning: " + w.kind.Error() }
func (w warningKind) Unwrap() []error { return []error{ErrWarning, w.kind} }

// AsWarning returns kind marked as a warning: errors.Is finds both
// ErrWarning and kind in it.
func AsWarning(kind error) error { return warningKind{kind} }
