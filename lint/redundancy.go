package lint

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"

	"github.com/iameval/iameval/internal/firstseen"
)

// checkRedundantEntries reports Action and Resource entries that repeat
// another entry of the same element or that another entry covers
// (Access Analyzer's REDUNDANT_ACTION and REDUNDANT_RESOURCE). Actions
// compare case-insensitively, resources case-sensitively
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
func (c *checker) checkRedundantEntries(s *statement) {
	c.redundant(s.actionList(), codeRedundantAction)
	c.redundant(s.resourceList(), codeRedundantResource)
}

// redundant reports the entries of e that an earlier entry equals, or
// that another, wildcard, entry covers without being equal to it. Only
// wildcard entries can cover another, so the cost is the number of
// entries times the number of wildcard entries; past redundancyBudget
// such comparisons the check stops and says so (issue 15: a Resource
// list of 100,000 wildcard ARNs ran for minutes).
func (c *checker) redundant(e entryList, code string) {
	if !e.present || len(e.items) < 2 {
		return
	}
	first := firstseen.New(len(e.items))
	var globs []int
	for i, it := range e.items {
		if hasWildcard(it.text) {
			globs = append(globs, i)
		}
	}
	budget := redundancyBudget
	for i, it := range e.items {
		n := e.entry(i)
		if budget -= len(globs); budget < 0 {
			c.add(codeRedundancyIncomplete, it,
				"too many wildcard entries to compare: entries from this one on were not checked for redundancy",
				"split the list, or the statement")
			return
		}
		if j := first.Find(n, i, e.entry); j >= 0 {
			c.add(code, it, "\""+it.text+"\" is listed twice (first at "+c.lineCol(e.items[j])+")", "remove this entry")
			continue
		}
		for _, j := range globs {
			other := e.items[j]
			if m := e.entry(j); m != n && entryCovers(m, n, e.actions) {
				c.add(code, it, "\""+it.text+"\" is already covered by \""+other.text+"\"", "remove this entry")
				break
			}
		}
	}
}

// entryCovers reports whether entry a covers entry b (both as
// entryText returns them).
func entryCovers(a, b string, actions bool) bool {
	if actions {
		return actionCovers(a, b)
	}
	return covers(a, b)
}

// lineCol formats the position of it as "line:col".
func (c *checker) lineCol(it item) string {
	p := c.doc.pos(it.off)
	return itoa(p.Line) + ":" + itoa(p.Column)
}

// checkRedundantStatements reports a statement that another statement of
// the same effect, principal and condition covers entirely (Access
// Analyzer's REDUNDANT_STATEMENT), and an Allow that an unconditional Deny
// of the same policy covers, which therefore never grants anything
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
// Only statements with Action and Resource lists are compared; NotAction
// and NotResource are not.
//
// A statement is compared only with the statements that could cover it
// (see coverIndex), so that a policy of 100,000 distinct statements is
// checked in linear time rather than pair by pair. Past redundancyBudget
// comparisons the check stops and says so.
func (c *checker) checkRedundantStatements() {
	stmts := c.doc.stmts
	if len(stmts) < 2 {
		// Nothing to compare: a statement of 500,000 actions filed them
		// all in the index for nothing (issue 15).
		return
	}
	ok := make([]bool, len(stmts))
	prins := make([]string, len(stmts))
	for i, s := range stmts {
		if ok[i] = comparable(s); ok[i] {
			prins[i] = principalSignature(s)
		}
	}
	idx := newCoverIndex(stmts, ok)
	// Statements of the same effect, principals and condition share a
	// group; only those, and the unconditional Denies, can make a
	// statement redundant or shadow it.
	group := c.groupStatements(ok, prins)
	budget := redundancyBudget
	var cand []int32
	for i, s := range stmts {
		if !ok[i] {
			continue
		}
		cand = idx.candidates(s, cand[:0])
		// Gathering the candidates is work too: 100,000 identical
		// statements would each gather all the others (issue 15).
		if budget -= len(cand); budget < 0 {
			c.add(codeRedundancyIncomplete, item{off: s.off, stmt: s.at},
				"too many overlapping statements to compare: statements from this one on were not checked for redundancy",
				"split the policy, or merge statements that differ only in their Action or Resource")
			return
		}
		for _, j := range cand {
			o := stmts[j]
			if int(j) == i || group[j] != group[i] && (s.effect != "Allow" || o.effect != "Deny" || o.hasClause) {
				continue
			}
			if int(j) == i {
				continue
			}
			if budget -= len(o.action.items) + len(o.resource.items) + len(s.action.items) + len(s.resource.items); budget < 0 {
				c.add(codeRedundancyIncomplete, item{off: s.off, stmt: s.at},
					"too many overlapping statements to compare: statements from this one on were not checked for redundancy",
					"split the policy, or merge statements that differ only in their Action or Resource")
				return
			}
			if group[j] == group[i] &&
				coversAll(o.actionList(), s.actionList()) && coversAll(o.resourceList(), s.resourceList()) {
				// Of two identical statements, report the later one.
				if int(j) > i && coversAll(s.actionList(), o.actionList()) && coversAll(s.resourceList(), o.resourceList()) {
					continue
				}
				c.add(codeRedundantStatement, item{off: s.off, stmt: s.at},
					"the statement is redundant: "+o.path()+" has the same effect on every action and resource it covers",
					"remove the statement")
				break
			}
			if s.effect == "Allow" && o.effect == "Deny" && !o.hasClause && denyCoversPrincipal(o, s, prins[j] == prins[i]) &&
				coversAll(o.actionList(), s.actionList()) && coversAll(o.resourceList(), s.resourceList()) {
				c.add(codeShadowed, item{off: s.off, stmt: s.at},
					"the statement never allows anything: "+o.path()+" denies every action and resource it covers, without a condition",
					"remove the statement, or narrow the Deny")
				break
			}
		}
	}
}

// redundancyBudget bounds the work of checkRedundantStatements, counted
// in Action and Resource entries of the statements compared, and that of
// redundant, counted in the pairs of entries compared: a hostile policy
// whose statements or entries all overlap without covering each other
// would otherwise be compared pair by pair.
const redundancyBudget = 10_000_000

// groupRep is the first statement of a group, found by the hash of its
// effect, principals and condition.
type groupRep struct {
	stmt  int
	group int32
	sig   string // its condition signature, once another statement's hash matched
	known bool   // sig is set
}

// groupStatements numbers the comparable statements (ok) by effect,
// principal signature (prins) and condition signature: statements of one
// group have all three equal. Statements are found by a hash of the three
// made without the condition signature (see conditionHash): made for
// every statement, signatures were the largest part of what lint held
// for a condition of 100,000 keys (issue 15). A hash match is confirmed
// by comparing the signatures themselves, so that only equal statements
// share a group.
func (c *checker) groupStatements(ok []bool, prins []string) []int32 {
	stmts := c.doc.stmts
	group := make([]int32, len(stmts))
	hs := clauseHasher{seed: maphash.MakeSeed()}
	reps := map[uint64][]groupRep{}
	n := int32(0)
	var buf []string
	for i, s := range stmts {
		if !ok[i] {
			continue
		}
		h := groupHash(hs.seed, s.effect, prins[i], hs.condition(c.doc, s))
		list := reps[h]
		g := int32(-1)
		sig, known := "", false
		for k := range list {
			r := &list[k]
			o := stmts[r.stmt]
			if o.effect != s.effect || prins[r.stmt] != prins[i] {
				continue
			}
			if !known {
				sig, buf = conditionSignature(c.doc, s, buf)
				known = true
			}
			if !r.known {
				r.sig, buf = conditionSignature(c.doc, o, buf)
				r.known = true
			}
			if r.sig == sig {
				g = r.group
				break
			}
		}
		if g < 0 {
			g = n
			n++
			reps[h] = append(list, groupRep{stmt: i, group: g})
		}
		group[i] = g
	}
	return group
}

// groupHash hashes a statement's effect, principal signature and
// condition hash.
func groupHash(seed maphash.Seed, effect, prin string, cond uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(effect)
	h.WriteByte(0)
	h.WriteString(strconv.Itoa(len(prin)))
	h.WriteByte(':')
	h.WriteString(prin)
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], cond)
	h.Write(b[:])
	return h.Sum64()
}

// comparable reports whether the statement can be compared with others:
// an effect, and Action and Resource lists.
func comparable(s *statement) bool {
	return s.effect != "" && s.action.present && !s.action.not && len(s.action.items) > 0 &&
		s.resource.present && !s.resource.not && len(s.resource.items) > 0
}

// coversAll reports whether every entry of b is covered by an entry of a.
func coversAll(a, b entryList) bool {
	actions := a.actions
	if len(a.items) <= 16 {
	next1:
		for i := range b.items {
			t := b.entry(i)
			for j := range a.items {
				if u := a.entry(j); u == t || entryCovers(u, t, actions) {
					continue next1
				}
			}
			return false
		}
		return true
	}
	exact := make(map[string]bool, len(a.items))
	var globs []string
	for j := range a.items {
		t := a.entry(j)
		exact[t] = true
		if hasWildcard(t) {
			globs = append(globs, t)
		}
	}
next:
	for i := range b.items {
		t := b.entry(i)
		if exact[t] {
			continue
		}
		for _, g := range globs {
			if entryCovers(g, t, actions) {
				continue next
			}
		}
		return false
	}
	return true
}

// principalSignature returns the statement's principals, compared as
// written and in any order, as one string: two statements name the same
// principals when their signatures are equal.
func principalSignature(s *statement) string {
	var b strings.Builder
	switch {
	case !s.principal.present:
		b.WriteByte('-')
	case s.principal.not:
		b.WriteByte('!')
	default:
		b.WriteByte('+')
	}
	for _, t := range texts(s.principal.items) {
		b.WriteString(strconv.Itoa(len(t)))
		b.WriteByte(':')
		b.WriteString(t)
	}
	return b.String()
}

// denyCoversPrincipal reports whether the Deny d applies to every
// principal the Allow a names: d names no principals (identity-based
// policies), names "*", or names the same principals (same, computed by
// the caller from principalSignature).
func denyCoversPrincipal(d, a *statement, same bool) bool {
	if !d.principal.present {
		return !a.principal.present
	}
	return (!d.principal.not && d.principal.star) || same
}

// conditionSignature returns the statement's condition clauses as one
// string, so that two statements have the same condition, as written and
// in any order, when their signatures are equal. The values are read from
// the document; buf is scratch space for them, returned for reuse.
func conditionSignature(doc *document, s *statement, buf []string) (string, []string) {
	var out []string
	doc.clauses(s, func(cl clause) bool {
		buf = valueTexts(doc.src, cl.values, buf[:0])
		slices.Sort(buf)
		out = append(out, cl.op.text+"\x00"+strings.ToLower(cl.key.text)+"\x00"+strings.Join(buf, "\x00"))
		return true
	})
	clear(buf)
	if len(out) == 0 {
		return "", buf
	}
	slices.Sort(out)
	return strings.Join(out, "\x01"), buf
}

// texts returns the texts of items, sorted.
func texts(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	slices.Sort(out)
	return out
}
