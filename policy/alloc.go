package policy

import (
	"hash/maphash"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/iameval/iameval/condition"
)

// lower returns the item in lower case, as strings.ToLower would. ASCII
// text is lower-cased into an arena shared by the whole policy, so that it
// costs no allocation of its own. Text is read eight bytes at a time (see
// upperASCII): the words before the first upper-case letter are checked,
// the rest checked and lowered as they are copied; the last few bytes are
// the word that ends the text, which lowering again leaves the same. Only
// a text shorter than a word is read a byte at a time.
func (p *parser) lower(it *strItem) string {
	s := it.s
	if len(s) < 8 {
		return p.lowerShort(s)
	}
	i := 0
	for ; ; i += 8 {
		if i+8 > len(s) {
			i = len(s) - 8 // the last word, partly checked already
		}
		w := loadWord(s, i)
		if w&highBits != 0 {
			return strings.ToLower(s)
		}
		if upperASCII(w) != 0 {
			break
		}
		if i+8 == len(s) {
			return s
		}
	}
	buf := p.arenaFor(len(s))
	copy(buf, s[:i])
	for ; ; i += 8 {
		if i+8 > len(s) {
			i = len(s) - 8
		}
		w := loadWord(s, i)
		if w&highBits != 0 {
			// The bytes written past the arena's length are unused.
			return strings.ToLower(s)
		}
		w |= upperASCII(w) >> 2 // 'a' - 'A' is 0x20, the high bit >> 2
		storeWord(buf[i:i+8], w)
		if i+8 == len(s) {
			break
		}
	}
	return p.keepArena(buf)
}

// lowerShort is lower for a text shorter than a word, a byte at a time.
func (p *parser) lowerShort(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	buf := p.arenaFor(len(s))
	copy(buf, s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return p.keepArena(buf)
}

// arenaFor returns the next n bytes of the arena, which is replaced when
// it has less room; they are the arena's only once keepArena is called.
func (p *parser) arenaFor(n int) []byte {
	if cap(p.arena)-len(p.arena) < n {
		// Statements that repeat an action list share its entries
		// (see actions), so few action names are lowered per document.
		p.arena = make([]byte, 0, max(len(p.doc.Src())/16, n))
	}
	start := len(p.arena)
	return p.arena[start : start+n]
}

// keepArena marks buf, returned by arenaFor and filled, as used and
// returns it as a string. The arena's bytes are never written again once
// used, and it is never grown in place beyond its capacity, so the
// string stays immutable, as with strings.Builder.
func (p *parser) keepArena(buf []byte) string {
	p.arena = p.arena[:len(p.arena)+len(buf)]
	if len(buf) == 0 {
		return ""
	}
	return unsafe.String(&buf[0], len(buf))
}

// upperASCII returns a word whose high bit is set in each byte of w that
// is an ASCII upper-case letter, and whose other bits are clear; w must
// be ASCII. For a byte x below 0x80, x + 0x80 - 'A' has its high bit set
// when x >= 'A', and x + 0x7f - 'Z' when x > 'Z', with no carry into the
// next byte.
func upperASCII(w uint64) uint64 {
	return (w + (0x80-'A')*lowBits) &^ (w + (0x7f-'Z')*lowBits) & highBits
}

// storeWord writes w to b, which holds eight bytes, the low byte first:
// one store once the bounds are checked.
func storeWord(b []byte, w uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(w), byte(w>>8), byte(w>>16), byte(w>>24)
	b[4], b[5], b[6], b[7] = byte(w>>32), byte(w>>40), byte(w>>48), byte(w>>56)
}

// Typical statements have two or three Action and one or two Resource
// entries, and statements repeating the last action list share its
// entries (see actions); the slabs are sized for that and grow in slabMin
// steps. Conditions often pair two keys (aws:SecureTransport with
// aws:SourceIp), and a clause costs 16 bytes of slab, so the clause slabs
// have room for two per statement rather than regrowing, which copies
// them.
const (
	actionsPerStatement   = 1
	resourcesPerStatement = 2
	clausesPerStatement   = 2
	slabMin               = 16
	reserveTypical        = 1024
	// reserveShare is the share of a large policy's statements the action
	// and resource slabs are first sized for.
	reserveShare = 8
)

// reserve sizes the slabs for a document of n statements. A small policy
// gets room for typical statements at once. A large one (past
// reserveTypical statements) gets room for an entry per reserveShare
// statements, and further entries in chunks of a quarter of what was
// used so far: statements that repeat a list share its entries, so
// 100,000 statements of one action and one resource used 2 of the
// 200,000 entries once reserved (issue 15: 21 MB of 82), while a policy
// of distinct lists still allocates at most a quarter more than it uses.
//
// A policy of one statement (many are: scenarios and accounts hold
// thousands of them) gets no slab for its entries: each list is
// allocated at its own length (see exact), so that no room is kept for a
// second Resource entry it does not have.
func (p *parser) reserve(n int) {
	p.stmtSlab = make([]Statement, 0, n)
	p.posSlab = make([]int32, 0, clausesPerStatement*n)
	p.clauseSlab = make([]condition.Clause, 0, clausesPerStatement*n)
	if p.exact = n <= 1; p.exact {
		return
	}
	acts, ress := actionsPerStatement*n, resourcesPerStatement*n
	if n > reserveTypical {
		acts, ress = n/reserveShare, n/reserveShare
	}
	p.actSlab = make([]actionEntry, 0, acts)
	p.resSlab = make([]resourceEntry, 0, ress)
}

// slabChunk is the room a slab gets when it runs out and carved entries
// so far: none to spare for a policy of one statement (exact), else at
// least slabMin and a quarter of what was carved.
func (p *parser) slabChunk(carved int) int {
	if p.exact {
		return 0
	}
	return max(slabMin, carved/4)
}

// newStatement returns a zero Statement carved from the statement slab,
// which holds the statements of the policy one after the other and is
// its slice of statements (see addStatement). reserve sizes it for every
// element of the Statement array, and the slab is never shortened, so
// the room past its length is still zero as make left it: extending the
// slice costs no clearing, where appending a zero Statement would store
// it with a write barrier per pointer while the GC marks. Were the slab
// too small, appending would move the statements, none of which is
// referred to by pointer while parsing goes on.
func (p *parser) newStatement() *Statement {
	n := len(p.stmtSlab)
	if n < cap(p.stmtSlab) {
		p.stmtSlab = p.stmtSlab[:n+1]
	} else {
		p.stmtSlab = append(p.stmtSlab, Statement{})
	}
	return &p.stmtSlab[n]
}

// newPrincipalSet returns a copy of ps carved from the principal slab: a
// statement has at most one principal set, so a slab never has room for
// more than the statements left to parse; and like the entry slabs, a
// new one has room for slabMin sets or a quarter of those carved so far,
// so that a long policy with few Principal elements (an identity policy,
// where they are errors) keeps little room it does not use. A resource
// policy of a few statements then allocates its principal sets once
// rather than one by one.
func (p *parser) newPrincipalSet(ps principalSet) *principalSet {
	if len(p.prinSlab) == cap(p.prinSlab) {
		left := cap(p.stmtSlab) - len(p.stmtSlab) + 1 // this statement and those after it
		p.prinSlab = make([]principalSet, 0, max(1, min(left, max(slabMin, p.prinCarved/4))))
	}
	p.prinCarved++
	p.prinSlab = append(p.prinSlab, ps)
	return &p.prinSlab[len(p.prinSlab)-1]
}

// ownList reports whether a list of n entries that its slab has no room
// for gets an allocation of its own rather than a new slab of chunk
// entries: a list longer than half a chunk leaves the slab's room to the
// short lists that follow, where a new slab would waste it. Over the AWS
// managed policies, whose read-only policies list hundreds of actions in
// one statement, action slabs then take 8% fewer bytes.
func ownList(n, chunk int) bool { return 2*n > chunk }

// actionEntries returns an empty slice with room for n entries, carved
// from the action slab or, for a long list, allocated (see ownList).
func (p *parser) actionEntries(n int) []actionEntry {
	if cap(p.actSlab)-len(p.actSlab) < n {
		chunk := p.slabChunk(p.actCarved)
		if ownList(n, chunk) {
			p.actCarved += n
			return make([]actionEntry, 0, n)
		}
		p.actSlab = make([]actionEntry, 0, chunk)
	}
	p.actCarved += n
	l := len(p.actSlab)
	p.actSlab = p.actSlab[:l+n]
	return p.actSlab[l : l : l+n]
}

// resourceEntries returns an empty slice with room for n entries, carved
// from the resource slab or, for a long list, allocated (see ownList).
func (p *parser) resourceEntries(n int) []resourceEntry {
	if cap(p.resSlab)-len(p.resSlab) < n {
		chunk := p.slabChunk(p.resCarved)
		if ownList(n, chunk) {
			p.resCarved += n
			return make([]resourceEntry, 0, n)
		}
		p.resSlab = make([]resourceEntry, 0, chunk)
	}
	p.resCarved += n
	l := len(p.resSlab)
	p.resSlab = p.resSlab[:l+n]
	return p.resSlab[l : l : l+n]
}

// scanLimit is how many cached operators the parser compares one by one
// before it indexes them: a short scan beats hashing for the few
// operators of a typical policy, and the index keeps a hostile one
// (80,000 distinct operators) linear.
const scanLimit = 8

// opName is a parsed operator name.
type opName struct {
	name      string
	op        condition.Operator
	canon     string // op.String()
	respelled bool   // a valid operator not spelled canon
	err       error
}

// parseOperator is condition.ParseOperator, computed once per distinct
// spelling (canonical spellings are looked up in canonicalOperators):
// policies repeat the same few operators. It also returns the
// canonical spelling of the operator and whether a valid operator is
// spelled otherwise, decided once per spelling. The operator parsed last
// is compared first: the blocks that lastBlocks does not find mostly come
// under one operator in turn (each statement's IpAddress block), which
// then costs one comparison of its name rather than a search.
func (p *parser) parseOperator(name string) (op condition.Operator, canon string, respelled bool, err error) {
	if i := p.lastOp - 1; i >= 0 && p.opNames[i].name == name {
		o := &p.opNames[i]
		return o.op, o.canon, o.respelled, o.err
	}
	if p.opIndex != nil {
		if i, ok := p.opIndex[name]; ok {
			p.lastOp = i + 1
			o := &p.opNames[i]
			return o.op, o.canon, o.respelled, o.err
		}
	} else {
		for i := range p.opNames {
			if o := &p.opNames[i]; o.name == name {
				p.lastOp = i + 1
				return o.op, o.canon, o.respelled, o.err
			}
		}
	}
	op, known := canonicalOperators()[name]
	canon = name
	if !known {
		op, err = condition.ParseOperator(name)
		canon = ""
		if err == nil {
			canon = op.String()
		}
	}
	if p.opNames == nil {
		p.opNames = make([]opName, 0, scanLimit)
	}
	respelled = err == nil && canon != name
	p.opNames = append(p.opNames, opName{name, op, canon, respelled, err})
	p.lastOp = len(p.opNames)
	switch {
	case p.opIndex != nil:
		p.opIndex[name] = len(p.opNames) - 1
	case len(p.opNames) > scanLimit:
		p.opIndex = p.newOpIndex(2 * len(p.opNames))
		for i, o := range p.opNames {
			p.opIndex[o.name] = i
		}
	}
	return op, canon, respelled, err
}

// maxCachedClauses bounds the clause cache: sharing pays for the few
// conditions real policies repeat, while a hostile policy of 100,000
// distinct keys would keep an entry (and index slot) per key, about 100
// bytes each, for nothing (issue 15). Past the bound clauses are compiled
// without being remembered; sharing is only a saving, never a difference
// in what a clause decides.
const maxCachedClauses = 1024

// cachedClause is a compiled clause and what compiling it reported.
type cachedClause struct {
	op     condition.Operator
	text   string // the key and its values as written (see newClause)
	hash   uint64 // maphash.String(clauseSeed, text)
	clause condition.Clause
	errs   []error
}

// minClauseTable is the length of a new clauseTable: room for the
// conditions of a typical policy without growing.
const minClauseTable = 32

// newClause is condition.NewClause, computed once per distinct operator
// and text: policies repeat the same conditions in many statements
// (aws:SecureTransport, aws:PrincipalOrgID), and a Clause is immutable, so
// statements can share it. text is the document's text from the opening
// quote of the key to the end of its values, one string that shares the
// document's memory: the same text gives the same key and values, so
// entries are told apart by operator and text alone, with one hash and
// one comparison, and the cache keeps no copy of them. (The same key and
// values written differently, with escapes or other white space, only
// make an entry more.) The entries are found through clauseTable, so
// that a policy with many distinct conditions is compiled in linear time.
func (p *parser) newClause(op condition.Operator, text, key string, values []string) (condition.Clause, []error) {
	if p.clauseTable == nil {
		p.clauseTable = p.newClauseTable()
	}
	h := maphash.String(p.clauseSeed, text)
	mask := uint64(len(p.clauseTable) - 1)
	slot := h & mask
	for ; p.clauseTable[slot] != 0; slot = (slot + 1) & mask {
		if c := &p.clauses[p.clauseTable[slot]-1]; c.hash == h && c.op == op && c.text == text {
			return c.clause, c.errs
		}
	}
	bodies := &p.clauseBodies
	if p.exact {
		// A policy of one statement allocates each clause at its own
		// size, as its entry lists (see reserve).
		bodies = nil
	} else {
		// This statement and the ones after it.
		bodies.Expect(cap(p.stmtSlab) - len(p.stmtSlab) + 1)
	}
	clause, errs := bodies.New(op, key, values, p.mode)
	if len(p.clauses) >= maxCachedClauses {
		return clause, errs
	}
	if p.clauses == nil {
		p.clauses = make([]cachedClause, 0, minClauseTable/2)
	}
	p.clauses = append(p.clauses, cachedClause{op, text, h, clause, errs})
	if 2*len(p.clauses) > len(p.clauseTable) {
		p.growClauseTable()
	} else {
		p.clauseTable[slot] = int32(len(p.clauses))
	}
	return clause, errs
}

// growClauseTable doubles clauseTable, which keeps it at most half full,
// and enters every cached clause in it again.
func (p *parser) growClauseTable() {
	t := make([]int32, 2*len(p.clauseTable))
	mask := uint64(len(t) - 1)
	for i := range p.clauses {
		slot := p.clauses[i].hash & mask
		for t[slot] != 0 {
			slot = (slot + 1) & mask
		}
		t[slot] = int32(i + 1)
	}
	p.clauseTable = t
}
