package policy

import (
	"slices"
	"sort"
)

// index selects, for a request, the statements that can possibly apply
// (design-notes.md §7): each statement is filed once, under the literal
// prefixes of its Resource entries when it has a Resource element of ARN
// patterns with a literal partition and service, else under the service
// prefixes of its Action element when it has one without "*", else in the
// always-checked list. A statement filed under prefixes can only match a
// resource that starts with one of them; one filed under services only an
// action of one of them. Statements whose every Resource entry matches
// nothing are not filed at all.
type index struct {
	always     []int32
	byService  map[string][]int32 // lower-case service prefix -> statements
	byPrefix   map[string][]int32 // literal resource prefix -> statements
	lengths    []int              // the distinct lengths of the keys of byPrefix, ascending
	principals bool               // the policy type has a Principal element
}

// indexMinStatements is the size from which a policy gets an index:
// matching a few statements one after the other is cheaper than looking
// them up.
const indexMinStatements = 16

// buildIndex files the statements; policies with fewer than minStatements
// statements put them all in the always-checked list.
func buildIndex(stmts []*Statement, principals bool, minStatements int) index {
	x := index{principals: principals}
	if len(stmts) < minStatements {
		x.always = make([]int32, len(stmts))
		for i := range stmts {
			x.always[i] = int32(i)
		}
		return x
	}
	for i, s := range stmts {
		n := int32(i)
		if prefixes, ok := s.resources.prefixes(); ok {
			for j, pre := range prefixes {
				if slices.Contains(prefixes[:j], pre) {
					continue
				}
				if x.byPrefix == nil {
					x.byPrefix = make(map[string][]int32)
				}
				if !slices.Contains(x.lengths, len(pre)) {
					x.lengths = append(x.lengths, len(pre))
				}
				x.byPrefix[pre] = append(x.byPrefix[pre], n)
			}
			continue
		}
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
	sort.Ints(x.lengths)
	return x
}
