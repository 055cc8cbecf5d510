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
	c.redundant(s.action, codeRedundantAction, strings.ToLower, actionCovers)
	c.redundant(s.resource, codeRedundantResource, func(s string) string { return s }, covers)
}

// redundant reports the entries of e that an earlier entry equals, or
// that another entry covers without being equal to it.
func (c *checker) redundant(e element, code string, norm func(string) string, covers func(a, b string) bool) {
	if !e.present || len(e.items) < 2 {
		return
	}
	n := make([]string, len(e.items))
	for i, it := range e.items {
		n[i] = norm(it.text)
	}
	for i, it := range e.items {
		for j, other := range e.items {
			if i == j {
				continue
			}
			switch {
			case n[i] == n[j] && j < i:
				c.add(code, it, "\""+it.text+"\" is listed twice (first at "+lineCol(other)+")", "remove this entry")
			case n[i] != n[j] && covers(n[j], n[i]):
				c.add(code, it, "\""+it.text+"\" is already covered by \""+other.text+"\"", "remove this entry")
			default:
				continue
			}
			break
		}
	}
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
	for i, s := range stmts {
		if !comparable(s) {
			continue
		}
		for j, o := range stmts {
			if i == j || !comparable(o) {
				continue
			}
			if o.effect == s.effect && samePrincipal(o, s) && sameConditions(o, s) &&
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
func coversAll(a, b []item, fold bool) bool {
	for _, x := range b {
		ok := false
		for _, y := range a {
			if fold && actionCovers(strings.ToLower(y.text), strings.ToLower(x.text)) || !fold && covers(y.text, x.text) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
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

// sameConditions reports whether two statements have the same condition
// clauses, compared as written and in any order.
func sameConditions(a, b *statement) bool {
	return slices.Equal(clauseTexts(a), clauseTexts(b))
}

// clauseTexts returns the clauses of s as sorted strings.
func clauseTexts(s *statement) []string {
	out := make([]string, 0, len(s.clauses))
	for _, cl := range s.clauses {
		out = append(out, cl.op.text+"\x00"+strings.ToLower(cl.key.text)+"\x00"+strings.Join(texts(cl.values), "\x00"))
	}
	slices.Sort(out)
	return out
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
