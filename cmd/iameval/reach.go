package main

import (
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
the caller's identity side and the role's trust policy to allow.

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
		ARN  string   `json:"arn"`
		Path []string `json:"path"`
	}
	roles := []roleJSON{}
	for s := range accts.Reach(p, q) {
		if asJSON {
			roles = append(roles, roleJSON{s.Role.ARN, s.Path})
			continue
		}
		fmt.Fprintf(stdout, "%s\t%s\n", s.Role.ARN, strings.Join(s.Path, " -> "))
	}
	if asJSON {
		b, _ := json.MarshalIndent(map[string]any{"roles": roles}, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
	}
	return exitOK
}
