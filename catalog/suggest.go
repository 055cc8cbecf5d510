package catalog

import "strings"

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
	if a == b {
		return 0
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
