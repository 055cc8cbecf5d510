package policy

import "slices"

// serviceLists holds, for every service prefix named in a policy's Action
// elements, the statements that can match an action of that service, in
// document order; other lists the statements that can match an action of
// a service the policy does not name. The fast path reads one list per
// request instead of checking the Action element of every statement.
//
// The lists only leave out statements whose action part cannot hold for
// the request's service (an Action element without "*" and without an
// entry for the service), so they never change an outcome.
type serviceLists struct {
	names  []string      // lower-case service prefixes
	lists  [][]candidate // lists[i] for names[i]
	other  []candidate
	byName map[string][]candidate // the same lists, for policies naming many services
}

// candidate is a statement in a serviceLists list, with the action mask
// of its Action element: a statement whose mask lacks the request's
// actionBit cannot match the action and is skipped without being read.
type candidate struct {
	mask uint64
	stmt int32
}

// serviceListsMapMin is the number of services from which lists are also
// kept in a map: comparing a handful of short strings is cheaper than
// hashing one.
const serviceListsMapMin = 9

// buildServiceLists files the statements listed in cands (ascending) by
// the services their action part can match. The lists are counted first
// and carved from one array, so that a policy costs a few allocations
// rather than one per list growth.
func buildServiceLists(stmts []*Statement, cands []int32) serviceLists {
	var sl serviceLists
	var nameBuf [16]string
	names := nameBuf[:0]
	for _, i := range cands {
		a := &stmts[i].actions
		for k := range a.entries {
			if svc := a.entries[k].service; !a.entries[k].any && !slices.Contains(names, svc) {
				names = append(names, svc)
			}
		}
	}
	// counts[k] is the length of list k, counts[len(names)] that of other.
	var countBuf [17]int
	counts := countBuf[:]
	if len(names)+1 > len(countBuf) {
		counts = make([]int, len(names)+1)
	}
	counts = counts[:len(names)+1]
	total := 0
	for _, i := range cands {
		a := &stmts[i].actions
		if a.anyService() {
			counts[len(names)]++
			total++
		}
		for k, svc := range names {
			if a.mayMatchService(svc) {
				counts[k]++
				total++
			}
		}
	}
	if total == 0 {
		return sl
	}
	backing := make([]candidate, total)
	carve := func(n int) []candidate {
		if n == 0 {
			return nil
		}
		l := backing[:0:n]
		backing = backing[n:]
		return l
	}
	if len(names) > 0 {
		sl.names = slices.Clone(names)
		sl.lists = make([][]candidate, len(names))
		for k := range names {
			sl.lists[k] = carve(counts[k])
		}
	}
	sl.other = carve(counts[len(names)])
	for _, i := range cands {
		a := &stmts[i].actions
		c := candidate{mask: a.mask(), stmt: i}
		if a.anyService() {
			sl.other = append(sl.other, c)
		}
		for k, svc := range sl.names {
			if a.mayMatchService(svc) {
				sl.lists[k] = append(sl.lists[k], c)
			}
		}
	}
	if len(sl.names) >= serviceListsMapMin {
		sl.byName = make(map[string][]candidate, len(sl.names))
		for k, svc := range sl.names {
			sl.byName[svc] = sl.lists[k]
		}
	}
	return sl
}

// lookup returns the statements that can match the action of the
// prepared request q.
func (sl *serviceLists) lookup(q *prepared) []candidate {
	if sl.byName != nil {
		if list, ok := sl.byName[q.service]; ok {
			return list
		}
		return sl.other
	}
	for k, n := range sl.names {
		if q.isService(n) {
			return sl.lists[k]
		}
	}
	return sl.other
}
