package catalog

import (
	"strings"

	"github.com/iameval/iameval/internal/editdist"
)

// Suggest returns the service's action whose name is closest to name
// (case-insensitive edit distance: insertions, deletions, substitutions
// and swaps of neighbours), for a "did you mean" hint; nil when none is
// within a third of the name's length (at least 1, at most 4 edits).
func (s *Service) Suggest(name string) *Action {
	ln := strings.ToLower(name)
	limit := len(ln) / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 4 {
		limit = 4
	}
	var best *Action
	bestD := limit + 1
	var buf []byte
	for i := range s.Actions {
		a := &s.Actions[i]
		if d := len(a.Name) - len(ln); d > bestD || -d > bestD {
			continue
		}
		buf = appendLower(buf[:0], a.Name)
		if d := distance(ln, string(buf), bestD); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// CheckAction returns "" when action ("s3:GetObject") is an action of
// the catalogue, else a sentence saying why not, with a suggestion when
// one is close: "s3:GetObjcet is not an action of Amazon S3 (did you mean
// s3:GetObject?)". The engine's explanations use it through
// iameval.ExplainOptions.CheckAction.
func (c *Catalog) CheckAction(action string) string {
	if c.Action(action) != nil {
		return ""
	}
	i := strings.IndexByte(action, ':')
	if i <= 0 {
		return action + " is not an action: actions are written service:Action"
	}
	s := c.Service(action[:i])
	if s == nil {
		return action + " is not an action: " + action[:i] + " is not a service prefix of AWS's Service Authorization Reference (data of " + c.date + ")"
	}
	msg := action + " is not an action of " + s.Name
	if a := s.Suggest(action[i+1:]); a != nil {
		msg += " (did you mean " + a.FullName + "?)"
	}
	return msg
}

// distance is the optimal string alignment distance of a and b, or
// max+1 when it exceeds max.
func distance(a, b string, max int) int {
	return editdist.Distance(a, b, max+1)
}
