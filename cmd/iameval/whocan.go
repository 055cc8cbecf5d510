package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/account"
)

const whoCanUsage = `Usage:
  iameval who-can --account EXPORT [flags] ACTION RESOURCE

Prints every user and role of the exported accounts that is allowed ACTION
on RESOURCE, one ARN per line, sorted. A role is evaluated as a session of
it. The resource's own policy takes part when --resource-policies gives it;
for sts:AssumeRole on a role, the role's trust policy from the export.

Flags:
` + accountFlagsUsage + `  --resource-account ID     the account owning a resource whose ARN names none
                            (default: the export's one account)
  --missing                 also print principals not allowed whose decision
                            depends on a context key the request lacks, as
                            "ARN ? key,key"
  --json                    print {"principals": [...]} with each principal's
                            decision, deciding statements and missing keys

Exit status: 0 when the question was answered, 2 for invalid usage or input.
`

// runWhoCan implements "iameval who-can".
func runWhoCan(args []string, stdout, stderr io.Writer) int {
	f := newFlags("who-can", whoCanUsage)
	var af accountFlags
	af.register(f)
	var ans answerFlags
	ans.register(f)
	pos, q, status, ok := af.parse(f, args, stdout, stderr, 2, "ACTION and RESOURCE")
	if !ok {
		return status
	}
	ans.apply(&q)
	accts, status, ok := af.load(f, stderr)
	if !ok {
		return status
	}
	seq, err := accts.WhoCan(pos[0], pos[1], q)
	if err != nil {
		fmt.Fprintf(stderr, "who-can: %v\n", err)
		return exitInvalid
	}
	return printResults(stdout, stderr, seq, ans.asJSON, "principals", func(r account.Result) string { return r.Principal.ARN })
}

// resultJSON is one result of --json.
type resultJSON struct {
	ARN         string                 `json:"arn,omitempty"`
	Action      string                 `json:"action,omitempty"`
	Resource    string                 `json:"resource"`
	Decision    iameval.Decision       `json:"decision"`
	Deciding    []iameval.StatementRef `json:"deciding,omitempty"`
	MissingKeys []string               `json:"missingKeys,omitempty"`
	Unchecked   int                    `json:"unchecked,omitempty"`
}

// printResults prints results one per line (name, then "? keys" for a
// result that depends on missing keys) or as JSON under key.
func printResults(stdout, stderr io.Writer, seq func(func(account.Result) bool), asJSON bool, key string, name func(account.Result) string) int {
	out := []resultJSON{}
	for r := range seq {
		if !asJSON {
			switch {
			case r.Decision == iameval.Allowed:
				fmt.Fprintln(stdout, name(r))
			case r.Unchecked > 0:
				fmt.Fprintf(stdout, "%s ? not decided: %d example resources not tried (account.CanBudget)\n", name(r), r.Unchecked)
			default:
				fmt.Fprintf(stdout, "%s ? %s\n", name(r), joinKeys(r.MissingKeys))
			}
			continue
		}
		j := resultJSON{Resource: r.Resource, Decision: r.Decision, MissingKeys: r.MissingKeys, Unchecked: r.Unchecked}
		if key == "principals" {
			j.ARN = r.Principal.ARN
		} else {
			j.Action = r.Action
		}
		if r.Explanation != nil {
			j.Deciding = r.Explanation.Deciding
		}
		out = append(out, j)
	}
	if asJSON {
		b, err := json.MarshalIndent(map[string]any{key: out}, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "%v\n", err)
			return exitInvalid
		}
		fmt.Fprintf(stdout, "%s\n", b)
	}
	return exitOK
}

// joinKeys joins context keys with commas.
func joinKeys(keys []string) string {
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += ","
		}
		s += k
	}
	return s
}
