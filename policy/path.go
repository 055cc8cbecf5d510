package policy

import "strconv"

// path names a place in a policy document, like
// Statement[1].Condition.StringLike."s3:prefix". It is a chain of stack
// values built while walking the document and turned into text only when a
// problem is reported, so that valid documents pay nothing for it. The nil
// *path is the document itself.
type path struct {
	parent  *path
	name    string // the element name
	index   int    // the array index of an array element
	isIndex bool   // an array element rather than a named member
}

// child returns the path of the member name of p.
func (p *path) child(name string) path { return path{parent: p, name: name} }

// elem returns the path of the i-th element of the array at p.
func (p *path) elem(i int) path { return path{parent: p, index: i, isIndex: true} }

// String formats the path: names joined with dots, quoted when they are
// not plain identifiers, array indexes in brackets.
func (p *path) String() string {
	if p == nil {
		return ""
	}
	return string(p.appendTo(nil))
}

// appendTo appends the formatted path to b.
func (p *path) appendTo(b []byte) []byte {
	if p == nil {
		return b
	}
	b = p.parent.appendTo(b)
	if p.isIndex {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(p.index), 10)
		return append(b, ']')
	}
	if len(b) > 0 {
		b = append(b, '.')
	}
	if isIdent(p.name) {
		return append(b, p.name...)
	}
	return strconv.AppendQuote(b, p.name)
}

// isIdent reports whether s is a non-empty run of ASCII letters, digits
// and underscores.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
