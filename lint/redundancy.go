package lint

import (
	"slices"
	"strings"
)

// checkRedundantEntries reports Action and Resource entries that repeat
// another entry of the same element or that another entry covers
// (Access Analyzer's REDUNDANT_ACTION and REDUNDANT_RESOURCE). Actions
// compare case-insensitively, resources case-sensitively
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
func (c *checker) checkRedundantEntries(s *statement) {
	c.redundant(s.action, codeRedundantAction, true)
	c.redundant(s.resource, codeRedundantResource, false)
}

// redundant reports the entries of e that an earlier entry equals, or
// that another, wildcard, entry covers without being equal to it. Only
// wildcard entries can cover another, so the cost is the number of
// entries times the number of wildcard entries.
func (c *checker) redundant(e element, code string, actions bool) {
	if !e.present || len(e.items) < 2 {
		return
	}
	first := make(map[string]int, len(e.items))
	var globs []int
	for i, it := range e.items {
		if hasWildcard(it.text) {
			globs = append(globs, i)
		}
	}
	for i, it := range e.items {
		n := entryText(it, actions)
		if j, dup := first[n]; dup {
			c.add(code, it, "\""+it.text+"\" is listed twice (first at "+lineCol(e.items[j])+")", "remove this entry")
			continue
		}
		first[n] = i
		for _, j := range globs {
			other := e.items[j]
			if m := entryText(other, actions); m != n && entryCovers(m, n, actions) {
				c.add(code, it, "\""+it.text+"\" is already covered by \""+other.text+"\"", "remove this entry")
				break
			}
		}
	}
}

// entryText is the text entries compare by: lower case for actions.
func entryText(it item, actions bool) string {
	if actions {
		return it.lower
	}
	return it.text
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
func lineCol(it item) string {
	return itoa(it.pos.Line) + ":" + itoa(it.pos.Column)
}

// checkRedundantStatements reports a statement that another statement of
// the same effect, principal and condition covers entirely (Access
// Analyzer's REDUNDANT_STATEMENT), and an Allow that an unconditional Deny
// of the same policy covers, which therefore never grants anything
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
// Only statements with Action and Resource lists are compared; NotAction
// and NotResource are not.
func (c *checker) checkRedundantStatements() {
	stmts := c.doc.stmts
	sigs := make([]string, len(stmts))
	for i, s := range stmts {
		sigs[i] = conditionSignature(s)
	}
	for i, s := range stmts {
		if !comparable(s) {
			continue
		}
		for j, o := range stmts {
			if i == j || !comparable(o) {
				continue
			}
			if o.effect == s.effect && samePrincipal(o, s) && sigs[i] == sigs[j] &&
				coversAll(o.action.items, s.action.items, true) && coversAll(o.resource.items, s.resource.items, false) {
				// Of two identical statements, report the later one.
				if j > i && coversAll(s.action.items, o.action.items, true) && coversAll(s.resource.items, o.resource.items, false) {
					continue
				}
				c.add(codeRedundantStatement, item{pos: s.pos, path: s.path},
					"the statement is redundant: "+o.path+" has the same effect on every action and resource it covers",
					"remove the statement")
				break
			}
			if s.effect == "Allow" && o.effect == "Deny" && len(o.clauses) == 0 && denyCoversPrincipal(o, s) &&
				coversAll(o.action.items, s.action.items, true) && coversAll(o.resource.items, s.resource.items, false) {
				c.add(codeShadowed, item{pos: s.pos, path: s.path},
					"the statement never allows anything: "+o.path+" denies every action and resource it covers, without a condition",
					"remove the statement, or narrow the Deny")
				break
			}
		}
	}
}

// comparable reports whether the statement can be compared with others:
// an effect, and Action and Resource lists.
func comparable(s *statement) bool {
	return s.effect != "" && s.action.present && !s.action.not && len(s.action.items) > 0 &&
		s.resource.present && !s.resource.not && len(s.resource.items) > 0
}

// coversAll reports whether every entry of b is covered by an entry of a.
func coversAll(a, b []item, actions bool) bool {
	exact := make(map[string]bool, len(a))
	var globs []string
	for _, y := range a {
		t := entryText(y, actions)
		exact[t] = true
		if hasWildcard(t) {
			globs = append(globs, t)
		}
	}
next:
	for _, x := range b {
		t := entryText(x, actions)
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

// samePrincipal reports whether two statements name the same principals,
// compared as written.
func samePrincipal(a, b *statement) bool {
	if a.principal.present != b.principal.present || a.principal.not != b.principal.not {
		return false
	}
	return slices.Equal(texts(a.principal.items), texts(b.principal.items))
}

// denyCoversPrincipal reports whether the Deny d applies to every
// principal the Allow a names: d names no principals (identity-based
// policies), names "*", or names the same principals.
func denyCoversPrincipal(d, a *statement) bool {
	if !d.principal.present {
		return !a.principal.present
	}
	return (!d.principal.not && d.principal.star) || samePrincipal(d, a)
}

// conditionSignature returns the statement's condition clauses as one
// string, so that two statements have the same condition, as written and
// in any order, when their signatures are equal.
func conditionSignature(s *statement) string {
	out := make([]string, 0, len(s.clauses))
	for _, cl := range s.clauses {
		out = append(out, cl.op.text+"\x00"+strings.ToLower(cl.key.text)+"\x00"+strings.Join(texts(cl.values), "\x00"))
	}
	slices.Sort(out)
	return strings.Join(out, "\x01")
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
