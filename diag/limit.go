package diag

import (
	"errors"
	"strconv"
)

// MaxErrors is the most problems a loader keeps for one document. Past it
// the problems are counted, not kept, and the list ends with one more
// problem, of kind [ErrTooMany], that says how many were left out and
// where the first of them is. go/parser stops at ten for the same reason:
// a document where every entry is wrong would otherwise hold and print
// far more than its own size (issue 15). No policy AWS accepts comes
// near the limit: its largest documents (a KMS key policy, 32 KB) hold a
// few thousand entries.
const MaxErrors = 10_000

// ErrTooMany is the kind of the problem that ends a list cut at
// [MaxErrors]; its Kind is an [*Omitted], which says how many.
var ErrTooMany = errors.New("too many problems")

// Omitted is the Kind of the problem that ends a list cut at [MaxErrors].
// errors.Is finds [ErrTooMany] in it.
type Omitted struct {
	Count int // the problems left out
}

// Error returns "N more problems".
func (o *Omitted) Error() string { return strconv.Itoa(o.Count) + " more problems" }

// Is reports whether target is ErrTooMany.
func (o *Omitted) Is(target error) bool { return target == ErrTooMany }

// TooMany returns the problem that ends a list cut at [MaxErrors]:
// count problems were left out, the first of them at pos. It is a warning
// when every one left out is.
func TooMany(pos Position, count int, warning bool) *Error {
	var kind error = &Omitted{Count: count}
	if warning {
		kind = AsWarning(kind)
	}
	return &Error{Pos: pos, Kind: kind, Msg: TooManyMessage(count, "problems")}
}

// TooManyMessage words the problem that ends a list cut at [MaxErrors],
// count things (such as "problems" or "findings") left out.
func TooManyMessage(count int, things string) string {
	return strconv.Itoa(count) + " more " + things + " are not reported, the first of them here: at most " +
		strconv.Itoa(MaxErrors) + " are reported for one document"
}

// Limit counts the problems of one document and says when to stop
// keeping them: a loader asks Keep before it words a problem, and ends its
// list with [TooMany] when [Limit.Omitted] is not zero. The zero Limit is
// ready to use.
type Limit struct {
	kept, omitted int
	first         int // the offset of the first omitted problem
}

// Keep counts one more problem, at offset, and reports whether it is to
// be kept: true for the first MaxErrors.
func (l *Limit) Keep(offset int) bool {
	if l.kept < MaxErrors {
		l.kept++
		return true
	}
	if l.omitted == 0 {
		l.first = offset
	}
	l.omitted++
	return false
}

// Count returns how many problems Keep was asked about, kept or not.
func (l *Limit) Count() int { return l.kept + l.omitted }

// Omitted returns how many problems were not kept and the offset of the
// first of them.
func (l *Limit) Omitted() (count, first int) { return l.omitted, l.first }

// Cut bounds a list merged from lists that were each limited: it keeps
// the first MaxErrors problems (in l's order) that do not end a list, and
// ends it with one problem that counts the rest and those each list left
// out, positioned at the first of them in l's order. It is a warning when
// every problem it stands for is. l is not modified.
func Cut(l ErrorList) ErrorList {
	kept := make(ErrorList, 0, min(len(l), MaxErrors+1))
	count, warning := 0, true
	var first *Error
	for _, e := range l {
		var o *Omitted
		switch {
		case errors.As(e.Kind, &o):
			count += o.Count
		case len(kept) < MaxErrors:
			kept = append(kept, e)
			continue
		default:
			count++
		}
		warning = warning && e.IsWarning()
		if first == nil {
			first = e
		}
	}
	if count == 0 {
		return kept
	}
	return append(kept, TooMany(first.Pos, count, warning))
}
