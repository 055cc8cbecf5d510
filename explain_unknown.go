package iameval

import (
	"strconv"

	"github.com/iameval/iameval/condition"
)

// unknownClauses describes every recorded condition clause whose truth the
// request did not determine, with its statement and what that did.
func (c *collector) unknownClauses() []string {
	var out []string
	for i := range c.records {
		if c.records[i].full == 0 {
			continue // a brief result has no unknown clause
		}
		rec := c.record(i)
		if rec.res.Condition == nil {
			continue
		}
		for _, cr := range rec.res.Condition.Clauses {
			if !cr.Unknown {
				continue
			}
			line := ref(&rec).String() + ": " + cr.Operator + " " + strconv.Quote(cr.Key) + ": " + cr.Reason
			if src := alwaysKeySource(condition.NormalizeKey(cr.Key)); src != "" && cr.Missing {
				line += " (" + src + ")"
			}
			out = append(out, line)
		}
	}
	return out
}
