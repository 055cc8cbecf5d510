package lint

import (
	"slices"
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
	text string
	path string // see fullPath; within a statement, relative to it (".Action")
	off  int    // byte offset in the document
	elem int32  // 1 + the index of the entry in the array at path; 0: path names the item itself; keyed: a member named text of the object at path
	stmt int32  // the statement path is relative to, see stmtPath; 0: path is the document's
}

// singleStmt is the stmt of an item, and the at of a statement, for the
// statement of a document whose Statement is one object, not an array.
const singleStmt = -1

// stmtPath returns the path of the statement that at names: "" for 0,
// "Statement" for singleStmt, else "Statement[at-1]". Statements keep
// this number rather than their path, which is made when a finding needs
// it (issue 15: 100,000 statements held four paths each).
func stmtPath(at int32) string {
	switch {
	case at == 0:
		return ""
	case at == singleStmt:
		return "Statement"
	}
	return "Statement[" + strconv.Itoa(int(at)-1) + "]"
}

// keyed is the elem of an item that is a member key of the object at its
// path, such as a condition key: its path is made when a finding needs
// it, so that a condition of 100,000 keys does not hold 100,000 paths.
const keyed = -1

// pos returns the file position of a document offset.
func (d *document) pos(off int) diag.Position { return d.src.Pos(off) }

// fullPath returns the path of the item. Entries of an array share their
// array's path, so that a list of 1,000 condition values does not hold
// 1,000 path strings; an entry's own is made when a finding needs it.
func (it item) fullPath() string {
	path := stmtPath(it.stmt) + it.path
	switch it.elem {
	case 0:
		return path
	case keyed:
		return path + "." + pathName(it.text)
	}
	return path + "[" + strconv.Itoa(int(it.elem)-1) + "]"
}

// element is a Principal, Action, Resource or Condition element (or its
// Not form) of a statement.
type element struct {
	present bool
	not     bool  // NotPrincipal, NotAction, NotResource
	star    bool  // Principal: "*" or {"AWS": "*"} among the entries
	keyOff  int32 // where the element's name is written (documents are far below 2 GiB); see statement.key
	items   []item
}

// key returns the name of the element e of s (name, or notName for its
// Not form) with its position; the path is made here, for a finding,
// rather than kept (issue 15).
func (s *statement) key(e *element, name, notName string) item {
	if e.not {
		name = notName
	}
	return item{text: name, off: int(e.keyOff), stmt: s.at, path: "." + name}
}

// entryList is an Action or Resource element (or its Not form) with the
// texts its entries compare by.
type entryList struct {
	*element
	lower   []string // for actions, the entries in lower case
	actions bool     // an Action or NotAction element: entries compare case-insensitively
}

// actionList returns the statement's Action or NotAction element.
func (s *statement) actionList() entryList {
	return entryList{element: &s.action, lower: s.actionLower, actions: true}
}

// resourceList returns the statement's Resource or NotResource element.
func (s *statement) resourceList() entryList {
	return entryList{element: &s.resource}
}

// entry returns the text entries compare by: for actions, the i-th entry
// in lower case.
func (l entryList) entry(i int) string {
	if l.actions {
		return l.lower[i]
	}
	return l.items[i].text
}

// statement is one statement of the document.
type statement struct {
	at        int32  // 1 + its index in the Statement array, or singleStmt: see stmtPath
	cond      int32  // 1 + the offset of the Condition element's value, 0 without one: its clauses are walked, not kept (see document.blocks)
	off       int    // byte offset in the document
	effect    string // "Allow", "Deny", or "" when missing or invalid
	principal element
	action    element
	resource  element
	// actionLower holds the entries of action in lower case. It is the
	// statement's, not the element's, so that Principal and Resource do
	// not carry an empty slice each (issue 15: 100,000 statements).
	actionLower []string
	hasClause   bool // the Condition element has a clause (an operator with a key)
}

// readDocument reads src leniently. It returns nil when src is not JSON
// or not an object.
func readDocument(src string, s policy.Source) *document {
	file := s.File
	if file == "" {
		file = s.Base.File
	}
	base := s.Base
	base.File = file
	doc, err := jsonsrc.Parse(src, base)
	if err != nil {
		return nil
	}
	r := reader{doc: doc, lowered: map[string]string{}}
	root := doc.Root()
	if !root.IsObject() {
		return nil
	}
	d := &document{src: doc, file: file, typ: s.Type, rootOff: root.Index}
	r.members(root, func(key string, _ int32, val value) {
		switch key {
		case "Version":
			d.hasVer = true
		case "Statement":
			if val.IsArray() {
				// The statements of an array are carved from one
				// slab, not allocated one by one.
				n := doc.Count(val)
				d.stmts = slices.Grow(d.stmts, n)
				slab := make([]statement, n)
				for it := doc.Items(val); ; {
					_, v, ok := it.Next()
					if !ok {
						break
					}
					if v.IsObject() {
						st := &slab[it.Index()]
						r.statement(st, v, int32(it.Index())+1)
						d.stmts = append(d.stmts, st)
					}
				}
			} else if val.IsObject() {
				st := &statement{}
				r.statement(st, val, singleStmt)
				d.stmts = append(d.stmts, st)
			}
		}
	})
	return d
}

// reader holds what readDocument needs while walking.
type reader struct {
	doc     *jsonsrc.Doc      // names the file: its positions carry it
	lowered map[string]string // action names in lower case, see lower
	stmt    int32             // the statement being read: the stmt of its items
}

// maxLowered bounds the reader's cache of lower-cased action names.
const maxLowered = 1024

// lower returns s in lower case. Policies repeat the same actions in many
// statements: the few distinct names are lowered once, not once per
// statement (issue 15).
func (r *reader) lower(s string) string {
	if l, ok := r.lowered[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	if len(r.lowered) < maxLowered {
		r.lowered[s] = l
	}
	return l
}

// value is a JSON value of the document.
type value = jsonsrc.Value

// members calls f with each member of the object v in source order: its
// key, the offset of the key and its value. Walking, rather than
// gathering the members into a slice, allocates nothing (issue 15: the
// slices of 100,000 statements were a quarter of what validate
// allocated).
func (r *reader) members(v value, f func(key string, keyOff int32, val value)) {
	if !v.IsObject() {
		return
	}
	for it := r.doc.Items(v); ; {
		k, val, ok := it.Next()
		if !ok {
			return
		}
		f(r.doc.Str(k), int32(k.Index), val)
	}
}

// statement reads one statement object into s. The checks read its Effect,
// Principal, Action, Resource and Condition; nothing else is kept.
func (r *reader) statement(s *statement, v value, at int32) {
	s.at, s.off = at, v.Index
	r.stmt = at
	defer func() { r.stmt = 0 }()
	r.members(v, func(name string, keyOff int32, val value) {
		switch name {
		case "Effect":
			if isString(val) && (r.doc.Str(val) == "Allow" || r.doc.Str(val) == "Deny") {
				s.effect = r.doc.Str(val)
			}
		case "Action", "NotAction":
			s.action = element{present: true, not: name == "NotAction", keyOff: keyOff, items: r.strings(val, elementPath(name))}
			s.actionLower = make([]string, len(s.action.items))
			for i := range s.action.items {
				s.actionLower[i] = r.lower(s.action.items[i].text)
			}
		case "Resource", "NotResource":
			s.resource = element{present: true, not: name == "NotResource", keyOff: keyOff, items: r.strings(val, elementPath(name))}
		case "Principal", "NotPrincipal":
			s.principal = r.principal(val, keyOff, elementPath(name), name == "NotPrincipal")
		case "Condition":
			s.cond, s.hasClause = int32(val.Index)+1, r.hasClause(val)
		}
	})
}

// path returns the statement's path, like "Statement[3]".
func (s *statement) path() string { return stmtPath(s.at) }

// elementPath returns the path of a statement's element relative to the
// statement, ".Action" for "Action": a constant, not a string made for
// each statement.
func elementPath(name string) string {
	switch name {
	case "Action":
		return ".Action"
	case "NotAction":
		return ".NotAction"
	case "Resource":
		return ".Resource"
	case "NotResource":
		return ".NotResource"
	case "Principal":
		return ".Principal"
	case "NotPrincipal":
		return ".NotPrincipal"
	case "Condition":
		return ".Condition"
	}
	return "." + pathName(name)
}

// principal reads a Principal or NotPrincipal element.
func (r *reader) principal(v value, keyOff int32, path string, not bool) element {
	p := element{present: true, not: not, keyOff: keyOff}
	if isString(v) {
		p.items = append(p.items, item{text: r.doc.Str(v), off: v.Index, path: path, stmt: r.stmt})
		p.star = r.doc.Str(v) == "*"
		return p
	}
	r.members(v, func(name string, _ int32, val value) {
		at := path + "." + pathName(name)
		for _, it := range r.strings(val, at) {
			p.items = append(p.items, it)
			if name == "AWS" && it.text == "*" {
				p.star = true
			}
		}
	})
	return p
}

// hasClause reports whether the Condition element v has a clause: an
// operator whose block has a key.
func (r *reader) hasClause(v value) bool {
	if !v.IsObject() {
		return false
	}
	for it := r.doc.Items(v); ; {
		_, block, ok := it.Next()
		if !ok {
			return false
		}
		if !block.IsObject() {
			continue
		}
		keys := r.doc.Items(block)
		if _, _, ok := keys.Next(); ok {
			return true
		}
	}
}

// strings reads a string or an array of strings; other values are left
// out.
func (r *reader) strings(v value, at string) []item {
	if isString(v) {
		return []item{{text: r.doc.Str(v), off: v.Index, path: at, stmt: r.stmt}}
	}
	if !v.IsArray() {
		return nil
	}
	out := make([]item, 0, r.doc.Count(v))
	for it := r.doc.Items(v); ; {
		_, e, ok := it.Next()
		if !ok {
			return out
		}
		if isString(e) {
			out = append(out, item{text: r.doc.Str(e), off: e.Index, path: at, elem: int32(it.Index()) + 1, stmt: r.stmt})
		}
	}
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
