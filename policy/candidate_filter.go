package policy

import "strings"

// resourceFilter rules out, from the request's resource alone, most
// resources that no entry of a statement's Resource element matches,
// without reading the statement: every resource an entry matches starts
// with the entry's literal prefix (resourceEntry.match tests it first),
// so a resource that does not end the prefix's place with the prefix's
// last eight bytes is matched by no entry. The filter only rules out; a
// resource it lets through is matched in full.
type resourceFilter struct {
	on bool // the filter applies; off, it rules nothing out
	// all is set when the element holds for every resource: no Resource
	// element, or a Resource element with a "*" entry. The filter is
	// then off, and the element need not be matched.
	all   bool
	n     uint8     // entries tested; with on and n 0 every entry never matches
	ends  [2]uint16 // the length of each entry's prefix
	words [2]uint64 // the last eight bytes of each entry's prefix, as word reads them
}

// resourceFilterWord is the shortest prefix a filter tests: one word.
const resourceFilterWord = 8

// newResourceFilter returns the filter of a Resource element: on for a
// Resource (not NotResource) element whose entries never match or have a
// literal prefix of at least a word, with at most two prefixes that do
// not start with another entry's prefix. A prefix that starts with
// another is left out: every resource that starts with it starts with the
// other, which the filter tests, so leaving it out rules out nothing
// more.
func newResourceFilter(s *resourceSet) resourceFilter {
	var f resourceFilter
	if !s.present {
		return resourceFilter{all: true}
	}
	if s.not {
		return f
	}
	ents := s.entries()
	for i := range ents {
		if ents[i].anyResource() {
			return resourceFilter{all: true} // resourceEntry.match
		}
	}
	for i := range ents {
		e := &ents[i]
		if !e.neverMatches() && (len(e.prefix()) < resourceFilterWord || len(e.prefix()) > 1<<16-1) {
			return resourceFilter{}
		}
	}
	for i := range ents {
		e := &ents[i]
		if e.neverMatches() || coveredPrefix(ents, i) {
			continue // matches nothing (resourceEntry.match), or needs no test
		}
		if int(f.n) == len(f.ends) {
			return resourceFilter{}
		}
		f.ends[f.n] = uint16(len(e.prefix()))
		f.words[f.n] = word(e.prefix(), len(e.prefix())-resourceFilterWord)
		f.n++
	}
	f.on = true
	return f
}

// coveredPrefix reports whether the prefix of entries[i] starts with the
// prefix of another entry that can match: a shorter one, or an equal one
// that comes first.
func coveredPrefix(entries []resourceEntry, i int) bool {
	p := entries[i].prefix()
	for j := range entries {
		q := &entries[j]
		if j != i && !q.neverMatches() && strings.HasPrefix(p, q.prefix()) && (len(q.prefix()) < len(p) || j < i) {
			return true
		}
	}
	return false
}

// rejects reports whether no entry can match the resource res: res does
// not start with any entry's prefix.
func (f *resourceFilter) rejects(res string) bool {
	if !f.on {
		return false
	}
	for i := range int(f.n) {
		end := int(f.ends[i])
		if len(res) >= end && word(res, end-resourceFilterWord) == f.words[i] {
			return false
		}
	}
	return true
}

// hit reports whether res has the last word of entry i's prefix in its
// place: without it, entry i cannot match res.
func (f *resourceFilter) hit(res string, i int) bool {
	end := int(f.ends[i])
	return len(res) >= end && word(res, end-resourceFilterWord) == f.words[i]
}

// word returns the eight bytes of s at i, little-endian; s must hold
// them.
func word(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
