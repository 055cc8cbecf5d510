package policy

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
	names  []string   // lower-case service prefixes
	lists  []candList // lists[i] for names[i]
	other  candList
	byName map[string]*candList // the same lists, for policies naming many services
}

// candList is the list of candidates of one service. When the literal
// Action entries of the list name at most 64 distinct actions, lits holds
// them and bit i of a candidate's mask stands for lits[i] exactly, so that
// a mask with the request action's bit proves that the Action element
// holds. Otherwise hashed is set and masks hold actionBits, which only
// rule actions out.
type candList struct {
	cands  []candidate
	lits   []string // lower-case literal actions ("s3:getobject")
	hashes []uint64 // actionHash of lits
	hashed bool
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
// the services their action part can match.
func buildServiceLists(stmts []*Statement, cands []int32) serviceLists {
	var sl serviceLists
	for _, i := range cands {
		a := &stmts[i].actions
		for k := range a.entries {
			if svc := a.entries[k].service; !a.entries[k].any && sl.find(svc) < 0 {
				sl.names = append(sl.names, svc)
			}
		}
	}
	sl.lists = make([]candList, len(sl.names))
	var members []int32
	for k, svc := range sl.names {
		members = members[:0]
		for _, i := range cands {
			if stmts[i].actions.mayMatchService(svc) {
				members = append(members, i)
			}
		}
		sl.lists[k] = buildCandList(stmts, members, svc)
	}
	members = members[:0]
	for _, i := range cands {
		if stmts[i].actions.anyService() {
			members = append(members, i)
		}
	}
	// No entry names the service "" (compileAction), so the other list
	// has no literals: its statements hold by "*" or are NotAction.
	sl.other = buildCandList(stmts, members, "")
	if len(sl.names) >= serviceListsMapMin {
		sl.byName = make(map[string]*candList, len(sl.names))
		for k, svc := range sl.names {
			sl.byName[svc] = &sl.lists[k]
		}
	}
	return sl
}

// buildCandList returns the list of the statements members (ascending)
// for actions of the lower-case service svc ("" for a service no entry
// names).
func buildCandList(stmts []*Statement, members []int32, svc string) candList {
	var cl candList
	if len(members) == 0 {
		return cl
	}
	for _, i := range members {
		a := &stmts[i].actions
		if a.not {
			continue
		}
		for k := range a.entries {
			e := &a.entries[k]
			if e.full != "" && e.service == svc && cl.literal(e.full) < 0 {
				cl.lits = append(cl.lits, e.full)
				cl.hashes = append(cl.hashes, e.hash)
			}
		}
	}
	if len(cl.lits) > maxLiterals {
		cl.lits, cl.hashes, cl.hashed = nil, nil, true
	}
	cl.cands = make([]candidate, len(members))
	for j, i := range members {
		s := stmts[i]
		c := &cl.cands[j]
		c.stmt = i
		c.res = newResourceFilter(&s.resources)
		if cl.hashed {
			c.mask, c.act = s.actions.mask(), actHashed
			continue
		}
		c.mask, c.act = cl.rule(&s.actions, svc)
	}
	return cl
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
	for k, l := range cl.lits {
		if l == full {
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
	for k, h := range cl.hashes {
		if h == q.actionHash && q.isAction(cl.lits[k]) {
			return 1 << k
		}
	}
	return 0
}

// find returns the index of svc in names, or -1.
func (sl *serviceLists) find(svc string) int {
	for k, n := range sl.names {
		if n == svc {
			return k
		}
	}
	return -1
}

// lookup returns the statements that can match the action of the
// prepared request q.
func (sl *serviceLists) lookup(q *prepared) *candList {
	if sl.byName != nil {
		if list, ok := sl.byName[q.service]; ok {
			return list
		}
		return &sl.other
	}
	for k, n := range sl.names {
		if q.isService(n) {
			return &sl.lists[k]
		}
	}
	return &sl.other
}
