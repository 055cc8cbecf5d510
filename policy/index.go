package policy

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// index selects, for a request, the statements that can possibly apply
// so that a large policy costs little per request: each statement is filed once, under the literal
// prefixes of its Resource entries when it has a Resource element of ARN
// patterns with a literal partition and service, else in svc, which lists
// the other statements by the services their Action element can match
// (one whose Action element has no "*" is in the lists of its service
// prefixes only). A statement filed under prefixes can only match a
// resource that starts with one of them. Statements whose every Resource
// entry matches nothing are not filed at all.
type index struct {
	always []int32 // the statements of svc whose Action element names no service: "*" or NotAction
	// lengths holds the distinct lengths of the literal resource
	// prefixes statements are filed under, ascending, and table finds
	// the statements filed under each; they share one array (see filed).
	lengths    []int32
	table      []int32
	principals bool         // the policy type has a Principal element
	names      bool         // some statement has a Principal or NotPrincipal element
	svc        serviceLists // the statements not filed under prefixes, by service
}

// indexMinStatements is the size from which a policy gets an index:
// matching a few statements one after the other is cheaper than looking
// them up.
const indexMinStatements = 16

// buildIndex files the statements; policies with fewer than minStatements
// statements put them all in the always-checked list.
func buildIndex(stmts []Statement, principals bool, minStatements int) index {
	x := index{principals: principals}
	for i := range stmts {
		s := &stmts[i]
		x.names = x.names || s.principal != nil
	}
	if len(stmts) < minStatements {
		x.always = make([]int32, len(stmts))
		for i := range stmts {
			x.always[i] = int32(i)
		}
		x.svc = buildServiceLists(stmts, x.always)
		return x
	}
	// The working lists live on the stack for typical policies; pairs is
	// sized once for larger ones.
	var unfiledBuf [64]int32
	var pairBuf [64]filing
	unfiled := unfiledBuf[:0] // statements not filed under a prefix, ascending
	pairs := pairBuf[:0]      // statements filed under prefixes, in statement order
	if nr := countResources(stmts); nr > len(pairBuf) {
		pairs = make([]filing, 0, nr)
	}
	for i := range stmts {
		s := &stmts[i] // not a copy of the statement
		n := int32(i)
		if ents := s.resources.entries(); s.resources.indexable(ents) {
			first := len(pairs)
			if len(ents) > linearFilings {
				pairs = addFilingsSorted(pairs, ents, n)
				continue
			}
			for j := range ents {
				switch e := &ents[j]; {
				case e.neverMatches():
				case len(pairs) == first:
					// The statement's first filing: nothing to compare.
					pairs = append(pairs, filing{e.prefix(), n, int32(j)})
				default:
					pairs = addFiling(pairs, first, filing{e.prefix(), n, int32(j)})
				}
			}
			continue
		}
		unfiled = append(unfiled, n)
		if !s.actions.namesServices() {
			x.always = append(x.always, n)
		}
	}
	if !x.fileByPrefix(stmts, pairs) {
		// Too many filings for the table, or prefixes whose hashes
		// collide: every statement is matched, as in a small policy.
		return buildIndex(stmts, principals, math.MaxInt)
	}
	x.svc = buildServiceLists(stmts, unfiled)
	return x
}

// countResources returns the number of Resource entries of the
// statements: a bound on the filings under prefixes buildIndex makes.
func countResources(stmts []Statement) int {
	n := 0
	for i := range stmts {
		n += int(stmts[i].resources.n)
	}
	return n
}

// linearFilings is the number of Resource entries of a statement up to
// which addFiling compares each prefix with those of the statement filed
// before it; past it addFilingsSorted sorts them, as comparing every pair
// hung on a statement of 100,000 distinct resources (issue 15).
const linearFilings = 16

// addFilingsSorted appends to pairs the filings of statement n, whose
// Resource entries are entries, as addFiling would one by one: each
// distinct prefix once, and none that starts with another. In sorted
// order a prefix that starts with a kept one comes right after it or
// after others that start with it too, so the prefixes are sorted and
// each is compared with the last one kept only. The filings of the
// statement come in prefix order, which evalIndexed does not depend on.
func addFilingsSorted(pairs []filing, entries []resourceEntry, n int32) []filing {
	first := len(pairs)
	for j := range entries {
		if e := &entries[j]; !e.neverMatches() {
			pairs = append(pairs, filing{e.prefix(), n, int32(j)})
		}
	}
	own := pairs[first:]
	slices.SortFunc(own, func(a, b filing) int { return strings.Compare(a.prefix, b.prefix) })
	kept := first
	for _, f := range own {
		if kept > first && strings.HasPrefix(f.prefix, pairs[kept-1].prefix) {
			continue
		}
		pairs[kept] = f
		kept++
	}
	return pairs[:kept]
}

// filing is a statement filed under a literal resource prefix, that of
// its Resource entry number entry.
type filing struct {
	prefix string
	stmt   int32
	entry  int32
}

// addFiling appends f to pairs, whose filings from first on are those of
// f's statement, unless f's prefix starts with the prefix of one of them;
// it drops those whose prefix starts with f's. A resource that starts
// with the longer of two such prefixes starts with the shorter, under
// which evalIndexed finds the statement first (it looks prefixes up
// shortest first), so the statement is filed under the shorter only
// ("arn:aws:s3:::b", not also "arn:aws:s3:::b/"): filing it under the
// longer too would only have it matched again. A repeated prefix is
// filed once.
func addFiling(pairs []filing, first int, f filing) []filing {
	own := pairs[first:]
	for _, g := range own {
		if strings.HasPrefix(f.prefix, g.prefix) {
			return pairs
		}
	}
	kept := first
	for _, g := range own {
		if !strings.HasPrefix(g.prefix, f.prefix) {
			pairs[kept] = g
			kept++
		}
	}
	return append(pairs[:kept], f)
}

// The prefixes' table is an open-addressing table of 1 + the number of
// each prefix (0 for an empty slot), a power of two at most half full.
// The rest of its array holds, past its length, where the first list
// starts, then keyWords words per prefix (the low word of its hash, the
// first statement filed under it, which of that statement's Resource
// entries it is the prefix of, where its list ends: the list of the next
// prefix starts there), then lengths, then the lists of the statements
// filed under each prefix, in the order the prefixes were first filed
// under. A key names its prefix rather than holding it: one array of
// int32 is one allocation the collector does not scan, where a map of
// strings to lists took four, with pointers, and more bytes.
const keyWords = 4

// maxPrefixProbes bounds the occupied slots fileByPrefix passes to
// enter one prefix. The hash is seeded per process, so a document cannot
// choose prefixes that collide, and a table at most half full of random
// hashes passes a few; should many prefixes collide all the same, the
// index is given up (every statement is matched, which is correct and
// linear in the statements) rather than entering them in time quadratic
// in their number. A variable so that a test can lower it.
var maxPrefixProbes = 64

// prefixHasher hashes the prefixes of a text, shortest first, as
// actionHash does a word at a time: the words a prefix shares with the
// one before are mixed in once, so that looking a resource up under
// every length of the index reads it about once.
type prefixHasher struct {
	s string
	h uint64 // actionSeed and the words of s before i
	i int
}

// newPrefixHasher returns a hasher of the prefixes of s.
func newPrefixHasher(s string) prefixHasher { return prefixHasher{s: s, h: actionSeed} }

// hash returns the hash of the first n bytes of the text, n at least
// that of the call before: the state of its whole words, then the last
// eight bytes (which may overlap them) or the few there are, then n.
func (p *prefixHasher) hash(n int) uint32 {
	const k = 0x9E3779B97F4A7C15
	s := p.s[:n]
	for ; p.i+8 <= n; p.i += 8 {
		p.h = (p.h ^ loadWord(s, p.i)) * k
	}
	h := p.h
	switch {
	case p.i == n:
	case n >= 8:
		h = (h ^ loadWord(s, n-8)) * k
	default:
		h = (h ^ tailWord(s, p.i)) * k
	}
	// The finalizer of MurmurHash3: prefixes that differ in a few
	// bytes (W2's "arn:aws:s3:::reports-0499/" and its 999 siblings)
	// would otherwise fill runs of the table and lengthen its probes.
	h ^= uint64(n)
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return uint32(h ^ h>>33)
}

// prefixHash returns the hash of prefix, as prefixHasher does.
func prefixHash(prefix string) uint32 {
	hs := newPrefixHasher(prefix)
	return hs.hash(len(prefix))
}

// filed returns the statements filed under prefix, whose hash is h (see
// prefixHash), none when it is not one of the prefixes; stmts are the
// policy's statements.
func (x *index) filed(stmts []Statement, prefix string, h uint32) []int32 {
	t := x.table
	if len(t) == 0 {
		return nil
	}
	a := t[:cap(t)]
	mask := uint32(len(t) - 1)
	for i := h & mask; t[i] != 0; i = (i + 1) & mask {
		at := len(t) + keyWords*int(t[i]-1)
		key := a[at : at+keyWords+1 : at+keyWords+1]
		if uint32(key[1]) == h && keyPrefix(stmts, key[2], key[3]) == prefix {
			return a[key[0]:key[4]]
		}
	}
	return nil
}

// keyPrefix returns the prefix of the Resource entry of statement stmt.
func keyPrefix(stmts []Statement, stmt, entry int32) string {
	return stmts[stmt].resources.entries()[entry].prefix()
}

// prefixCount returns the number of distinct prefixes.
func (x *index) prefixCount() int {
	n := 0
	for _, k := range x.table {
		if k != 0 {
			n++
		}
	}
	return n
}

// fileByPrefix builds lengths and table (see keyWords) from pairs, which
// list each statement's prefixes (none of which starts with another, see
// addFiling) in statement order; stmts are the statements they were
// taken from. Each pair's prefix is looked up or entered in the table,
// and its number kept in the pair's entry, which is then no longer
// needed; the lists are then laid out by counting. It reports false
// when the array would be too long for its int32 positions (a document
// of more than a few hundred million filings) or a prefix passes more
// than maxPrefixProbes occupied slots; x is then to be built anew.
func (x *index) fileByPrefix(stmts []Statement, pairs []filing) bool {
	if len(pairs) == 0 {
		return true
	}
	var lengths lengthSet
	for _, f := range pairs {
		lengths.add(len(f.prefix))
	}
	nl, np := lengths.len(), len(pairs)
	size := 1 << bits.Len(uint(2*np-1)) // a power of two, at least 2*np
	lengthsAt := size + 1 + keyWords*np
	if lengthsAt+nl+np > math.MaxInt32 {
		return false
	}
	a := make([]int32, lengthsAt+nl+np)
	lengths.fill(a[lengthsAt : lengthsAt+nl])
	x.lengths, x.table = a[lengthsAt:lengthsAt+nl], a[:size]
	t, keys := a[:size], a[size:lengthsAt] // keys[0] is where the first list starts
	mask := uint32(size - 1)
	n := 0 // the prefixes so far
	for i := range pairs {
		f := &pairs[i]
		h := prefixHash(f.prefix)
		slot, probes := h&mask, 0
		for ; t[slot] != 0; slot = (slot + 1) & mask {
			if key := keys[keyWords*(t[slot]-1):]; uint32(key[1]) == h && keyPrefix(stmts, key[2], key[3]) == f.prefix {
				break
			}
			if probes++; probes > maxPrefixProbes {
				return false
			}
		}
		if t[slot] == 0 {
			key := keys[keyWords*n:]
			key[1], key[2], key[3] = int32(h), f.stmt, f.entry
			n++
			t[slot] = int32(n)
		}
		k := t[slot] - 1
		keys[keyWords*k+keyWords]++ // counted, then placed (below)
		f.entry = k
	}
	// Each list starts where the one before ends; the end word of a
	// prefix holds where its list starts until it is filled.
	start := int32(lengthsAt + nl)
	for k := range n {
		e := &keys[keyWords*k+keyWords]
		start, *e = start+*e, start
	}
	keys[0] = int32(lengthsAt + nl)
	for _, f := range pairs {
		e := &keys[keyWords*f.entry+keyWords]
		a[*e] = f.stmt
		*e++
	}
	return true
}

// lengthSet collects the distinct lengths of prefixes for fileByPrefix:
// those under 256, which nearly all are, as bits that come out in
// ascending order, with no search for each length nor sort, and the
// others in a list.
type lengthSet struct {
	short [4]uint64
	long  []int32
}

// add adds the length n.
func (s *lengthSet) add(n int) {
	if n < 256 {
		s.short[n>>6] |= 1 << (n & 63)
	} else if !slices.Contains(s.long, int32(n)) {
		s.long = append(s.long, int32(n))
	}
}

// len returns the number of distinct lengths.
func (s *lengthSet) len() int {
	n := len(s.long)
	for _, w := range s.short {
		n += bits.OnesCount64(w)
	}
	return n
}

// fill writes the lengths to dst, of length s.len(), in ascending order.
func (s *lengthSet) fill(dst []int32) {
	k := 0
	for i, w := range s.short {
		for ; w != 0; w &= w - 1 {
			dst[k] = int32(i<<6 + bits.TrailingZeros64(w))
			k++
		}
	}
	slices.Sort(s.long)
	copy(dst[k:], s.long)
}
