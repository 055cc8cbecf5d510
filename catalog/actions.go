package catalog

import (
	"sort"
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// MatchActions returns every action a policy's action pattern matches,
// sorted by full name (case-insensitively). The pattern is matched as
// the engine matches the Action element
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
// "*" alone is every action; otherwise "service:name", the service
// compared literally and the name as a glob ('*' any run of characters,
// '?' one), both case-insensitively.
func (c *Catalog) MatchActions(pattern string) []*Action {
	out := c.appendMatches(nil, strings.ToLower(pattern))
	sortActions(out)
	return out
}

// appendMatches appends the actions the lower-case pattern matches, in
// catalogue order (by service, then name). The service prefix is compared
// literally, as the engine does (package policy warns about a wildcard
// there); only "*" alone stands for every service.
func (c *Catalog) appendMatches(out []*Action, lp string) []*Action {
	if lp == "*" {
		for k := range c.services {
			for j := range c.services[k].Actions {
				out = append(out, &c.services[k].Actions[j])
			}
		}
		return out
	}
	i := strings.IndexByte(lp, ':')
	if i <= 0 {
		return out
	}
	s := c.byPrefix[lp[:i]]
	if s == nil {
		return out
	}
	return s.match(lp[i+1:], out)
}

// MatchActions returns the service's actions whose name (without the
// prefix) matches the pattern, case-insensitively, sorted.
func (s *Service) MatchActions(pattern string) []*Action {
	return s.match(strings.ToLower(pattern), nil)
}

func (s *Service) match(lowerPattern string, out []*Action) []*Action {
	if !strings.ContainsAny(lowerPattern, "*?") {
		if a := s.Action(lowerPattern); a != nil {
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
