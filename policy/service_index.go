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
	names []keyed // lower-case service prefixes
	// seen has bit hash&63 set for the hash of every name: a request whose
	// service hash has its bit clear names none of them.
	seen   uint64
	lists  []candList // lists[i] for names[i]
	other  candList
	byName map[string]*candList // the same lists, for policies naming many services
}

// keyed is a lower-case text with its actionHash: a literal action of a
// candList, or a service name. For a literal of a narrow candList, set
// holds the candidates that can match the literal's action (see
// candList.sets).
type keyed struct {
	hash uint64
	text string
	set  uint64
}

// candList is the list of candidates of one service. When the literal
// Action entries of the list name at most 64 distinct actions, lits holds
// them and bit i of a candidate's mask stands for lits[i] exactly, so that
// a mask with the request action's bit proves that the Action element
// holds. Otherwise hashed is set and masks hold actionBits, which only
// rule actions out.
//
// A list of at most 64 candidates that is not hashed is narrow: bit i of
// a set stands for cands[i]. The set of lits[k] holds the candidates
// whose mask has bit k or whose rule is not actMask; loose holds those
// whose rule is not actMask, the only ones that can match an action no
// literal names. The fast path visits the candidates of one set only.
type candList struct {
	cands  []candidate
	lits   []keyed // lower-case literal actions ("s3:getobject")
	loose  uint64
	hashed bool
	narrow bool
}

// maxLiterals is the number of distinct literal actions a list can tell
// apart exactly: one mask bit each.
const maxLiterals = 64

// candidate is a statement in a serviceLists list, with what the list can
// say about its Action element without reading the statement: the mask of
// its literal entries for the list's service, and act, how the mask is
// read. res rules out, from the request's resource alone, most resources
// its Resource element does not match.
type candidate struct {
	mask uint64
	stmt int32
	act  actionRule
	res  resourceFilter
}

// actionRule says how the Action or NotAction element of a candidate is
// decided for an action of the list's service.
type actionRule uint8

const (
	// actMask: the element holds exactly when the mask has the request
	// action's bit (the element is Action, its entries for the service
	// are literal).
	actMask actionRule = iota
	// actAll: the element holds for every action of the service (Action
	// with "*" or "service:*").
	actAll
	// actCheck: when the mask lacks the bit, the element must be matched
	// (NotAction, or an entry with a wildcard in the name); a mask with
	// the bit still proves it holds.
	actCheck
	// actHashed: the list is hashed; a mask with the bit must be
	// matched, one without it rules the statement out.
	actHashed
)

// serviceListsMapMin is the number of services from which lists are also
// kept in a map: comparing a handful of short strings is cheaper than
// hashing one.
const serviceListsMapMin = 9

// maxListEntries bounds the candidates of the service lists of n
// statements. A statement that can match any service (NotAction, "*") is
// in every list, so that 100,000 of them and 100,000 service names would
// make 10^10 candidates (issue 15); past the bound the policy gets one
// list of every statement, each matched in full (see checkedList).
func maxListEntries(n int) int { return 8*n + 1<<16 }

// maxIndexedServices is the most service names a policy gets lists for:
// AWS has fewer than 500 service prefixes, and numbering 100,000 unknown
// ones took 15 MB (issue 15). Past it, as past maxListEntries, the policy
// gets one list of every statement.
const maxIndexedServices = 4096

// buildServiceLists files the statements listed in cands (ascending) by
// the services their action part can match. It reads each Action entry a
// fixed number of times, however many services the policy names: the
// lists are counted first and carved from one array, their literal
// actions and the service names from another, so that a policy costs a
// few allocations rather than one per list growth.
func buildServiceLists(stmts []Statement, cands []int32) serviceLists {
	var sl serviceLists
	if len(cands) == 1 {
		// One statement is matched in full: its lists would cost about
		// 160 bytes (four allocations) to tell a request's service from
		// its few entries (issue 15: 100,000 one-statement policies).
		sl.other = checkedList(stmts, cands)
		return sl
	}
	// The service names, in order of first appearance.
	var nameBuf [16]string
	names := serviceNames{list: nameBuf[:0]}
	for _, i := range cands {
		a := &stmts[i].actions
		ents := a.entries()
		for k := range ents {
			if e := &ents[k]; !e.isAny() {
				names = names.add(e.service())
			}
		}
		if len(names.list) > maxIndexedServices {
			sl.other = checkedList(stmts, cands)
			return sl
		}
	}
	n := len(names.list)
	// counts[k] is the length of list k, counts[n] that of other; lits[k]
	// bounds the number of literal actions of list k; last[k] is one
	// more than the last statement counted (then filed) in list k.
	var countBuf, litBuf, lastBuf [17]int
	counts, lits, last := countBuf[:], litBuf[:], lastBuf[:]
	if n+1 > len(countBuf) {
		block := make([]int, 3*(n+1))
		counts, lits, last = block[:n+1], block[n+1:2*(n+1)], block[2*(n+1):]
	}
	counts, lits, last = counts[:n+1], lits[:n+1], last[:n+1]
	anyCount, totalLits := 0, 0
	for _, i := range cands {
		a := &stmts[i].actions
		anySvc := a.anyService()
		if anySvc {
			anyCount++
		}
		ents := a.entries()
		for j := range ents {
			e := &ents[j]
			if e.isAny() {
				continue
			}
			k := names.index(e.service())
			if !anySvc && last[k] != int(i)+1 {
				last[k] = int(i) + 1
				counts[k]++
			}
			if !a.not && e.full() != "" && lits[k] <= maxLiterals {
				lits[k]++
				totalLits++
			}
		}
	}
	total := anyCount * (n + 1)
	for k := range n {
		total += counts[k]
		counts[k] += anyCount
	}
	counts[n] = anyCount
	if total == 0 {
		return sl
	}
	if total > maxListEntries(len(cands)) {
		sl.other = checkedList(stmts, cands)
		return sl
	}
	backing := make([]candidate, total)
	carve := func(n int) []candidate {
		l := backing[:0:n]
		backing = backing[n:]
		return l
	}
	keys := make([]keyed, n, n+totalLits)
	sl.other = candList{cands: carve(counts[n])}
	if n > 0 {
		sl.names = keys[:n]
		sl.lists = make([]candList, n)
		for k, svc := range names.list {
			sl.names[k] = keyed{hash: actionHash(svc), text: svc}
			sl.seen |= 1 << (sl.names[k].hash & 63)
			m := len(keys)
			keys = keys[:m+lits[k]]
			sl.lists[k] = candList{cands: carve(counts[k]), lits: keys[m : m : m+lits[k]]}
		}
	}
	// The literal actions of each list, in order of first appearance;
	// past maxLiterals the list is hashed.
	for _, i := range cands {
		a := &stmts[i].actions
		if a.not {
			continue
		}
		ents := a.entries()
		for j := range ents {
			e := &ents[j]
			if e.isAny() || e.full() == "" {
				continue
			}
			cl := &sl.lists[names.index(e.service())]
			if !cl.hashed && cl.literal(e.full()) < 0 {
				if len(cl.lits) == maxLiterals {
					cl.lits, cl.hashed = nil, true
					continue
				}
				cl.lits = append(cl.lits, keyed{hash: e.hash, text: e.full()})
			}
		}
	}
	// The candidates, in document order, with their rules (see
	// actionRule): for the list of a service, a literal entry of the
	// service sets its bit, "service:*" holds, another wildcard entry must
	// be matched, and entries of other services do not count.
	clear(last)
	for _, i := range cands {
		a := &stmts[i].actions
		res := newResourceFilter(&stmts[i].resources)
		mask := a.mask()
		if a.anyService() {
			// In every list, with the same rule in each unhashed one: a
			// NotAction element is matched, "*" holds.
			act := actAll
			if a.not {
				act = actCheck
			}
			sl.other.cands = append(sl.other.cands, candidate{stmt: i, res: res, act: act})
			for k := range sl.lists {
				c := candidate{stmt: i, res: res, act: act}
				if sl.lists[k].hashed {
					c.mask, c.act = mask, actHashed
				}
				sl.lists[k].cands = append(sl.lists[k].cands, c)
			}
			continue
		}
		ents := a.entries()
		for j := range ents {
			e := &ents[j]
			k := names.index(e.service())
			cl := &sl.lists[k]
			if last[k] != int(i)+1 {
				last[k] = int(i) + 1
				c := candidate{stmt: i, res: res}
				if cl.hashed {
					c.mask, c.act = mask, actHashed
				}
				cl.cands = append(cl.cands, c)
			}
			c := &cl.cands[len(cl.cands)-1]
			switch {
			case c.act == actHashed || c.act == actAll:
			case e.full() != "":
				c.mask |= 1 << cl.literal(e.full())
			case matchesAnyName(e):
				c.mask, c.act = 0, actAll
			default:
				c.act = actCheck
			}
		}
	}
	sl.other.fillSets()
	for k := range sl.lists {
		sl.lists[k].fillSets()
	}
	if n >= serviceListsMapMin {
		sl.byName = make(map[string]*candList, n)
		for k, svc := range names.list {
			sl.byName[svc] = &sl.lists[k]
		}
	}
	return sl
}

// checkedList is the one list of a policy whose service lists would be
// too long: every statement of cands, its Action element matched in full.
func checkedList(stmts []Statement, cands []int32) candList {
	cl := candList{cands: make([]candidate, len(cands))}
	for j, i := range cands {
		cl.cands[j] = candidate{stmt: i, act: actCheck, res: newResourceFilter(&stmts[i].resources)}
	}
	cl.fillSets()
	return cl
}

// serviceNames numbers the service names of a policy's Action entries in
// order of first appearance: a few are compared one by one, many are
// found in a map. Its list may be on the caller's stack.
type serviceNames struct {
	list []string
	byID map[string]int // set past 16 names
}

// add numbers svc when it is new.
func (s serviceNames) add(svc string) serviceNames {
	if s.byID == nil {
		if slices.Contains(s.list, svc) {
			return s
		}
		s.list = append(s.list, svc)
		if len(s.list) > 16 {
			s.byID = make(map[string]int, 2*len(s.list))
			for k, n := range s.list {
				s.byID[n] = k
			}
		}
		return s
	}
	if _, ok := s.byID[svc]; !ok {
		s.byID[svc] = len(s.list)
		s.list = append(s.list, svc)
	}
	return s
}

// index returns the number of svc, which add numbered.
func (s serviceNames) index(svc string) int {
	if s.byID != nil {
		return s.byID[svc]
	}
	return slices.Index(s.list, svc)
}

// fillSets sets narrow, loose and the sets of the literals of a list
// whose masks and rules are final.
func (cl *candList) fillSets() {
	if cl.hashed || len(cl.cands) > 64 {
		return
	}
	cl.narrow = true
	for i := range cl.cands {
		c := &cl.cands[i]
		if c.act != actMask {
			cl.loose |= 1 << i
		}
	}
	for k := range cl.lits {
		set := cl.loose
		for i := range cl.cands {
			if cl.cands[i].mask&(1<<k) != 0 {
				set |= 1 << i
			}
		}
		cl.lits[k].set = set
	}
}

// matchesAnyName reports whether the name glob of e matches every action
// name: "service:*".
func matchesAnyName(e *actionEntry) bool {
	p, ok := e.namePattern().PrefixOnly()
	return ok && p == ""
}

// literal returns the index of the lower-case action full in lits, or -1.
func (cl *candList) literal(full string) int {
	for k := range cl.lits {
		if cl.lits[k].text == full {
			return k
		}
	}
	return -1
}

// bit returns the mask bit of the action of q: in a hashed list its
// actionBit, else the bit of its literal, 0 when no entry names it.
func (cl *candList) bit(q *prepared) uint64 {
	if cl.hashed {
		return q.actionBit
	}
	for k := range cl.lits {
		if l := &cl.lits[k]; l.hash == q.actionHash && q.isAction(l.text) {
			return 1 << k
		}
	}
	return 0
}

// find returns, for a narrow list, the candidates that can match the
// action of q (see candList) and the mask bit of its literal, 0 when no
// literal names it.
func (cl *candList) find(q *prepared) (set, bit uint64) {
	for k := range cl.lits {
		if l := &cl.lits[k]; l.hash == q.actionHash && q.isAction(l.text) {
			return l.set, 1 << k
		}
	}
	return cl.loose, 0
}

// lookup returns the statements that can match the action of the
// prepared request q.
func (sl *serviceLists) lookup(q *prepared) *candList {
	if sl.seen&(1<<(q.serviceHash&63)) == 0 {
		return &sl.other
	}
	if sl.byName != nil {
		if list, ok := sl.byName[q.service]; ok {
			return list
		}
		return &sl.other
	}
	for k := range sl.names {
		if n := &sl.names[k]; n.hash == q.serviceHash && q.isService(n.text) {
			return &sl.lists[k]
		}
	}
	return &sl.other
}
