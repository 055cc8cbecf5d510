package jsonsrc

import "strconv"

// Path names a place in a document, like
// Statement[1].Condition.StringLike."s3:prefix". It is a chain of stack
// values built while walking and turned into text only when a problem is
// reported, so that valid documents pay nothing for it. The nil *Path is
// the document itself.
type Path struct {
	parent  *Path
	name    string // the member name, or the formatted path of a root made by At
	index   int    // the array index of an array element
	isIndex bool   // an array element rather than a named member
	text    bool   // name is already formatted (see At)
}

// At returns a path that prints as text, for walks that start below the
// top of a document and already have their place as text ("" is the
// document).
func At(text string) *Path {
	if text == "" {
		return nil
	}
	return &Path{name: text, text: true}
}

// Child returns the path of the member name of p.
func (p *Path) Child(name string) Path { return Path{parent: p, name: name} }

// Elem returns the path of the i-th element of the array at p.
func (p *Path) Elem(i int) Path { return Path{parent: p, index: i, isIndex: true} }

// String formats the path: names joined with dots, quoted when they are
// not plain identifiers, array indexes in brackets.
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	// Always a copy: returning p.name itself would make every walked
	// path escape to the heap (escape analysis is not field-sensitive).
	return string(p.AppendTo(nil))
}

// AppendTo appends the formatted path to b.
func (p *Path) AppendTo(b []byte) []byte {
	if p == nil {
		return b
	}
	if p.text {
		return append(b, p.name...)
	}
	b = p.parent.AppendTo(b)
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

// Join appends the member key to a formatted path, quoting keys that are
// not plain identifiers, as [Path.String] does.
func Join(path, key string) string {
	p := At(path)
	c := p.Child(key)
	return c.String()
}

// Index appends an array index to a formatted path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
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

// IsElem reports whether p names an array element.
func (p *Path) IsElem() bool { return p != nil && p.isIndex }

// ElemIndex returns the array index of the element p names (0 for a
// member).
func (p *Path) ElemIndex() int {
	if p == nil {
		return 0
	}
	return p.index
}
