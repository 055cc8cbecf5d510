package policy

import (
	"slices"
	"sort"
)

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
	var unfiled []int32 // statements not filed under a prefix, ascending
	var pairs []filing  // statements filed under prefixes, in statement order
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
		if services, ok := s.actions.services(); ok {
			if x.byService == nil {
				x.byService = make(map[string][]int32)
			}
			for _, svc := range services {
				x.byService[svc] = append(x.byService[svc], n)
			}
			continue
		}
		x.always = append(x.always, n)
	}
	x.fileByPrefix(pairs)
	sort.Ints(x.lengths)
	x.svc = buildServiceLists(stmts, unfiled)
	return x
}

// filing is a statement filed under a literal resource prefix.
type filing struct {
	prefix string
	stmt   int32
}

// fileByPrefix builds byPrefix and lengths from pairs, which list each
// statement's distinct prefixes in statement order. The map is sized up
// front and the lists are carved from one array (each with room for its
// first statement only, so that appending to a repeated prefix copies its
// list rather than overwrite the next one): a large policy costs a few
// allocations rather than one per prefix.
func (x *index) fileByPrefix(pairs []filing) {
	if len(pairs) == 0 {
		return
	}
	backing := make([]int32, len(pairs))
	x.byPrefix = make(map[string][]int32, len(pairs))
	for i, f := range pairs {
		if list, ok := x.byPrefix[f.prefix]; ok {
			x.byPrefix[f.prefix] = append(list, f.stmt)
			continue
		}
		backing[i] = f.stmt
		x.byPrefix[f.prefix] = backing[i : i+1 : i+1]
		if !slices.Contains(x.lengths, len(f.prefix)) {
			x.lengths = append(x.lengths, len(f.prefix))
		}
	}
}
