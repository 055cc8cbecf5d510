package policy

import (
	"slices"
	"strconv"
	"strings"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// fields reads the members of the object obj into out, which has one slot
// per known key; see [jsonsrc.Doc.Fields]. Unknown and repeated keys
// are reported through p's Problem method (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
func (p *parser) fields(obj jsonsrc.Value, at *path, known *jsonsrc.KnownKeys, out []jsonsrc.Member) {
	var ps []jsonsrc.Problem
	p.doc.FieldsToKnown(obj, at, known, out, &ps)
	p.problems(ps)
}

// problems words the problems of a strict walk; see Problem. The walks
// collect them in a slice rather than calling the parser as a
// [jsonsrc.Sink], so that the parser stays on Parse's stack.
func (p *parser) problems(ps []jsonsrc.Problem) {
	for i := range ps {
		p.Problem(&ps[i])
	}
}

// members appends to dst the members of an object whose keys are free
// form (condition operators and keys), reporting repeated keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) and
// leaving out their later occurrences.
func (p *parser) members(obj jsonsrc.Value, at *path, dst []jsonsrc.Member) []jsonsrc.Member {
	var ps []jsonsrc.Problem
	dst = p.doc.FreeMembersTo(obj, at, false, dst, &ps)
	p.problems(ps)
	return dst
}

// Problem words a problem of the strict walk as policy errors: a
// duplicate key (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) or an element name outside the grammar (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), with a
// hint when only the case differs.
func (p *parser) Problem(pr *jsonsrc.Problem) {
	at := pr.Path()
	switch pr.Kind {
	case jsonsrc.DuplicateKey, jsonsrc.FoldedKey:
		f := p.doc.Pos(pr.First.KeyIndex)
		p.errorAt(pr.Offset, at, ErrDuplicateKey,
			"duplicate key %q (first at %d:%d): JSON policies must not repeat a key", pr.Key, f.Line, f.Column)
	case jsonsrc.UnknownKey:
		if pr.CaseOnly {
			p.noteMiscased(jsonsrc.Join(pr.At, pr.Near))
			p.errorAt(pr.Offset, at, ErrUnknownElement,
				"expected %q, found %q: element names are case-sensitive", pr.Near, pr.Key)
			return
		}
		q := make([]string, len(pr.Known))
		for i, name := range pr.Known {
			q[i] = strconv.Quote(name)
		}
		p.errorAt(pr.Offset, at, ErrUnknownElement, "unknown element %q: expected one of %s", pr.Key, strings.Join(q, ", "))
	case jsonsrc.WrongType:
		p.errorAt(pr.Offset, at, ErrType, "expected %s, found %s", pr.Want, p.describe(pr.Value))
	}
	for range pr.More {
		// The walk kept no problem past diag.MaxErrors: nor does the
		// parser, which counts them.
		p.keepError(pr.MoreOffset)
	}
}

// strItem is one string of an element that takes a string or a list of
// strings.
type strItem struct {
	s      string
	offset int  // of the opening quote
	index  int  // in the array
	list   bool // the element is an array
	raw    bool // s is the text between the quotes (no escapes)
}

// path returns the path of the item in the element at.
func (it *strItem) path(at *path) path {
	if it.list {
		return at.Elem(it.index)
	}
	return *at
}

// largeList is the length of JSON text from which strs counts a list's
// items before reading them: short lists are not walked twice.
const largeList = 4096

// strs appends to dst the entries of an element that takes a string or a
// non-empty array of non-empty strings (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Invalid entries are reported
// and left out. at is the element's path.
func (p *parser) strs(v jsonsrc.Value, at *path, dst []strItem) []strItem {
	switch v.Kind {
	case '"':
		str, raw := p.doc.StrRaw(v)
		if str == "" {
			p.errorf(v.Index, at, ErrValue, "expected a non-empty string, found \"\"")
			return dst
		}
		return append(dst, strItem{s: str, offset: v.Index, raw: raw})
	case '[':
		if v.End-v.Index > largeList {
			// Sized once for a long list rather than grown by a quarter
			// at a time (issue 15: 100,000 Resource entries allocated
			// five times their slice).
			dst = slices.Grow(dst, p.doc.Count(v))
		}
		n := 0
		// Declared before the loop: a variable of the for clause would be
		// copied each iteration, as its methods take its address.
		it := p.doc.Items(v)
		for ; ; n++ {
			// A plain string element is read in one call (NextString);
			// any other, or one in a document with escapes, as a Value.
			str, off, ok := it.NextString()
			raw, last := true, ok && off+len(str)+2 == v.End-1
			if !ok {
				e, more := it.NextElem()
				if !more {
					break
				}
				if e.Kind != '"' {
					ep := at.Elem(n)
					p.typeError(e, &ep, "a string")
					continue
				}
				str, raw = p.doc.StrRaw(e)
				off, last = e.Index, e.End == v.End-1
			}
			if str != "" {
				dst = append(dst, strItem{s: str, offset: off, index: n, list: true, raw: raw})
			} else {
				ep := at.Elem(n)
				p.errorf(off, &ep, ErrValue, "expected a non-empty string, found \"\"")
			}
			if last {
				// The last element, which ends right before the closing
				// bracket in valid text: no call to find the end.
				n++
				break
			}
		}
		if n == 0 {
			p.typeError(v, at, "a string or a non-empty array of strings")
		}
	default:
		p.typeError(v, at, "a string or an array of strings")
	}
	return dst
}
