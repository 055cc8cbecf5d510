package policy

import (
	"math"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// resourceEntry is one compiled entry of a Resource or NotResource element
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
type resourceEntry struct {
	text string // the entry as written

	// prefixLen is the length of the literal text that every resource
	// the entry matches starts with (see prefix); the index files the
	// statement under it. It and partOff are lengths within text rather
	// than strings or ints, which with partAny and partNever in place of
	// flags and part's shape in place of a Pattern keep an entry 56 bytes
	// rather than 96: the slab an entry is carved from is then smaller to
	// clear and has fewer pointers for the collector to scan and write
	// barriers to record (W3's 52 entries fit the 3 KiB size class).
	prefixLen int32
	// partOff, when positive, is where the resource part starts in
	// prefix: the prefix holds all five colons, so a resource that starts
	// with it has the entry's partition, service, region and account, and
	// its resource part starts at the same offset. head is then nil.
	// partAny and partNever mark the entries of those kinds.
	partOff int32
	// part is the shape of the glob of the resource part when it has no
	// variables and partOff is positive: the glob's text is text[partOff:],
	// so that an entry keeps no second pointer to it (see match). An
	// entry with a head keeps the glob there. '*' crosses '/' and ':'.
	part wildcard.Shape
	head *arnHead

	// tmpl is the resource part when it has variables, else nil. Few
	// entries have them, so they keep it apart.
	tmpl *resourceTemplate
}

// The values of partOff that mark an entry that matches every resource
// or none.
const (
	partAny   = -1 // "*": every resource, including the request resource "*"
	partNever = -2 // an ARN with fewer than six parts whose last part does not end in '*'
)

// anyResource reports whether the entry is "*".
func (e *resourceEntry) anyResource() bool { return e.partOff == partAny }

// neverMatches reports whether the entry is an ARN with fewer than six
// parts whose last part does not end in '*', which matches nothing.
func (e *resourceEntry) neverMatches() bool { return e.partOff == partNever }

// hasVars reports whether the resource part has variables: tmpl, else
// part.
func (e *resourceEntry) hasVars() bool { return e.tmpl != nil }

// prefix returns the literal text every resource the entry matches
// starts with: the start of text before its first wildcard or variable.
func (e *resourceEntry) prefix() string { return e.text[:e.prefixLen] }

// resourceTemplate is the resource part of an entry that has policy
// variables.
type resourceTemplate struct {
	variables.Template
	one *oneVariable // the piecewise matcher, when the template has that shape: &oneStore
	// oneStore holds the piecewise matcher, allocated with the template.
	oneStore oneVariable
}

// arnHead is the partition, service, region and account of a Resource
// entry whose literal prefix does not cover them.
type arnHead struct {
	partition, region, account wildcard.Pattern // globs within their segment
	part                       wildcard.Pattern // the resource part, when it has no variables (see resourceEntry.part)
	service                    string           // compared literally
	anyService                 bool             // the service segment is exactly "*"
	// vars holds the partition, region and account segments (in that
	// order) that have policy variables; their globs above are unused.
	// See headVar for why they are substituted.
	vars []headVar
}

// resourceWarnings are the findings of compileResource that AWS accepts.
type resourceWarnings struct {
	short        bool     // fewer than six parts (padded or never matching)
	serviceGlob  bool     // a wildcard in the service segment, compared literally
	varsOutside  bool     // ${ in partition, region or account: substituted (headVar)
	varsService  bool     // ${ in the service: matched as plain text
	typeWildcard bool     // a wildcard in the resource type
	template     []string // warnings of variables.Parse
}

// empty reports whether there is nothing to warn about.
func (w *resourceWarnings) empty() bool {
	// One test of the fields or'ed together: a chain of six tests, one
	// per field, mispredicted about once per entry in cachegrind's
	// branch simulation.
	return b2u(w.short)|b2u(w.serviceGlob)|b2u(w.varsOutside)|b2u(w.varsService)|b2u(w.typeWildcard)|uint(len(w.template)) == 0
}

// splitARN splits s at its first five colons, like internal/arn.Split, but
// also returns fewer parts when s has fewer colons. When variables are
// substituted, a colon inside a closed ${...} (${aws:PrincipalAccount})
// does not split.
func splitARN(s string, mode variables.Mode) (parts [6]string, n int) {
	for n < 5 {
		i := nextColon(s, mode)
		if i < 0 {
			break
		}
		parts[n] = s[:i]
		s = s[i+1:]
		n++
	}
	parts[n] = s
	return parts, n + 1
}

// nextColon returns the index of the first colon of s that is not inside
// a closed ${...} when mode substitutes variables, or -1.
func nextColon(s string, mode variables.Mode) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ':':
			return i
		case mode == variables.Substitute && s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			if j := strings.IndexByte(s[i:], '}'); j > 0 {
				i += j
			}
		}
	}
	return -1
}

// compileResource compiles one Resource entry. ok is false when the entry is
// neither "*" nor an ARN pattern (it must start with "arn:").
func compileResource(s string, mode variables.Mode) (e resourceEntry, ok bool, w resourceWarnings) {
	ok = compileResourceTo(&e, &w, s, mode, "")
	return e, ok, w
}

// maxPrefixLen bounds the literal prefix of a Resource entry, whose
// length is kept in an int32: an entry of more than 2 GiB gets a prefix
// cut to that length, which every resource it matches still starts with.
const maxPrefixLen = math.MaxInt32

// compileResourceTo is compileResource into *e, which must be zero, and
// *w. It sets e.text to s when s compiles, and leaves *e zero when not.
// head, when not empty, is the head of an entry compiled before in the
// same mode (see entryHead): an entry that starts with it has its five
// colons and literal partition, service, region and account, so only its
// resource part is scanned. Entries of a policy mostly share their heads.
func compileResourceTo(e *resourceEntry, w *resourceWarnings, s string, mode variables.Mode, head string) bool {
	if s == "*" {
		e.text, e.partOff = s, partAny
		return true
	}
	if head != "" && len(s) <= maxPrefixLen && strings.HasPrefix(s, head) {
		sc := arnScan{n: 5, wild: -1, vars: -1, firstStar: -1, lastStar: -1}
		sc.scan(s, len(head))
		if mode != variables.Substitute || sc.vars < 0 {
			// The head holds no "${" that splits ("${" cannot
			// straddle its last colon), nor wildcards.
			sc.vars = -1
			e.compileCommon(w, s, len(head), &sc, head)
			return true
		}
	}
	if !strings.HasPrefix(s, "arn:") {
		return false
	}
	sc := arnScan{wild: -1, vars: -1, firstStar: -1, lastStar: -1}
	sc.scan(s, 0)
	if mode != variables.Substitute {
		sc.vars = -1 // "${" is plain text
	}
	if sc.vars < 0 && sc.n == 5 && (sc.wild < 0 || sc.wild > sc.colons[4]) && len(s) <= maxPrefixLen {
		e.compileCommon(w, s, sc.colons[4]+1, &sc, s)
		return true
	}
	return compileARN(e, w, s, mode, &sc)
}

// compileCommon compiles the common entry: six parts, no variables,
// wildcards only in the resource part, which starts at partOff, so that
// the literal prefix holds the whole head. head is text that starts with
// the head of s, s[:partOff], for the service if a warning needs it.
func (e *resourceEntry) compileCommon(w *resourceWarnings, s string, partOff int, sc *arnScan, head string) {
	e.text = s
	e.prefixLen = int32(sc.literal(len(s)))
	e.partOff = int32(partOff)
	res := s[partOff:]
	// Every wildcard of s is in res (see above).
	e.part = wildcard.CompileScanned(res, sc.starIn(partOff, sc.firstStar), sc.starIn(partOff, sc.lastStar), sc.qmark).Shape()
	if sc.wild >= 0 && !delimBefore(res, sc.wild-partOff) {
		// typeWildcard is false when a '/' or ':' comes before the
		// first wildcard, as in most entries (bucket/*).
		w.typeWildcard = typeWildcard(arnService(head), res)
	}
}

// entryHead returns the head of a compiled entry for compileResourceTo:
// its partition, service, region and account with the five colons, when
// all literal, else "".
func (e *resourceEntry) entryHead() string {
	if e.partOff <= 0 {
		return ""
	}
	return e.text[:e.partOff]
}

// arnService returns the service, the third part, of an ARN that has at
// least five colons, none inside ${...}.
func arnService(s string) string {
	var sc arnScan
	sc.scan(s, 0)
	return s[sc.colons[1]+1 : sc.colons[2]]
}

// delimBefore reports whether res has a '/' or ':' before offset i.
func delimBefore(res string, i int) bool {
	for i--; i >= 0; i-- {
		if res[i] == '/' || res[i] == ':' {
			return true
		}
	}
	return false
}

// compileARN is compileResourceTo for an ARN pattern other than the
// common shape, given its scan.
func compileARN(e *resourceEntry, w *resourceWarnings, s string, mode variables.Mode, sc *arnScan) bool {
	e.text = s
	var parts [6]string
	var n int
	if sc.vars >= 0 {
		// A colon inside ${...} does not split: see splitARN.
		parts, n = splitARN(s, mode)
	} else {
		parts, n = sc.split(s)
	}
	if n < 6 {
		w.short = true
		if !strings.HasSuffix(parts[n-1], "*") {
			e.partOff = partNever
			return true
		}
		for ; n < 6; n++ {
			parts[n] = "*"
		}
	}
	if sc.vars >= 0 {
		w.varsService = strings.Contains(parts[2], "${")
		w.varsOutside = strings.Contains(parts[1], "${") || strings.Contains(parts[3], "${") || strings.Contains(parts[4], "${")
	}
	if sc.wild >= 0 && parts[2] != "*" && hasWildcard(parts[2]) {
		w.serviceGlob = true
	}
	// A prefix cut short is still one that every matching resource
	// starts with.
	e.prefixLen = int32(min(sc.literal(len(s)), maxPrefixLen))
	e.partOff = int32(sc.headLength(int(e.prefixLen)))
	if e.partOff == 0 {
		e.head = &arnHead{
			partition:  wildcard.Compile(parts[1]),
			service:    parts[2],
			anyService: parts[2] == "*",
			region:     wildcard.Compile(parts[3]),
			account:    wildcard.Compile(parts[4]),
		}
		if w.varsOutside {
			e.head.vars = compileHeadVariables(parts, mode)
		}
	}

	res := parts[5]
	if sc.vars >= 0 {
		t, tw := variables.Parse(res, mode)
		w.template = tw
		if t.HasVariables() {
			e.tmpl = &resourceTemplate{Template: t}
			if compileOneVariableTo(&e.tmpl.oneStore, res, t) {
				e.tmpl.one = &e.tmpl.oneStore
			}
			if one := e.tmpl.one; one != nil && e.partOff > 0 && strings.HasPrefix(e.prefix()[e.partOff:], one.head) {
				// A resource that starts with the prefix has the head in
				// place (see match).
				one.headInPrefix = true
			}
		} else {
			e.setPart(res)
		}
	} else {
		// Without "${" the resource part is a plain glob (variables.Parse
		// would return it as a literal template).
		e.setPart(res)
	}
	if sc.wild >= 0 {
		w.typeWildcard = typeWildcard(parts[2], res)
	}
	return true
}

// setPart compiles res, the resource part of an entry without
// variables: into the head when the entry has one, else as a shape, as
// res is then text[partOff:] (the literal prefix holds the five colons
// that split the ARN, so no "${" comes before them).
func (e *resourceEntry) setPart(res string) {
	if e.head != nil {
		e.head.part = wildcard.Compile(res)
		return
	}
	e.part = wildcard.Compile(res).Shape()
}

// arnScan is what one pass over a Resource entry finds, so that
// compileResource does not search the text once per question.
type arnScan struct {
	colons [5]int // offsets of the first n colons
	n      int
	wild   int // offset of the first '*' or '?', -1 for none
	vars   int // offset of the first "${", -1 for none
	// firstStar and lastStar are the offsets of the first and last '*'
	// (-1 for none), and qmark reports a '?': what wildcard.Compile
	// would search the resource part for again.
	firstStar, lastStar int
	qmark               bool
}

// Words of eight copies of a byte, for arnStops.
const (
	colonBytes  = ':' * lowBits
	qmarkBytes  = '?' * lowBits
	dollarBytes = '$' * lowBits
	bit4Bytes   = 0x10 * lowBits
)

// arnStops returns a word whose high bit is set in each byte of w that is
// ':', '*', '?' or '$' (and possibly in a byte above one, see below), and
// whose other bits are clear. ':' and '*' differ only in bit 4, so one
// test finds both: w | bit 4 has a ':' exactly there. A byte x of w ^
// copies of c is zero where w has c, and (x - 1) &^ x has its high bit
// set in the lowest such byte; the borrow can also set it in a byte above
// one, which the caller reads and ignores when it is not a stop byte.
func arnStops(w uint64) uint64 {
	colonStar := (w | bit4Bytes) ^ colonBytes
	qmark := w ^ qmarkBytes
	dollar := w ^ dollarBytes
	return ((colonStar-lowBits)&^colonStar | (qmark-lowBits)&^qmark | (dollar-lowBits)&^dollar) & highBits
}

// loadWord returns the eight bytes of s from i on as a word, the first in
// the low byte: one load once the bounds are checked.
func loadWord(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// tailWord returns the bytes of s from i on, fewer than eight, as a word,
// the first in the low byte; the missing high bytes are zero, which is no
// stop byte of scanARN.
func tailWord(s string, i int) uint64 {
	var w uint64
	for j := len(s) - 1; j >= i; j-- {
		w = w<<8 | uint64(s[j])
	}
	return w
}

// scanARN finds the first five colons, the first and last wildcards and
// the first "${" of s. It reads eight bytes at a time and tests them for
// the four bytes it stops at together (see arnStops), so that it visits
// only those bytes (a typical entry has five colons and a '*' in thirty
// bytes) rather than branching on every byte.
func scanARN(s string) arnScan {
	sc := arnScan{wild: -1, vars: -1, firstStar: -1, lastStar: -1}
	sc.scan(s, 0)
	return sc
}

// scan is scanARN of s from offset from on, into *sc, which holds what
// was found before: the fields that mark none must be -1. Once sc.n is
// five, colons are passed over.
func (sc *arnScan) scan(s string, from int) {
	for base := from; base < len(s); base += 8 {
		var m uint64
		switch {
		case base+8 <= len(s):
			m = arnStops(loadWord(s, base))
		case len(s) >= 8:
			// The last word of s, without the bytes before base,
			// which are seen or not to be: no byte at a time.
			last := len(s) - 8
			m = arnStops(loadWord(s, last)) &^ (1<<(8*(base-last)) - 1)
			base = last
		default:
			m = arnStops(tailWord(s, base))
		}
		for ; m != 0; m &= m - 1 {
			i := base + bits.TrailingZeros64(m)>>3
			switch s[i] {
			case ':':
				if sc.n < len(sc.colons) {
					sc.colons[sc.n] = i
					sc.n++
				}
			case '*':
				if sc.wild < 0 {
					sc.wild = i
				}
				if sc.firstStar < 0 {
					sc.firstStar = i
				}
				sc.lastStar = i
			case '?':
				if sc.wild < 0 {
					sc.wild = i
				}
				sc.qmark = true
			case '$':
				if sc.vars < 0 && i+1 < len(s) && s[i+1] == '{' {
					sc.vars = i
				}
			}
		}
	}
}

// starIn returns the offset star, of a '*' of the scanned text or -1,
// relative to the text that starts at off.
func (sc *arnScan) starIn(off, star int) int {
	r := star - off // chosen with a conditional move, not a branch
	if star < 0 {
		r = -1
	}
	return r
}

// split is splitARN for text without variables: s split at its first five
// colons.
func (sc *arnScan) split(s string) (parts [6]string, n int) {
	start := 0
	for ; n < sc.n; n++ {
		parts[n] = s[start:sc.colons[n]]
		start = sc.colons[n] + 1
	}
	parts[n] = s[start:]
	return parts, n + 1
}

// literal returns the length of the literal prefix of the scanned text:
// the text before its first wildcard (and, when variables are
// substituted, before its first "${"), or size. Every resource the entry
// matches starts with it, because the segments before it are literal and
// the text is the ARN itself.
func (sc *arnScan) literal(size int) int {
	if sc.wild >= 0 {
		size = sc.wild
	}
	if sc.vars >= 0 && sc.vars < size {
		size = sc.vars
	}
	return size
}

// headLength returns the length of the text up to and including the
// fifth colon of the scanned text's first size bytes, or 0 when they have
// fewer than five colons.
func (sc *arnScan) headLength(size int) int {
	if sc.n < 5 || sc.colons[4] >= size {
		return 0
	}
	return sc.colons[4] + 1
}

// hasWildcard reports whether s has a '*' or '?'.
func hasWildcard(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' || s[i] == '?' {
			return true
		}
	}
	return false
}

// typeWildcard reports a wildcard inside the resource type of the resource
// part (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html: arn:aws:iam::A:u*). The resource type is
// the text before the first '/' or ':'; it is only recognised as a type
// when such a delimiter follows, or for IAM, whose resources always start
// with a type. S3 resource parts start with a bucket name, not a type. A
// type of exactly "*" (all resources) is not reported.
func typeWildcard(service, res string) bool {
	if service == "s3" {
		return false
	}
	typ := res
	delim := false
	if i := strings.IndexAny(res, "/:"); i >= 0 {
		typ, delim = res[:i], true
	}
	if typ == "*" || !strings.ContainsAny(typ, "*?") {
		return false
	}
	return delim || service == "iam"
}

// resourceBufSize is the size of the stack buffer that holds an expanded
// resource template; longer expansions spill to the heap.
const resourceBufSize = 256

// match reports whether the entry matches the prepared request resource.
// unresolved is true when the entry has a variable without a value and no
// default: such an entry matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func (e *resourceEntry) match(q *prepared, l variables.Lookup) (matched, unresolved bool) {
	if e.partOff < 0 {
		// "*" matches every resource, partNever none.
		return e.partOff == partAny, false
	}
	if !q.resARN {
		return false, false
	}
	// Every resource the entry matches starts with its literal prefix (see
	// arnScan.literal): testing it first turns most misses into one compare.
	if !strings.HasPrefix(q.resource, e.prefix()) {
		return false, false
	}
	var res string // the request's resource part
	if e.partOff > 0 {
		// The prefix, which the resource starts with, holds the literal
		// partition, service, region and account (see partOff).
		res = q.resource[e.partOff:]
		if e.tmpl == nil {
			return e.part.Of(e.text[e.partOff:]).Match(res), false
		}
	} else {
		p, h := &q.resParts, e.head
		if !h.anyService && h.service != p[2] {
			return false, false
		}
		if h.vars != nil {
			if m, unres := h.matchVariables(p, l); !m {
				return false, unres
			}
		} else if !h.partition.Match(p[1]) || !h.region.Match(p[3]) || !h.account.Match(p[4]) {
			return false, false
		}
		res = p[5]
		if e.tmpl == nil {
			return h.part.Match(res), false
		}
	}
	if e.tmpl.one != nil {
		return e.tmpl.one.match(res, l)
	}
	var buf [resourceBufSize]byte
	pat, ok := e.tmpl.AppendPattern(buf[:0], l)
	if !ok {
		return false, true
	}
	if len(pat) == 0 {
		return res == "", false
	}
	return wildcard.MatchEscaped(unsafe.String(&pat[0], len(pat)), res), false
}

// resourceSet is a compiled Resource or NotResource element. Like
// actionSet, it holds its entries as a pointer and a count.
type resourceSet struct {
	first   *resourceEntry // the first of n entries, nil for none
	n       int32
	present bool // false: no Resource element, which in a resource-based policy means the attached resource
	not     bool // NotResource
}

// newResourceSet returns the set of a Resource (or NotResource, not)
// element of the given entries, which it keeps.
func newResourceSet(entries []resourceEntry, not bool) resourceSet {
	if len(entries) == 0 {
		return resourceSet{present: true, not: not}
	}
	return resourceSet{first: &entries[0], n: entryCount(len(entries)), present: true, not: not}
}

// entries returns the entries of the element.
func (s *resourceSet) entries() []resourceEntry {
	if s.first == nil {
		return nil
	}
	return unsafe.Slice(s.first, s.n)
}

// applies reports whether the resource part of a statement holds. An
// unresolved entry matches nothing: in Resource it grants nothing, in
// NotResource it excludes nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func (s *resourceSet) applies(q *prepared, l variables.Lookup) bool {
	if !s.present {
		return true
	}
	ents := s.entries()
	for i := range ents {
		if m, _ := ents[i].match(q, l); m {
			return !s.not
		}
	}
	return s.not
}

// indexable reports whether the element can be indexed by the literal
// prefixes of its entries: a Resource (not NotResource) element whose
// entries are all ARN patterns with a literal partition and service.
// Entries that never match contribute no prefix. ents are its entries,
// which the caller has at hand.
func (s *resourceSet) indexable(ents []resourceEntry) bool {
	if !s.present || s.not {
		return false
	}
	for i := range ents {
		e := &ents[i]
		if !e.neverMatches() && (e.anyResource() || e.head != nil && (e.head.anyService || !e.head.partition.IsLiteral())) {
			return false
		}
	}
	return true
}
