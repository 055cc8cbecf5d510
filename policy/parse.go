package policy

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/variables"
)

// The policy versions (evaluation-logic.md P2).
const (
	Version2012 = "2012-10-17" // policy variables are substituted
	Version2008 = "2008-10-17" // policy variables are plain text
)

// Parse reads, validates and compiles a policy document. On any problem it
// returns a nil *Policy and an [ErrorList] holding every problem found,
// sorted by position; errors.Is on it finds each problem's kind. Findings
// that do not make the policy invalid are in [Policy.Warnings].
//
// Positions are relative to s.File, starting at s.Base.
func Parse(src []byte, s Source) (*Policy, error) {
	file := s.File
	if file == "" {
		file = s.Base.File
	}
	p := &parser{file: file, typ: s.Type}
	if int(s.Type) >= len(typeNames) {
		return nil, ErrorList{{Pos: p.basePos(s.Base), Kind: ErrValue, Msg: fmt.Sprintf("unknown policy type %d", uint8(s.Type))}}
	}
	doc, err := jsonsrc.Parse(string(src), jsonsrc.Pos{Offset: s.Base.Offset, Line: s.Base.Line, Column: s.Base.Column})
	if err != nil {
		return nil, p.syntaxError(err, s.Base)
	}
	p.doc = doc
	p.sc = newScanner(doc.Src())
	pol := &Policy{typ: s.Type, file: file}
	p.document(p.sc.value(0), pol)
	p.resolve(pol)
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	if len(p.warns) > 0 {
		p.warns.Sort()
		pol.warnings = p.warns
	}
	if s.ID != "" {
		pol.id = s.ID
	}
	pol.idx = buildIndex(pol.stmts, s.Type.hasPrincipal(), indexMinStatements)
	return pol, nil
}

// parser holds the state of one Parse call.
//
// While walking, positions are byte offsets into the document text kept in
// Position.Offset; resolve turns them all into file positions in one pass
// at the end.
type parser struct {
	doc   *jsonsrc.Doc
	sc    scanner
	file  string
	typ   Type
	mode  variables.Mode
	errs  ErrorList
	warns ErrorList
	sids  []sidInfo

	// arena holds lower-cased action text; see lower.
	arena []byte
	// opNames and clauses cache parsed operators and compiled clauses.
	opNames []opName
	clauses []cachedClause
	// Slabs from which statements and entries are carved, to allocate
	// them in a few blocks rather than one by one.
	stmtSlab []Statement
	actSlab  []actionEntry
	resSlab  []resourceEntry

	// miscased holds the paths of elements written with the wrong case
	// (Statement[0].Effect for "effect"), so that they are not also
	// reported as missing.
	miscased []string
}

// basePos returns the position a document starts at.
func (p *parser) basePos(b Position) Position {
	b.File = p.file
	if b.Line == 0 {
		b.Line = 1
	}
	if b.Column == 0 {
		b.Column = 1
	}
	return b
}

// syntaxError turns an error of jsonsrc.Parse into an ErrorList.
func (p *parser) syntaxError(err error, base Position) ErrorList {
	var se *jsonsrc.SyntaxError
	if errors.As(err, &se) {
		return ErrorList{{
			Pos:  Position{File: p.file, Offset: se.Pos.Offset, Line: se.Pos.Line, Column: se.Pos.Column},
			Kind: ErrSyntax,
			Msg:  se.Msg,
		}}
	}
	return ErrorList{{Pos: p.basePos(base), Kind: ErrSyntax, Msg: err.Error()}}
}

// resolve converts the document offsets of every error, warning and
// statement into file positions with a single forward scan of the text.
func (p *parser) resolve(pol *Policy) {
	ps := make([]*Position, 0, len(p.errs)+len(p.warns)+2*len(pol.stmts))
	for _, e := range p.errs {
		ps = append(ps, &e.Pos)
	}
	for _, e := range p.warns {
		ps = append(ps, &e.Pos)
	}
	for _, s := range pol.stmts {
		ps = append(ps, &s.pos, &s.end)
	}
	if !slices.IsSortedFunc(ps, cmpOffset) {
		slices.SortStableFunc(ps, cmpOffset)
	}
	start := p.doc.Pos(0)
	src := p.sc.src
	off, line, col := 0, start.Line, start.Column
	for _, q := range ps {
		target := min(max(q.Offset, 0), len(src))
		if seg := src[off:target]; seg != "" {
			if nl := strings.LastIndexByte(seg, '\n'); nl >= 0 {
				line += strings.Count(seg, "\n")
				col = 1
				seg = seg[nl+1:]
			}
			col += utf8.RuneCountInString(seg)
			off = target
		}
		*q = Position{File: p.file, Offset: start.Offset + target, Line: line, Column: col}
	}
}

// cmpOffset orders positions by offset.
func cmpOffset(a, b *Position) int { return a.Offset - b.Offset }

// errorf records a problem that makes the policy invalid.
func (p *parser) errorf(offset int, at *path, kind error, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: Position{Offset: offset}, Path: at.String(), Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// warnf records a finding that AWS accepts.
func (p *parser) warnf(offset int, at *path, kind error, format string, args ...any) {
	p.warnAt(offset, at.String(), kind, format, args...)
}

// warnAt records a finding that AWS accepts at a formatted path.
func (p *parser) warnAt(offset int, at string, kind error, format string, args ...any) {
	p.warns = append(p.warns, &Error{Pos: Position{Offset: offset}, Path: at, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// missingf reports a missing element, unless one of names is present with
// the wrong case, which was reported already.
func (p *parser) missingf(offset int, at *path, names []string, format string, args ...any) {
	if len(p.miscased) > 0 {
		for _, n := range names {
			c := at.child(n)
			for _, m := range p.miscased {
				if m == c.String() {
					return
				}
			}
		}
	}
	p.errorf(offset, at, ErrMissing, format, args...)
}

// typeError reports that v is not of the expected shape.
func (p *parser) typeError(v jv, at *path, want string) {
	p.errorf(v.off, at, ErrType, "expected %s, found %s", want, p.describe(v))
}

// describe names the JSON type of v for messages; empty arrays and objects
// are called out because they are the usual reason for a rejection.
func (p *parser) describe(v jv) string {
	switch {
	case v.kind == '[' && p.sc.isEmpty(v):
		return "an empty array"
	case v.kind == '{' && p.sc.isEmpty(v):
		return "an empty object"
	}
	return typeName(v)
}

// member is one member of an object read by fields.
type member struct {
	key    string
	keyIdx int
	v      jv
	ok     bool
}

// fields reads the members of the object obj into out, which has one slot
// per name in known. Members whose name is not in known are reported as
// unknown (with a hint when only the case differs), repeated members as
// duplicates (P4); the first occurrence of each member is kept.
func (p *parser) fields(obj jv, at *path, known []string, out []member) {
	var other []member // unknown keys, for duplicate detection
	it := p.sc.items(obj)
next:
	for {
		k, v, ok := it.next()
		if !ok {
			return
		}
		key := p.sc.str(k)
		for i, name := range known {
			if name != key {
				continue
			}
			if out[i].ok {
				p.duplicate(key, k.off, out[i].keyIdx, at)
			} else {
				out[i] = member{key: key, keyIdx: k.off, v: v, ok: true}
			}
			continue next
		}
		for _, m := range other {
			if m.key == key {
				p.duplicate(key, k.off, m.keyIdx, at)
				continue next
			}
		}
		other = append(other, member{key: key, keyIdx: k.off})
		p.unknown(key, k.off, at, known)
	}
}

// members appends to dst the members of an object whose keys are free
// form (condition operators and keys), reporting repeated keys (P4) and
// leaving out their later occurrences.
func (p *parser) members(obj jv, at *path, dst []member) []member {
	start := len(dst)
	it := p.sc.items(obj)
next:
	for {
		k, v, ok := it.next()
		if !ok {
			return dst
		}
		key := p.sc.str(k)
		for _, m := range dst[start:] {
			if m.key == key {
				p.duplicate(key, k.off, m.keyIdx, at)
				continue next
			}
		}
		dst = append(dst, member{key: key, keyIdx: k.off, v: v, ok: true})
	}
}

// duplicate reports the key k that was first seen at offset first. The
// position of the first occurrence is given as line:col of the document.
func (p *parser) duplicate(key string, offset, first int, at *path) {
	f := p.doc.Pos(first)
	c := at.child(key)
	p.errorf(offset, &c, ErrDuplicateKey,
		"duplicate key %q (first at %d:%d): JSON policies must not repeat a key", key, f.Line, f.Column)
}

// unknown reports the key at offset that is not one of known.
func (p *parser) unknown(key string, offset int, at *path, known []string) {
	c := at.child(key)
	for _, name := range known {
		if strings.EqualFold(name, key) {
			cn := at.child(name)
			p.miscased = append(p.miscased, cn.String())
			p.errorf(offset, &c, ErrUnknownElement,
				"expected %q, found %q: element names are case-sensitive", name, key)
			return
		}
	}
	q := make([]string, len(known))
	for i, name := range known {
		q[i] = strconv.Quote(name)
	}
	p.errorf(offset, &c, ErrUnknownElement, "unknown element %q: expected one of %s", key, strings.Join(q, ", "))
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

// lower returns the item in lower case, as strings.ToLower would. ASCII
// text is lower-cased into an arena shared by the whole policy, so that it
// costs no allocation of its own.
func (p *parser) lower(it *strItem) string {
	s := it.s
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	if cap(p.arena)-len(p.arena) < len(s) {
		p.arena = make([]byte, 0, max(len(p.sc.src)/2, len(s)))
	}
	start := len(p.arena)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		p.arena = append(p.arena, c)
	}
	// The arena's bytes are never written again once used, and it is
	// never grown in place beyond its capacity, so the string stays
	// immutable, as with strings.Builder.
	return unsafe.String(&p.arena[start], len(s))
}

// newStatement returns a zero Statement carved from the statement slab.
func (p *parser) newStatement() *Statement {
	if len(p.stmtSlab) == cap(p.stmtSlab) {
		p.stmtSlab = make([]Statement, 0, 16)
	}
	p.stmtSlab = p.stmtSlab[:len(p.stmtSlab)+1]
	return &p.stmtSlab[len(p.stmtSlab)-1]
}

// actionEntries returns an empty slice with room for n entries, carved
// from the action slab.
func (p *parser) actionEntries(n int) []actionEntry {
	if cap(p.actSlab)-len(p.actSlab) < n {
		p.actSlab = make([]actionEntry, 0, max(64, n))
	}
	l := len(p.actSlab)
	p.actSlab = p.actSlab[:l+n]
	return p.actSlab[l : l : l+n]
}

// resourceEntries returns an empty slice with room for n entries, carved
// from the resource slab.
func (p *parser) resourceEntries(n int) []resourceEntry {
	if cap(p.resSlab)-len(p.resSlab) < n {
		p.resSlab = make([]resourceEntry, 0, max(32, n))
	}
	l := len(p.resSlab)
	p.resSlab = p.resSlab[:l+n]
	return p.resSlab[l : l : l+n]
}

// opName is a parsed operator name.
type opName struct {
	name  string
	op    condition.Operator
	canon string // op.String()
	err   error
}

// parseOperator is condition.ParseOperator, computed once per distinct
// spelling: policies repeat the same few operators. It also returns the
// canonical spelling of the operator.
func (p *parser) parseOperator(name string) (condition.Operator, string, error) {
	for _, o := range p.opNames {
		if o.name == name {
			return o.op, o.canon, o.err
		}
	}
	op, err := condition.ParseOperator(name)
	canon := ""
	if err == nil {
		canon = op.String()
	}
	p.opNames = append(p.opNames, opName{name, op, canon, err})
	return op, canon, err
}

// cachedClause is a compiled clause and what compiling it reported.
type cachedClause struct {
	op     condition.Operator
	key    string
	values []string
	clause condition.Clause
	errs   []error
}

// newClause is condition.NewClause, computed once per distinct operator,
// key and values: policies repeat the same conditions in many statements
// (aws:SecureTransport, aws:PrincipalOrgID), and a Clause is immutable, so
// statements can share it.
func (p *parser) newClause(op condition.Operator, key string, values []string) (condition.Clause, []error) {
	for i := range p.clauses {
		c := &p.clauses[i]
		if c.op == op && c.key == key && slices.Equal(c.values, values) {
			return c.clause, c.errs
		}
	}
	clause, errs := condition.NewClause(op, key, values, p.mode)
	if p.clauses == nil {
		p.clauses = make([]cachedClause, 0, 32)
	}
	p.clauses = append(p.clauses, cachedClause{op, key, slices.Clone(values), clause, errs})
	return clause, errs
}

// path returns the path of the item in the element at.
func (it *strItem) path(at *path) path {
	if it.list {
		return at.elem(it.index)
	}
	return *at
}

// strs appends to dst the entries of an element that takes a string or a
// non-empty array of non-empty strings (P5). Invalid entries are reported
// and left out. at is the element's path.
func (p *parser) strs(v jv, at *path, dst []strItem) []strItem {
	switch v.kind {
	case '"':
		str, raw := p.sc.strRaw(v)
		if str == "" {
			p.errorf(v.off, at, ErrValue, "expected a non-empty string, found \"\"")
			return dst
		}
		return append(dst, strItem{s: str, offset: v.off, raw: raw})
	case '[':
		n := 0
		for it := p.sc.items(v); ; n++ {
			_, e, ok := it.next()
			if !ok {
				break
			}
			if e.kind != '"' {
				ep := at.elem(n)
				p.typeError(e, &ep, "a string")
				continue
			}
			if str, raw := p.sc.strRaw(e); str != "" {
				dst = append(dst, strItem{s: str, offset: e.off, index: n, list: true, raw: raw})
			} else {
				ep := at.elem(n)
				p.errorf(e.off, &ep, ErrValue, "expected a non-empty string, found \"\"")
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
