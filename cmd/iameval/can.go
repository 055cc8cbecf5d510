package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/iameval/iameval/account"
	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/scenario"
)

const canUsage = `Usage:
  iameval can --account EXPORT [flags] PRINCIPAL

Prints the actions of the catalogue that PRINCIPAL (a user or role ARN of
the exports; a role is evaluated as a session of it) is allowed, one per
line, sorted: on --resource when given (its own policy taking part), else
on some resource ("*", or a resource its identity-based Allow statements
name for the action's service). Trying those resources stops after a budget
of policy evaluations (account.CanBudget; a tenth of it for one action): an
action not found allowed by then prints as "ACTION ? not decided: N example
resources not tried" ("unchecked": N with --json).

Flags:
` + accountFlagsUsage + `  --resource ARN            the resource to evaluate every action on
  --resource-account ID     the account owning a resource whose ARN names none
  --actions FILE            the actions to try, one per line, instead of the catalogue
  --missing                 also print actions not allowed whose decision depends
                            on a missing context key, as "ACTION ? key,key"
  --json                    print {"actions": [...]} with each action's resource,
                            decision, deciding statements and missing keys

Exit status: 0 when the question was answered, 2 for invalid usage or input.
`

// catalogActions returns every action of the embedded catalogue.
func catalogActions() []string {
	all := catalog.Default().Actions()
	out := make([]string, len(all))
	for i, a := range all {
		out[i] = a.FullName
	}
	return out
}

// runCan implements "iameval can".
func runCan(args []string, stdout, stderr io.Writer) int {
	f := newFlags("can", canUsage)
	var af accountFlags
	af.register(f)
	var ans answerFlags
	ans.register(f)
	var resource, actionsFile string
	f.StringVar(&resource, "resource", "", "")
	f.StringVar(&actionsFile, "actions", "", "")
	pos, q, status, ok := af.parse(f, args, stdout, stderr, 1, "one PRINCIPAL")
	if !ok {
		return status
	}
	ans.apply(&q)
	var actions []string
	switch {
	case actionsFile != "":
		var err error
		if actions, err = readActions(actionsFile); err != nil {
			fmt.Fprintf(stderr, "can: %v\n", err)
			return exitInvalid
		}
	default:
		actions = catalogActions()
	}
	slices.SortFunc(actions, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	accts, p, status, ok := af.loadPrincipal(f, stderr, pos[0])
	if !ok {
		return status
	}
	seq, err := accts.Can(p, resource, actions, q)
	if err != nil {
		fmt.Fprintf(stderr, "can: %v\n", err)
		return exitInvalid
	}
	return printResults(stdout, stderr, seq, ans.asJSON, "actions", func(r account.Result) string { return r.Action })
}

// readActions reads one action per line ("-" for standard input), skipping
// blank lines and # comments.
func readActions(name string) ([]string, error) {
	var src []byte
	var err error
	if name == "-" {
		src, err = scenario.ReadLimited("<stdin>", os.Stdin)
	} else {
		src, err = scenario.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, nil
}
