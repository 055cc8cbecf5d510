package diag

import (
	"sort"
	"strings"
)

// ErrorList is a list of problems, sorted by [ErrorList.Sort]. A non-empty
// ErrorList is an error.
type ErrorList []*Error

// Error returns the problems, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As look at each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, offset, path and message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if c := comparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Msg < b.Msg
	})
}

// SortByPosition orders the list by file and offset only: problems at one
// position, and problems without one, keep the order they were found in.
// It suits documents whose keys have an order of their own, such as the
// parameters of an AWS API request.
func (l ErrorList) SortByPosition() {
	sort.SliceStable(l, func(i, j int) bool { return comparePos(l[i].Pos, l[j].Pos) < 0 })
}

// comparePos orders positions by file, then offset.
func comparePos(a, b Position) int {
	switch {
	case a.File != b.File:
		return strings.Compare(a.File, b.File)
	case a.Offset != b.Offset:
		return a.Offset - b.Offset
	}
	return 0
}

// Split returns the errors and the warnings of l, each in l's order.
func (l ErrorList) Split() (errs, warnings ErrorList) {
	for _, e := range l {
		if e.IsWarning() {
			warnings = append(warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, warnings
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
