package lint

import (
	"strconv"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// document is what the checks read: the statements of a policy document
// with the position of every string, read leniently, so that the checks
// also run on a document that package policy rejects (every problem is
// reported in one run). What cannot be read is left out; package policy
// reports why.
type document struct {
	src     *jsonsrc.Doc // positions and the text of condition values
	file    string
	typ     policy.Type
	hasVer  bool
	rootOff int
	stmts   []*statement
}

// item is one string of a document with where it is written. It keeps the
// byte offset, not the file position (five words), which is made when a
// finding needs it (issue 15).
type item struct {
	text  string
	lower string // text in lower case, for actions
	path  string // see fullPath
	off   int    // byte offset in the document
	elem  int    // 1 + the index of the entry in the array at path; 0: path names the item itself
}

// pos returns the file position of a document offset.
func (d *document) pos(off int) diag.Position { return d.src.Pos(off) }

// fullPath returns the path of the item. Entries of an array share their
// array's path, so that a list of 1,000 condition values does not hold
// 1,000 path strings; an entry's own is made when a finding needs it.
func (it item) fullPath() string {
	if it.elem == 0 {
		return it.path
	}
	return it.path + "[" + strconv.Itoa(it.elem-1) + "]"
}

// element is a Principal, Action, Resource or Condition element (or its
// Not form) of a statement.
type element struct {
	present bool
	not     bool // NotPrincipal, NotAction, NotResource
	key     item // the element name with its position
	items   []item
}

// principalElement is a Principal or NotPrincipal element.
type principalElement struct {
	element
	star bool // "*" or {"AWS": "*"} among the entries
}

// clause is one operator-key pair of a Condition element. Its values are
// kept as their place in the document, read when the redundancy check
// compares conditions: no check positions them, and as items a condition
// value was eight times its text (issue 15).
type clause struct {
	op     item  // the operator as written, like "StringEqualsIfExists"
	key    item  // the condition key as written
	values value // a scalar or an array; what is not a scalar is left out
}

// statement is one statement of the document.
type statement struct {
	index     int
	path      string // Statement[0], or Statement for a single statement object
	off       int    // byte offset in the document
	sid       *item
	effect    string // "Allow", "Deny", or "" when missing or invalid
	principal principalElement
	action    element
	resource  element
	condKey   item
	clauses   []clause
}

// readDocument reads src leniently. It returns nil when src is not JSON
// or not an object.
func readDocument(src []byte, s policy.Source) *document {
	file := s.File
	if file == "" {
		file = s.Base.File
	}
	base := s.Base
	base.File = file
	doc, err := jsonsrc.Parse(string(src), base)
	if err != nil {
		return nil
	}
	r := reader{doc: doc}
	root := doc.Root()
	if !root.IsObject() {
		return nil
	}
	d := &document{src: doc, file: file, typ: s.Type, rootOff: root.Index}
	for _, m := range doc.Members(root) {
		switch m.Key {
		case "Version":
			d.hasVer = true
		case "Statement":
			if m.Value.IsArray() {
				for i, v := range doc.Elements(m.Value) {
					if v.IsObject() {
						d.stmts = append(d.stmts, r.statement(v, i, "Statement["+strconv.Itoa(i)+"]"))
					}
				}
			} else if m.Value.IsObject() {
				d.stmts = append(d.stmts, r.statement(m.Value, 0, "Statement"))
			}
		}
	}
	return d
}

// reader holds what readDocument needs while walking.
type reader struct {
	doc *jsonsrc.Doc // names the file: its positions carry it
}

// value is a JSON value of the document.
type value = jsonsrc.Value

// statement reads one statement object.
func (r *reader) statement(v value, index int, at string) *statement {
	s := &statement{index: index, path: at, off: v.Index}
	for _, m := range r.doc.Members(v) {
		key := item{text: m.Key, off: m.KeyIndex, path: at + "." + m.Key}
		switch m.Key {
		case "Sid":
			if isString(m.Value) {
				s.sid = &item{text: r.doc.Str(m.Value), off: m.Value.Index, path: key.path}
			}
		case "Effect":
			if isString(m.Value) && (r.doc.Str(m.Value) == "Allow" || r.doc.Str(m.Value) == "Deny") {
				s.effect = r.doc.Str(m.Value)
			}
		case "Action", "NotAction":
			s.action = element{present: true, not: m.Key == "NotAction", key: key, items: r.strings(m.Value, key.path)}
			for i := range s.action.items {
				s.action.items[i].lower = strings.ToLower(s.action.items[i].text)
			}
		case "Resource", "NotResource":
			s.resource = element{present: true, not: m.Key == "NotResource", key: key, items: r.strings(m.Value, key.path)}
		case "Principal", "NotPrincipal":
			s.principal = r.principal(m.Value, key, m.Key == "NotPrincipal")
		case "Condition":
			s.condKey = key
			s.clauses = r.conditions(m.Value, key.path)
		}
	}
	return s
}

// principal reads a Principal or NotPrincipal element.
func (r *reader) principal(v value, key item, not bool) principalElement {
	p := principalElement{element: element{present: true, not: not, key: key}}
	if isString(v) {
		p.items = append(p.items, item{text: r.doc.Str(v), off: v.Index, path: key.path})
		p.star = r.doc.Str(v) == "*"
		return p
	}
	for _, m := range r.doc.Members(v) {
		at := key.path + "." + pathName(m.Key)
		for _, it := range r.strings(m.Value, at) {
			p.items = append(p.items, it)
			if m.Key == "AWS" && it.text == "*" {
				p.star = true
			}
		}
	}
	return p
}

// conditions reads the clauses of a Condition element.
func (r *reader) conditions(v value, at string) []clause {
	ops := r.doc.Members(v)
	n := 0
	for _, om := range ops {
		if om.Value.IsObject() {
			n += r.doc.Count(om.Value)
		}
	}
	// Sized once: a condition of 100,000 keys grew its slice a few dozen
	// times, five times the final size in all (issue 15).
	out := make([]clause, 0, n)
	for _, om := range ops {
		opPath := at + "." + pathName(om.Key)
		op := item{text: om.Key, off: om.KeyIndex, path: opPath}
		for _, km := range r.doc.Members(om.Value) {
			kp := opPath + "." + pathName(km.Key)
			out = append(out, clause{op: op, key: item{text: km.Key, off: km.KeyIndex, path: kp}, values: km.Value})
		}
	}
	return out
}

// strings reads a string or an array of strings; other values are left
// out.
func (r *reader) strings(v value, at string) []item {
	if isString(v) {
		return []item{{text: r.doc.Str(v), off: v.Index, path: at}}
	}
	var out []item
	for i, e := range r.doc.Elements(v) {
		if isString(e) {
			out = append(out, item{text: r.doc.Str(e), off: e.Index, path: at, elem: i + 1})
		}
	}
	return out
}

// valueTexts appends the texts of a condition value to dst: a string,
// number or boolean, or those of an array of them, as text; other values
// are left out.
func valueTexts(doc *jsonsrc.Doc, v value, dst []string) []string {
	if !v.IsArray() {
		if isScalar(v) {
			dst = append(dst, scalarText(doc, v))
		}
		return dst
	}
	for it := doc.Items(v); ; {
		_, e, ok := it.Next()
		if !ok {
			return dst
		}
		if isScalar(e) {
			dst = append(dst, scalarText(doc, e))
		}
	}
}

// isString reports whether v is a JSON string.
func isString(v value) bool { return jsonsrc.TypeName(v) == "string" }

// isScalar reports whether v is a string, number or boolean.
func isScalar(v value) bool {
	switch jsonsrc.TypeName(v) {
	case "string", "number", "boolean":
		return true
	}
	return false
}

// scalarText returns a scalar as IAM compares it: the string itself, or
// the JSON text of a number or boolean.
func scalarText(doc *jsonsrc.Doc, v value) string {
	if isString(v) {
		return doc.Str(v)
	}
	return strings.TrimSpace(doc.Raw(v))
}

// pathName writes a member name in a path as package policy does: bare
// when it is an identifier, quoted otherwise.
func pathName(s string) string {
	if s == "" {
		return `""`
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return strconv.Quote(s)
		}
	}
	return s
}
