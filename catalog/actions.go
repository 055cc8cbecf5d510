package catalog

import (
	"sort"
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// MatchActions returns every action a policy's action pattern matches,
// sorted by full name (case-insensitively). The pattern is matched as
// AWS matches the Action element
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
// case-insensitively, '*' matching any run of characters and '?' one;
// "*" alone is every action.
func (c *Catalog) MatchActions(pattern string) []*Action {
	lp := strings.ToLower(pattern)
	var out []*Action
	i := strings.IndexByte(lp, ':')
	if i >= 0 && !strings.ContainsAny(lp[:i], "*?") {
		// One service: scan it alone.
		s := c.byPrefix[lp[:i]]
		if s == nil {
			return nil
		}
		return s.match(lp[i+1:], out)
	}
	g := wildcard.Compile(lp)
	var buf []byte
	for k := range c.services {
		s := &c.services[k]
		for j := range s.Actions {
			a := &s.Actions[j]
			buf = appendLower(buf[:0], a.FullName)
			if g.Match(string(buf)) {
				out = append(out, a)
			}
		}
	}
	sortActions(out)
	return out
}

// MatchActions returns the service's actions whose name (without the
// prefix) matches the pattern, case-insensitively, sorted.
func (s *Service) MatchActions(pattern string) []*Action {
	return s.match(strings.ToLower(pattern), nil)
}

func (s *Service) match(lowerPattern string, out []*Action) []*Action {
	if !strings.ContainsAny(lowerPattern, "*?") {
		if a := s.actions[lowerPattern]; a != nil {
			out = append(out, a)
		}
		return out
	}
	g := wildcard.Compile(lowerPattern)
	var buf []byte
	for j := range s.Actions {
		a := &s.Actions[j]
		buf = appendLower(buf[:0], a.Name)
		if g.Match(string(buf)) {
			out = append(out, a)
		}
	}
	return out // Actions are sorted by name already
}

// sortActions sorts by full name, case-insensitively, then exactly.
func sortActions(l []*Action) {
	sort.Slice(l, func(i, j int) bool { return lessFold(l[i].FullName, l[j].FullName) })
}

func lessFold(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return ca < cb
		}
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// Actions returns every action of every service, sorted by full name.
func (c *Catalog) Actions() []*Action {
	n := 0
	for k := range c.services {
		n += len(c.services[k].Actions)
	}
	out := make([]*Action, 0, n)
	for k := range c.services {
		for j := range c.services[k].Actions {
			out = append(out, &c.services[k].Actions[j])
		}
	}
	sortActions(out)
	return out
}
