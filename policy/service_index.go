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

// buildServiceLists files the statements listed in cands (ascending) by
// the services their action part can match. The lists are counted first
// and carved from one array, their literal actions and the service names
// from another, so that a policy costs a few allocations rather than one
// per list growth.
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
	// counts[k] is the length of list k, counts[len(names)] that of
	// other; lits[k] bounds the number of literal actions of list k.
	var countBuf, litBuf [17]int
	counts, lits := countBuf[:], litBuf[:]
	if len(names)+1 > len(countBuf) {
		block := make([]int, 2*(len(names)+1))
		counts, lits = block[:len(names)+1], block[len(names)+1:]
	}
	counts, lits = counts[:len(names)+1], lits[:len(names)+1]
	total, totalLits := 0, 0
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
		if a.not {
			continue
		}
		for j := range a.entries {
			if e := &a.entries[j]; e.full != "" {
				lits[slices.Index(names, e.service)]++
				totalLits++
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
	keys := make([]keyed, len(names), len(names)+totalLits)
	carveKeys := func(n int) []keyed {
		l := keys[len(keys) : len(keys) : len(keys)+n]
		keys = keys[:len(keys)+n]
		return l
	}
	// No entry names the service "" (compileAction), so the other list
	// has no literals: its statements hold by "*" or are NotAction.
	sl.other = buildCandList(stmts, cands, "", carve(counts[len(names)]), nil)
	if len(names) > 0 {
		sl.names = keys[:len(names)]
		sl.lists = make([]candList, len(names))
		for k, svc := range names {
			sl.names[k] = keyed{hash: actionHash(svc), text: svc}
			sl.seen |= 1 << (sl.names[k].hash & 63)
			sl.lists[k] = buildCandList(stmts, cands, svc, carve(counts[k]), carveKeys(lits[k]))
		}
	}
	if len(names) >= serviceListsMapMin {
		sl.byName = make(map[string]*candList, len(names))
		for k, svc := range names {
			sl.byName[svc] = &sl.lists[k]
		}
	}
	return sl
}

// buildCandList returns the list, for actions of the lower-case service
// svc ("" for a service no entry names), of the statements of cands
// (ascending) whose action part may match them, in cands, which has room
// for them; lits has room for the list's literal actions.
func buildCandList(stmts []*Statement, cands []int32, svc string, list []candidate, lits []keyed) candList {
	cl := candList{lits: lits}
	for _, i := range cands {
		a := &stmts[i].actions
		if svc == "" && !a.anyService() || svc != "" && !a.mayMatchService(svc) {
			continue
		}
		list = append(list, candidate{stmt: i, res: newResourceFilter(&stmts[i].resources)})
		if a.not {
			continue
		}
		for k := range a.entries {
			e := &a.entries[k]
			if e.full != "" && e.service == svc && cl.literal(e.full) < 0 {
				cl.lits = append(cl.lits, keyed{hash: e.hash, text: e.full})
			}
		}
	}
	cl.cands = list
	if len(cl.lits) > maxLiterals {
		cl.lits, cl.hashed = nil, true
	}
	for j := range cl.cands {
		c := &cl.cands[j]
		a := &stmts[c.stmt].actions
		if cl.hashed {
			c.mask, c.act = a.mask(), actHashed
			continue
		}
		c.mask, c.act = cl.rule(a, svc)
	}
	cl.fillSets()
	return cl
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

// rule returns the mask and rule of the action part a for the list's
// service svc, whose literals are already in cl.lits.
func (cl *candList) rule(a *actionSet, svc string) (uint64, actionRule) {
	if a.not {
		return 0, actCheck
	}
	var mask uint64
	act := actMask
	for k := range a.entries {
		e := &a.entries[k]
		switch {
		case e.any:
			return 0, actAll
		case e.service != svc:
			// Matches no action of svc (the request's service is svc).
		case e.full != "":
			mask |= 1 << cl.literal(e.full)
		case matchesAnyName(e):
			return 0, actAll
		default:
			act = actCheck
		}
	}
	return mask, act
}

// matchesAnyName reports whether the name glob of e matches every action
// name: "service:*".
func matchesAnyName(e *actionEntry) bool {
	p, ok := e.name.PrefixOnly()
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
