package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

const reachUsage = `Usage:
  iameval reach --account EXPORT [flags] PRINCIPAL

Prints the roles of the exports that PRINCIPAL (a user or role ARN) can
become through chains of sts:AssumeRole, nearest first, one per line: the
role's ARN, then the path from PRINCIPAL ("A -> B -> ROLE"). Each step needs
the caller's identity side and the role's trust policy to allow. A path of
more than 12 ARNs shows its first and last 6 and how many are left out
between them ("(N more)"; with --json, "omitted": N). Reach decides at most
account.ReachBudget steps; past them every role not reached prints last as
"ROLE\t? not decided" ("undecided": true with --json): it may be reachable.

Flags:
` + accountFlagsUsage + `  --json                    print {"roles": [{"arn": ..., "path": [...]}, ...]}

Exit status: 0 when the question was answered, 2 for invalid usage or input.
`

// runReach implements "iameval reach".
func runReach(args []string, stdout, stderr io.Writer) int {
	f := newFlags("reach", reachUsage)
	var af accountFlags
	af.register(f)
	var asJSON bool
	f.BoolVar(&asJSON, "json", false, "")
	pos, q, status, ok := af.parse(f, args, stdout, stderr, 1, "one PRINCIPAL")
	if !ok {
		return status
	}
	accts, p, status, ok := af.loadPrincipal(f, stderr, pos[0])
	if !ok {
		return status
	}
	type roleJSON struct {
		ARN       string   `json:"arn"`
		Path      []string `json:"path"`
		Omitted   int      `json:"omitted,omitempty"`
		Undecided bool     `json:"undecided,omitempty"`
	}
	// Each role is written as it is reached, in the layout
	// json.MarshalIndent gives the whole list.
	w := bufio.NewWriter(stdout)
	if asJSON {
		w.WriteString("{\n  \"roles\": [")
	}
	n := 0
	for s := range accts.Reach(p, q) {
		head, tail, omitted := shownPath(s.Path)
		if head == nil {
			head = []string{} // an undecided role's path: "path": []
		}
		if asJSON {
			b, _ := json.MarshalIndent(roleJSON{s.Role.ARN, append(head[:len(head):len(head)], tail...), omitted, s.Undecided}, "    ", "  ")
			if n > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n    ")
			w.Write(b)
		} else if s.Undecided {
			w.WriteString(s.Role.ARN)
			w.WriteString("\t? not decided (account.ReachBudget)\n")
		} else {
			w.WriteString(s.Role.ARN)
			w.WriteByte('\t')
			w.WriteString(strings.Join(head, " -> "))
			if omitted > 0 {
				fmt.Fprintf(w, " -> (%d more) -> %s", omitted, strings.Join(tail, " -> "))
			}
			w.WriteByte('\n')
		}
		n++
	}
	if asJSON {
		if n > 0 {
			w.WriteString("\n  ")
		}
		w.WriteString("]\n}\n")
	}
	w.Flush()
	return exitOK
}

// reachPathEnds is how many ARNs reach shows at each end of a path longer
// than twice as many: a chain of n roles would otherwise print n² ARNs (a
// 9 MB export of 20,000 roles printed 8 GB; issue 15).
const reachPathEnds = 6

// shownPath returns what reach shows of path: all of it as head, or its
// first and last reachPathEnds ARNs and how many are left out between.
func shownPath(path []string) (head, tail []string, omitted int) {
	if len(path) <= 2*reachPathEnds {
		return path, nil, 0
	}
	return path[:reachPathEnds], path[len(path)-reachPathEnds:], len(path) - 2*reachPathEnds
}
