package lint

import (
	"errors"

	"github.com/iameval/iameval/diag"
)

// omission counts the findings of a document past [diag.MaxErrors],
// which are not kept (issue 15): how many, the gravest severity among
// them, and where the first is.
type omission struct {
	count int
	sev   Severity
	first diag.Position
}

// add counts n more findings left out, of severity sev, the first of them
// at pos.
func (o *omission) add(n int, sev Severity, pos diag.Position) {
	if o.count == 0 {
		o.first = pos
	}
	o.count += n
	o.sev = max(o.sev, sev)
}

// finding returns the TOO_MANY_FINDINGS finding that stands for the
// findings left out.
func (o *omission) finding() Finding {
	return Finding{Code: codeTooMany, Severity: o.sev, Pos: o.first,
		Message: diag.TooManyMessage(o.count, "findings"),
		Fix:     "fix the findings reported and run again"}
}

// omitted returns the count of problems package policy left out when e
// ends its list (see diag.MaxErrors), and nil for any other problem.
func omitted(e *diag.Error) *diag.Omitted {
	var o *diag.Omitted
	if errors.As(e.Kind, &o) {
		return o
	}
	return nil
}
