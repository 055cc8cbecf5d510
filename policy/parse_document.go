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

// documentKeys is the table of documentElements that Fields finds keys in.
var documentKeys = jsonsrc.NewKnownKeys(documentElements)

// document reads the top level of a policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) into pol.
func (p *parser) document(root jsonsrc.Value, pol *Policy) {
	rootOff := root.Index
	if root.Kind != '{' {
		p.errorf(rootOff, nil, ErrType, "expected a policy object, found %s", p.describe(root))
		return
	}
	var f [numDocElements]jsonsrc.Member // without keys: see jsonsrc.Doc.FieldsToKnown
	p.fields(root, nil, documentKeys, f[:])

	p.mode = variables.Literal
	if m := &f[docVersion]; exists(m) {
		pol.version = versionOf(p.version(m.Value))
	} else if p.typ == RCP {
		p.missingf(rootOff, nil, documentElements[docVersion:docVersion+1], "missing \"Version\": RCPs require %q", Version2012)
	}

	if m := &f[docID]; exists(m) {
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

	m := &f[docStatement]
	if !exists(m) {
		p.missingf(rootOff, nil, documentElements[docStatement:], "missing \"Statement\": expected a statement object or an array of statements")
		return
	}
	at := top("Statement")
	// The members of each statement in turn: see stmtFields.reset. Their
	// keys are set once, as fields does not write them.
	var sf stmtFields
	statementKeys.SetKeys(sf[:])
	switch v := m.Value; v.Kind {
	case '{':
		p.reserve(1)
		p.addStatement(pol, v, &at, &sf)
	case '[':
		// The statements are the objects of the array: its containers,
		// counted from the bracket index, are as many or a few more.
		count, ok := p.doc.Containers(v)
		if !ok {
			count = p.doc.Count(v)
		}
		p.reserve(count)
		p.stmtList = true
		n := 0
		// Declared before the loop: a variable of the for clause would be
		// copied each iteration, as its methods take its address.
		it := p.doc.Items(v)
		for ; ; n++ {
			e, ok := it.NextElem()
			if !ok {
				break
			}
			if e.Kind != '{' {
				p.skipped = append(p.skipped, n)
			}
			ep := at.Elem(n)
			p.addStatement(pol, e, &ep, &sf)
		}
		if n == 0 {
			p.typeError(v, &at, "a statement object or a non-empty array of statements")
			return
		}
	default:
		p.typeError(v, &at, "a statement object or an array of statements")
	}
	if len(p.stmtSlab) > 0 {
		pol.stmts = p.stmtSlab // once, not per statement: see addStatement
	}
	p.checkSids(pol.stmts)
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

// addStatement parses one statement of pol. The policy's statements are
// the statement slab itself (see newStatement), which document makes
// pol's once all are parsed: a slice stored per statement cost a write
// barrier each while the collector marks.
func (p *parser) addStatement(pol *Policy, v jsonsrc.Value, at *path, f *stmtFields) {
	if v.Kind != '{' {
		p.typeError(v, at, "a statement object")
		return
	}
	s := p.statement(v, at, f)
	s.policy = pol
	s.index = int32(len(p.stmtSlab) - 1)
}

// sidPath returns the path of the Sid element of the statement at index
// ai of the Statement array (or of the one statement, when Statement is
// an object).
func (p *parser) sidPath(ai int) string {
	st := top("Statement")
	if !p.stmtList {
		c := st.Child("Sid")
		return c.String()
	}
	e := st.Elem(ai)
	c := e.Child("Sid")
	return c.String()
}

// sidOffset returns the offset of the Sid value of statement s, found
// again in the document as only warnings need it. Like Fields, it takes
// the first Sid member.
func (p *parser) sidOffset(s *Statement) int {
	return p.doc.Get(p.doc.ValueAt(int(s.off)), "Sid").Index
}

// checkSids warns about Sids outside [A-Za-z0-9] and repeated Sids (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
// Past sidScanLimit statements, a map of first occurrences keeps the
// check linear in the number of statements; up to it, a repeat is found
// in a sidTable on the stack.
func (p *parser) checkSids(stmts []Statement) {
	var first map[string]int
	var small sidTable
	if len(stmts) > sidScanLimit {
		first = make(map[string]int, len(stmts))
	}
	// ai is the index in the Statement array of stmts[i]: the elements
	// that are not objects (p.skipped, ascending) are not statements.
	ai, sk := -1, 0
	for i := range stmts {
		s := &stmts[i]
		for ai++; sk < len(p.skipped) && p.skipped[sk] == ai; sk++ {
			ai++
		}
		if s.sid == "" {
			continue
		}
		h, alnum := sidHash(s.sid)
		if !alnum {
			p.warnAt(p.sidOffset(s), p.sidPath(ai), ErrValue,
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
			j = small.find(stmts, i, h)
		}
		if j >= 0 {
			at := p.doc.Pos(int(stmts[j].off))
			p.warnAt(p.sidOffset(s), p.sidPath(ai), ErrValue,
				"duplicate Sid %q (first in the statement at %d:%d): Sids should be unique in a policy",
				s.sid, at.Line, at.Column)
		}
	}
}

// sidScanLimit is the number of statements up to which checkSids finds
// repeated Sids in a sidTable on the stack rather than in a map.
const sidScanLimit = 32

// sidTable finds the first statement with a Sid among up to sidScanLimit
// statements: an open-addressing table, half full at most, of 1 + the
// index of the first statement with each Sid, so that a Sid is compared
// with the few whose hash collides rather than with every earlier one.
type sidTable [2 * sidScanLimit]int32

// find returns the index of the first of stmts[:i] whose Sid is that of
// stmts[i], or -1 after entering stmts[i] as the first with its Sid; h is
// the Sid's sidHash.
func (t *sidTable) find(stmts []Statement, i int, h uint32) int {
	sid := stmts[i].sid
	for k := h % uint32(len(t)); ; k = (k + 1) % uint32(len(t)) {
		e := t[k]
		if e == 0 {
			t[k] = int32(i + 1)
			return -1
		}
		if stmts[e-1].sid == sid {
			return int(e - 1)
		}
	}
}

// sidHash returns a hash of a Sid for sidTable and whether it consists
// of ASCII letters and digits only, reading it once for both. It reads
// eight bytes at a time: each word is tested with alnumWord and mixed
// into the hash with one multiplication, the last few bytes as one more
// word rather than one at a time.
func sidHash(s string) (h uint32, alnum bool) {
	h64 := uint64(len(s))
	all := uint64(highBits)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := loadWord(s, i)
		all &= alnumWord(w)
		h64 = (h64 ^ w) * 0x9E3779B97F4A7C15
	}
	if i < len(s) {
		var w, missing uint64
		if len(s) >= 8 {
			// The last eight bytes, some of them seen: testing them
			// again changes nothing, and equal Sids mix in equal words.
			w = loadWord(s, len(s)-8)
		} else {
			// Fewer than eight bytes: the missing high bytes pass.
			w, missing = tailWord(s, 0), highBits<<(8*len(s))
		}
		all &= alnumWord(w) | missing
		h64 = (h64 ^ w) * 0x9E3779B97F4A7C15
	}
	return uint32(h64 ^ h64>>32), all == highBits
}

// Constants of alnumWord: a byte of each, in every byte of a word.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// alnumWord returns a word whose high bit in each byte is set where that
// byte of w is an ASCII letter or digit. For a byte x below 0x80, x +
// 0x80 - lo has its high bit set when x >= lo, and x + 0x7f - hi when x >
// hi, with no carry into the next byte; letters are tested in lower case
// (x | 0x20 is in a-z exactly when x is in A-Z or a-z). Bytes of 0x80 and
// above are cleared by the last mask.
func alnumWord(w uint64) uint64 {
	lower := w | 0x20*lowBits
	digit := (w + (0x80-'0')*lowBits) &^ (w + (0x7f-'9')*lowBits)
	letter := (lower + (0x80-'a')*lowBits) &^ (lower + (0x7f-'z')*lowBits)
	ascii := ^w & highBits
	return (digit | letter) & ascii & highBits
}
