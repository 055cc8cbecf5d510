package scenario

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/iameval/iameval"
)

// String renders c as the text `iameval test --coverage` prints: a summary
// line, then every statement that decided no case, each followed by its
// condition clauses that decided no case.
//
//	coverage: 3 cases; 2 of 3 statements and 0 of 2 condition clauses decided a case
//	never decided:
//	  identity Reports Statement[1] "WriteFromOffice" (Allow) at policies/reports.json:10:5 (consulted by 3 cases)
//	    clause IpAddress "aws:SourceIp" at policies/reports.json:13:22
//
// A statement whose clauses all decided a case (each kept it from changing
// a decision) is listed without clause lines.
func (c *Coverage) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "coverage: %s; %d of %d statements and %d of %d condition clauses decided a case\n",
		plural(c.Cases, "case"), c.Statements.Decided, c.Statements.Total, c.Clauses.Decided, c.Clauses.Total)
	header := false
	for _, p := range c.Policies {
		for _, s := range p.Statements {
			if s.Decided > 0 {
				continue
			}
			if !header {
				b.WriteString("never decided:\n")
				header = true
			}
			ref := iameval.StatementRef{PolicyID: p.ID, PolicyType: p.Type, Index: s.Index, Sid: s.Sid, Effect: s.Effect, Pos: s.Pos}
			consulted := "never consulted"
			if s.Consulted > 0 {
				consulted = "consulted by " + plural(s.Consulted, "case")
			}
			fmt.Fprintf(&b, "  %s (%s)\n", ref, consulted)
			for _, cl := range s.Clauses {
				if cl.Decided == 0 {
					fmt.Fprintf(&b, "    clause %s %s at %s\n", cl.Operator, strconv.Quote(cl.Key), cl.Pos)
				}
			}
		}
	}
	return b.String()
}

// WriteTo writes the text of [Coverage.String] to w.
func (c *Coverage) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, c.String())
	return int64(n), err
}

// plural renders "1 case", "2 cases".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
