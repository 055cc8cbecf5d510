package policy

import (
	"strconv"

	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/variables"
)

// Members of the document object (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
const (
	docVersion = iota
	docID
	docStatement
	numDocElements
)

// documentElements are the names of the document members, in the order
// of the doc* constants.
var documentElements = []string{"Version", "Id", "Statement"}

// document reads the top level of a policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) into pol.
func (p *parser) document(root jsonsrc.Value, pol *Policy) {
	rootOff := root.Index
	if root.Kind != '{' {
		p.errorf(rootOff, nil, ErrType, "expected a policy object, found %s", p.describe(root))
		return
	}
	var f [numDocElements]jsonsrc.Member
	p.fields(root, nil, documentElements, f[:])

	p.mode = variables.Literal
	if m := f[docVersion]; m.Exists() {
		pol.version = p.version(m.Value)
	} else if p.typ == RCP {
		p.missingf(rootOff, nil, documentElements[docVersion:docVersion+1], "missing \"Version\": RCPs require %q", Version2012)
	}
	pol.mode = p.mode

	if m := f[docID]; m.Exists() {
		at := top("Id")
		if m.Value.Kind != '"' {
			p.typeError(m.Value, &at, "a string")
		} else {
			pol.docID = p.doc.Str(m.Value)
			if p.typ == Identity || p.typ == Session || p.typ == PermissionsBoundary {
				p.warnf(m.KeyIndex, &at, ErrNotAllowed,
					"\"Id\" is allowed in resource-based policies, not in identity-based policies; it is ignored")
			}
		}
	}

	m := f[docStatement]
	if !m.Exists() {
		p.missingf(rootOff, nil, documentElements[docStatement:], "missing \"Statement\": expected a statement object or an array of statements")
		return
	}
	at := top("Statement")
	switch v := m.Value; v.Kind {
	case '{':
		p.addStatement(pol, v, &at)
	case '[':
		count := p.countItems(v)
		pol.stmts = make([]*Statement, 0, count)
		p.sids = make([]sidInfo, 0, count)
		p.reserve(count)
		n := 0
		for it := p.doc.Items(v); ; n++ {
			_, e, ok := it.Next()
			if !ok {
				break
			}
			ep := at.Elem(n)
			p.addStatement(pol, e, &ep)
		}
		if n == 0 {
			p.typeError(v, &at, "a statement object or a non-empty array of statements")
			return
		}
	default:
		p.typeError(v, &at, "a statement object or an array of statements")
	}
	p.checkSids()
}

// version reads the Version element and sets the variable mode (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func (p *parser) version(v jsonsrc.Value) string {
	at := top("Version")
	if v.Kind != '"' {
		p.typeError(v, &at, strconv.Quote(Version2012)+" or "+strconv.Quote(Version2008))
		return ""
	}
	str := p.doc.Str(v)
	switch str {
	case Version2012:
		p.mode = variables.Substitute
	case Version2008:
		if p.typ == RCP {
			p.errorf(v.Index, &at, ErrNotAllowed, "expected %q, found %q: RCPs require %q", Version2012, str, Version2012)
		}
	default:
		p.errorf(v.Index, &at, ErrVersion, "expected %q or %q, found %q", Version2012, Version2008, str)
		p.mode = variables.Substitute
	}
	return str
}

// addStatement parses one statement and appends it to pol.
func (p *parser) addStatement(pol *Policy, v jsonsrc.Value, at *path) {
	if v.Kind != '{' {
		p.typeError(v, at, "a statement object")
		return
	}
	s := p.statement(v, at)
	s.policy = pol
	s.index = len(pol.stmts)
	pol.stmts = append(pol.stmts, s)
}

// sidInfo remembers where a statement's Sid was written, for warnings.
type sidInfo struct {
	sid    string
	offset int  // of the Sid value
	stmt   int  // offset of the statement
	index  int  // of the statement
	list   bool // the statements are an array
}

// sidPath returns the path of the Sid element of statement s.
func sidPath(s *sidInfo) string {
	st := top("Statement")
	if !s.list {
		c := st.Child("Sid")
		return c.String()
	}
	e := st.Elem(s.index)
	c := e.Child("Sid")
	return c.String()
}

// checkSids warns about Sids outside [A-Za-z0-9] and repeated Sids (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
// Up to sidScanLimit Sids, a repeat is found in a sidTable on the stack;
// past that, a map of first occurrences keeps the check linear in the
// number of statements.
func (p *parser) checkSids() {
	if len(p.sids) == 0 {
		return
	}
	var first map[string]int
	var small sidTable
	if len(p.sids) > sidScanLimit {
		first = make(map[string]int, len(p.sids))
	}
	for i := range p.sids {
		s := &p.sids[i]
		if !isAlnum(s.sid) {
			p.warnAt(s.offset, sidPath(s), ErrValue,
				"Sid %q has characters other than A-Z, a-z and 0-9, which IAM does not accept", s.sid)
		}
		j := -1
		if first != nil {
			if k, seen := first[s.sid]; seen {
				j = k
			} else {
				first[s.sid] = i
			}
		} else {
			j = small.find(p.sids, i)
		}
		if j >= 0 {
			at := p.doc.Pos(p.sids[j].stmt)
			p.warnAt(s.offset, sidPath(s), ErrValue,
				"duplicate Sid %q (first in the statement at %d:%d): Sids should be unique in a policy",
				s.sid, at.Line, at.Column)
		}
	}
}

// sidScanLimit is the number of Sids up to which checkSids finds repeats
// in a sidTable on the stack rather than in a map.
const sidScanLimit = 32

// sidTable finds the first statement with a Sid among up to sidScanLimit
// Sids: an open-addressing table, half full at most, of 1 + the index of
// the first Sid with each text, so that a Sid is compared with the few
// whose hash collides rather than with every earlier one.
type sidTable [2 * sidScanLimit]int32

// find returns the index of the first of sids[:i] whose text is that of
// sids[i], or -1 after entering sids[i] as the first with its text.
func (t *sidTable) find(sids []sidInfo, i int) int {
	sid := sids[i].sid
	h := uint32(2166136261) // FNV-1a
	for k := 0; k < len(sid); k++ {
		h = (h ^ uint32(sid[k])) * 16777619
	}
	for k := h % uint32(len(t)); ; k = (k + 1) % uint32(len(t)) {
		e := t[k]
		if e == 0 {
			t[k] = int32(i + 1)
			return -1
		}
		if sids[e-1].sid == sid {
			return int(e - 1)
		}
	}
}

// isAlnum reports whether s consists of ASCII letters and digits only.
func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
