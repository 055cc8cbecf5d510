package lint

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/iameval/iameval/diag"
)

// Finding is one problem in a policy document.
type Finding struct {
	Code     string        `json:"code"`           // stable issue code, like "INVALID_ACTION"; see [Rules]
	Severity Severity      `json:"severity"`       // the code's severity
	Pos      diag.Position `json:"position"`       // where the offending key or value starts
	Path     string        `json:"path,omitempty"` // like Statement[1].Action[0]; "" for the document
	Message  string        `json:"message"`        // what is wrong
	Fix      string        `json:"fix,omitempty"`  // how to fix it, when a fix is known
}

// String returns "file:line:col: severity: path: message [CODE]", with
// the severity in lower case and spaces ("security warning").
func (f *Finding) String() string {
	return string(f.appendText(nil))
}

// appendText appends [Finding.String] to b.
func (f *Finding) appendText(b []byte) []byte {
	b = f.Pos.AppendText(b)
	b = append(b, ": "...)
	b = append(b, f.Severity.label()...)
	b = append(b, ": "...)
	if f.Path != "" {
		b = append(b, f.Path...)
		b = append(b, ": "...)
	}
	b = append(b, f.Message...)
	b = append(b, " ["...)
	b = append(b, f.Code...)
	return append(b, ']')
}

// label is the severity as text output writes it.
func (s Severity) label() string {
	switch s {
	case Error:
		return "error"
	case SecurityWarning:
		return "security warning"
	case Warning:
		return "warning"
	case Suggestion:
		return "suggestion"
	}
	return s.String()
}

// sortFindings orders findings by file, offset, severity (most severe
// first), code and message.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Offset, b.Pos.Offset),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Max returns the highest severity among fs, 0 when fs is empty.
func Max(fs []Finding) Severity {
	var m Severity
	for i := range fs {
		m = max(m, fs[i].Severity)
	}
	return m
}

// Count returns how many findings there are of each severity, indexed
// by Severity.
func Count(fs []Finding) [Error + 1]int {
	var n [Error + 1]int
	for i := range fs {
		if fs[i].Severity <= Error {
			n[fs[i].Severity]++
		}
	}
	return n
}

// itoa formats n in decimal.
func itoa(n int) string { return strconv.Itoa(n) }
