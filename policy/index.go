package policy

import "slices"

// index selects, for a request, the statements that can possibly apply
// so that a large policy costs little per request: each statement is filed once, under the literal
// prefixes of its Resource entries when it has a Resource element of ARN
// patterns with a literal partition and service, else under the service
// prefixes of its Action element when it has one without "*", else in the
// always-checked list. A statement filed under prefixes can only match a
// resource that starts with one of them; one filed under services only an
// action of one of them. Statements whose every Resource entry matches
// nothing are not filed at all.
//
// The statements in always and byService are looked up through svc, which
// lists them by the services their Action element can match, so that a
// request reads one list of candidates.
type index struct {
	always     []int32
	byService  map[string][]int32 // lower-case service prefix -> statements
	byPrefix   map[string][]int32 // literal resource prefix -> statements
	lengths    []int              // the distinct lengths of the keys of byPrefix, ascending
	principals bool               // the policy type has a Principal element
	names      bool               // some statement has a Principal or NotPrincipal element
	svc        serviceLists       // the statements of always and byService, by service
}

// indexMinStatements is the size from which a policy gets an index:
// matching a few statements one after the other is cheaper than looking
// them up.
const indexMinStatements = 16

// buildIndex files the statements; policies with fewer than minStatements
// statements put them all in the always-checked list.
func buildIndex(stmts []*Statement, principals bool, minStatements int) index {
	x := index{principals: principals}
	for _, s := range stmts {
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
	// The working lists live on the stack for typical policies; pairs
	// and svcPairs are sized at once, in one block, for larger ones.
	var unfiledBuf [64]int32
	var pairBuf, svcBuf [64]filing
	unfiled := unfiledBuf[:0] // statements not filed under a prefix, ascending
	pairs := pairBuf[:0]      // statements filed under prefixes, in statement order
	svcPairs := svcBuf[:0]    // unfiled statements filed under services, likewise
	if nr, na := countEntries(stmts); nr > len(pairBuf) || na > len(svcBuf) {
		block := make([]filing, nr+na)
		pairs, svcPairs = block[:0:nr], block[nr:nr]
	}
	for i, s := range stmts {
		n := int32(i)
		if s.resources.indexable() {
			first := len(pairs)
			for j := range s.resources.entries {
				e := &s.resources.entries[j]
				if !e.never && !slices.ContainsFunc(pairs[first:], func(f filing) bool { return f.prefix == e.prefix }) {
					pairs = append(pairs, filing{e.prefix, n})
				}
			}
			continue
		}
		unfiled = append(unfiled, n)
		if first, ok := appendServices(svcPairs, &s.actions, n); ok {
			svcPairs = first
			continue
		}
		x.always = append(x.always, n)
	}
	var lengths [16]int
	x.byPrefix, x.lengths = fileUnder(pairs, lengths[:0])
	x.byService, _ = fileUnder(svcPairs, nil)
	x.svc = buildServiceLists(stmts, unfiled)
	return x
}

// countEntries returns the number of Resource and Action entries of the
// statements: bounds on the filings buildIndex makes.
func countEntries(stmts []*Statement) (resources, actions int) {
	for _, s := range stmts {
		resources += len(s.resources.entries)
		actions += len(s.actions.entries)
	}
	return resources, actions
}

// appendServices appends to dst a filing of statement n under each
// distinct service prefix of its Action element, when the element has
// no "*" and is not a NotAction (see [actionSet.services]); it reports
// whether it did.
func appendServices(dst []filing, a *actionSet, n int32) ([]filing, bool) {
	if a.not || len(a.entries) == 0 {
		return dst, false
	}
	first := len(dst)
	for i := range a.entries {
		e := &a.entries[i]
		if e.any {
			return dst[:first], false
		}
		if !slices.ContainsFunc(dst[first:], func(f filing) bool { return f.prefix == e.service }) {
			dst = append(dst, filing{e.service, n})
		}
	}
	return dst, true
}

// filing is a statement filed under a literal resource prefix.
type filing struct {
	prefix string
	stmt   int32
}

// fileUnder builds a map from prefixes to the statements filed under
// them from pairs, which list each statement's distinct prefixes in
// statement order, and appends the distinct prefix lengths, ascending,
// to lengths when it is not nil. The map is sized up front and the lists
// are carved from one array (each with room for its first statement
// only, so that appending to a repeated prefix copies its list rather
// than overwrite the next one): a large policy costs a few allocations
// rather than one per prefix. No pairs give a nil map.
func fileUnder(pairs []filing, lengths []int) (map[string][]int32, []int) {
	if len(pairs) == 0 {
		return nil, nil
	}
	backing := make([]int32, len(pairs))
	m := make(map[string][]int32, len(pairs))
	for i, f := range pairs {
		if list, ok := m[f.prefix]; ok {
			m[f.prefix] = append(list, f.stmt)
			continue
		}
		backing[i] = f.stmt
		m[f.prefix] = backing[i : i+1 : i+1]
		if lengths != nil && !slices.Contains(lengths, len(f.prefix)) {
			lengths = append(lengths, len(f.prefix))
		}
	}
	if lengths == nil {
		return m, nil
	}
	slices.Sort(lengths)
	return m, slices.Clip(slices.Clone(lengths))
}
