package policy

import (
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
	always     []int32           // the statements of svc whose Action element names no service: "*" or NotAction
	byPrefix   map[string]uint64 // literal resource prefix -> its statements, see filed
	lengths    []int32           // the distinct lengths of the keys of byPrefix, ascending; its array also holds the lists of byPrefix
	principals bool              // the policy type has a Principal element
	names      bool              // some statement has a Principal or NotPrincipal element
	svc        serviceLists      // the statements not filed under prefixes, by service
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
					pairs = append(pairs, filing{e.prefix(), n})
				default:
					pairs = addFiling(pairs, first, filing{e.prefix(), n})
				}
			}
			continue
		}
		unfiled = append(unfiled, n)
		if !s.actions.namesServices() {
			x.always = append(x.always, n)
		}
	}
	x.fileByPrefix(pairs)
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
			pairs = append(pairs, filing{e.prefix(), n})
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

// filing is a statement filed under a literal resource prefix.
type filing struct {
	prefix string
	stmt   int32
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

// filed returns the statements filed under the prefix whose value in
// byPrefix is v.
//
// The lists of byPrefix follow the lengths in their array, past the
// length of lengths, and each value of byPrefix is where its list starts
// in the array (the high word) and ends (the low word): a value of eight
// bytes without pointers rather than a slice header of 24 makes the
// map's slots 24 bytes rather than 40, and it needs no field of its own.
func (x *index) filed(v uint64) []int32 {
	return x.lengths[:cap(x.lengths)][v>>32 : uint32(v)]
}

// span returns the value of byPrefix for the list at [start, end) of the
// array of lengths.
func span(start, end int) uint64 { return uint64(start)<<32 | uint64(end) }

// fileByPrefix builds byPrefix and lengths from pairs, which list each
// statement's prefixes (none of which starts with another, see
// addFiling) in statement order. The map is sized up front and the
// lengths and lists are carved from one array, each list next to the
// previous one: a large policy costs a few allocations rather than one
// per prefix. Until a prefix repeats, each filing costs one map
// assignment rather than a look-up and an assignment: the map's length
// tells whether the key was new, and a repeat has the lists regrouped
// (see fileGrouped).
func (x *index) fileByPrefix(pairs []filing) {
	if len(pairs) == 0 {
		return
	}
	var lengths lengthSet
	for _, f := range pairs {
		lengths.add(len(f.prefix))
	}
	nl := lengths.len()
	backing := make([]int32, nl+len(pairs))
	lengths.fill(backing[:nl])
	x.lengths = backing[:nl]
	x.byPrefix = make(map[string]uint64, len(pairs))
	for i, f := range pairs {
		j := nl + i
		backing[j] = f.stmt
		n := len(x.byPrefix)
		x.byPrefix[f.prefix] = span(j, j+1)
		if len(x.byPrefix) == n {
			x.fileGrouped(pairs, backing, nl)
			return
		}
	}
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

// fileGrouped is fileByPrefix once a prefix repeats: it files pairs
// again, the statements of each prefix next to one another after the nl
// lengths of backing, in statement order, and the prefixes in the order
// they were first filed under.
func (x *index) fileGrouped(pairs []filing, backing []int32, nl int) {
	clear(x.byPrefix)
	// ids holds the number of each pair's prefix, and ends the number of
	// statements filed under each prefix, then where its list ends.
	ids := make([]int32, len(pairs))
	var ends []int32
	for i, f := range pairs {
		v, ok := x.byPrefix[f.prefix]
		if !ok {
			v = uint64(len(ends))
			ends = append(ends, 0)
			x.byPrefix[f.prefix] = v
		}
		ids[i] = int32(v)
		ends[v]++
	}
	end := int32(nl)
	for k, c := range ends {
		ends[k] = end // where list k starts, until it is filled
		end += c
	}
	for i, f := range pairs {
		backing[ends[ids[i]]] = f.stmt
		ends[ids[i]]++
	}
	for prefix, k := range x.byPrefix {
		start := nl
		if k > 0 {
			start = int(ends[k-1])
		}
		x.byPrefix[prefix] = span(start, int(ends[k]))
	}
}
