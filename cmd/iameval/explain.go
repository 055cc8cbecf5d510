package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/scenario"
)

const explainUsage = `Usage:
  iameval explain [--json] [--case NAME] SCENARIO-FILE
  iameval explain [--json] --principal PRINCIPAL --action ACTION --resource RESOURCE
                  [--resource-account ACCOUNT] [--context KEY=VALUE]...
                  [--policy FILE]... [--session FILE]... [--boundary FILE]
                  [--resource-policy FILE] [--scp FILE[,FILE...]]...
                  [--rcp FILE[,FILE...]]... [--vpc-endpoint FILE]...

Evaluates one request and prints the decision with the explanation: the
statements that decided it (policy, statement, Sid, file:line:col), the
policy types that lacked an allow, the closest statements and the context
keys the policies needed that the request did not carry.

The first form explains one case of a scenario file; --case may be left out
when the file has a single case. The second form builds the request from
flags; policy files are raw policy documents.

Flags:
  --case NAME              the scenario case to explain
  --principal PRINCIPAL    the caller: an ARN, a service principal name, "*"
                           or "anonymous", or a principal object of the
                           scenario format as JSON, e.g.
                           '{"type": "IAMUser", "arn": "...", "id": "AIDA..."}'
  --action ACTION          the action, service:Name (s3:GetObject)
  --resource RESOURCE      the resource ARN, or "*"
  --resource-account ID    the account that owns the resource (default: the
                           ARN's account, else the principal's)
  --context KEY=VALUE      a request-context key (repeatable); repeating a
                           key makes it multivalued, and a VALUE that is a
                           JSON list (["a","b"]) is a multivalued key too
  --policy FILE            an identity-based policy (repeatable)
  --session FILE           a session policy (repeatable)
  --boundary FILE          the permissions boundary
  --resource-policy FILE   the resource-based policy (bucket, key, trust ...)
  --scp FILE[,FILE...]     one SCP level, organization root first (repeatable)
  --rcp FILE[,FILE...]     one RCP level, organization root first (repeatable)
  --vpc-endpoint FILE      a VPC endpoint policy (repeatable)
  --json                   print the explanation as JSON

Exit status: 0 when the request was evaluated, whatever the decision; 2 for
invalid usage or input.
`

// explainFlags are the flags of "iameval explain".
type explainFlags struct {
	asJSON                               bool
	caseName                             string
	principal, action, resource, account string
	boundary, resourcePolicy             string
	context, identity, session, scp, rcp multi
	vpce                                 multi
	requestGiven, caseGiven              bool
}

// runExplain implements "iameval explain".
func runExplain(args []string, stdout, stderr io.Writer) int {
	f := newFlags("explain", explainUsage)
	var x explainFlags
	f.BoolVar(&x.asJSON, "json", false, "")
	f.StringVar(&x.caseName, "case", "", "")
	f.StringVar(&x.principal, "principal", "", "")
	f.StringVar(&x.action, "action", "", "")
	f.StringVar(&x.resource, "resource", "", "")
	f.StringVar(&x.account, "resource-account", "", "")
	f.StringVar(&x.boundary, "boundary", "", "")
	f.StringVar(&x.resourcePolicy, "resource-policy", "", "")
	f.Var(&x.context, "context", "")
	f.Var(&x.identity, "policy", "")
	f.Var(&x.session, "session", "")
	f.Var(&x.scp, "scp", "")
	f.Var(&x.rcp, "rcp", "")
	f.Var(&x.vpce, "vpc-endpoint", "")
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	f.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "case":
			x.caseGiven = true
		case "json":
		default:
			x.requestGiven = true
		}
	})

	var ex *iameval.Explanation
	switch {
	case len(files) > 1:
		return f.usageError(stderr, "explain takes at most one scenario file")
	case len(files) == 1 && x.requestGiven:
		return f.usageError(stderr, "give either a scenario file or the request flags, not both")
	case len(files) == 1:
		sf, err := scenario.LoadFile(files[0])
		if err != nil {
			printLoadError(stderr, files[0], err)
			return exitInvalid
		}
		printWarnings(stderr, sf.Warnings)
		c, msg := pickCase(sf, x.caseName, x.caseGiven)
		if c == nil {
			fmt.Fprintf(stderr, "iameval explain: %s\n", msg)
			return exitInvalid
		}
		ex = c.Run().Explanation
	case x.caseGiven:
		return f.usageError(stderr, "--case needs a scenario file")
	default:
		var code int
		ex, code = explainFromFlags(f, &x, stderr)
		if ex == nil {
			return code
		}
	}
	if x.asJSON {
		if err := encodeIndented(stdout, ex); err != nil {
			fmt.Fprintf(stderr, "iameval explain: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	writeExplanation(stdout, ex, "")
	return exitOK
}

// pickCase returns the case named name, or the only case when no name was
// given; otherwise a message listing the cases.
func pickCase(sf *scenario.File, name string, given bool) (*scenario.Case, string) {
	if given {
		if c, ok := sf.Case(name); ok {
			return c, ""
		}
		return nil, fmt.Sprintf("%s has no case named %q; cases: %s", sf.Name, name, caseList(sf))
	}
	if len(sf.Cases) == 1 {
		return sf.Cases[0], ""
	}
	return nil, fmt.Sprintf("%s has %d cases; choose one with --case NAME: %s", sf.Name, len(sf.Cases), caseList(sf))
}

// caseList quotes the case names of sf.
func caseList(sf *scenario.File) string {
	names := make([]string, len(sf.Cases))
	for i, c := range sf.Cases {
		names[i] = fmt.Sprintf("%q", c.Name)
	}
	if len(names) == 0 {
		return "(none)"
	}
	return strings.Join(names, ", ")
}

// explainFromFlags builds the policy set and request from the flags and
// explains the decision. On failure it returns nil and the exit status,
// having printed the problem.
func explainFromFlags(f *flags, x *explainFlags, stderr io.Writer) (*iameval.Explanation, int) {
	if x.principal == "" || x.action == "" || x.resource == "" {
		return nil, f.usageError(stderr, "--principal, --action and --resource are required (or give a scenario file)")
	}
	p, err := parsePrincipalFlag(x.principal)
	if err != nil {
		var list diag.ErrorList
		if errors.As(err, &list) { // positioned in the flag's value: --principal:1:36: ...
			fmt.Fprintf(stderr, "iameval explain: %v\n", err)
		} else {
			fmt.Fprintf(stderr, "iameval explain: --principal: %v\n", err)
		}
		return nil, exitInvalid
	}
	ctx, err := parseContextFlags(x.context)
	if err != nil {
		fmt.Fprintf(stderr, "iameval explain: --context: %v\n", err)
		return nil, exitInvalid
	}
	pl := &policyLoader{stderr: stderr}
	ps := &iameval.PolicySet{
		Identity:    pl.list(x.identity, policy.Identity),
		Session:     pl.list(x.session, policy.Session),
		VPCEndpoint: pl.list(x.vpce, policy.VPCEndpoint),
		SCP:         pl.levels(x.scp, policy.SCP),
		RCP:         pl.levels(x.rcp, policy.RCP),
	}
	if x.boundary != "" {
		ps.PermissionsBoundary = pl.one(x.boundary, policy.PermissionsBoundary)
	}
	if x.resourcePolicy != "" {
		ps.Resource = pl.one(x.resourcePolicy, policy.Resource)
	}
	if pl.failed {
		return nil, exitInvalid
	}
	r, err := iameval.NewRequest(iameval.RequestInput{
		Principal:       p,
		Action:          x.action,
		Resource:        x.resource,
		ResourceAccount: x.account,
		Context:         ctx,
	})
	if err != nil {
		fmt.Fprintf(stderr, "iameval explain: invalid request: %v\n", err)
		return nil, exitInvalid
	}
	return iameval.ExplainWith(ps, r, iameval.ExplainOptions{CheckAction: catalog.CheckAction}), exitOK
}

// parsePrincipalFlag reads --principal: a JSON object of the scenario
// format, or the string form.
func parsePrincipalFlag(s string) (principal.Principal, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "{") {
		return scenario.ParsePrincipal("--principal", []byte(s))
	}
	return principal.Parse(s)
}

// parseContextFlags reads the --context KEY=VALUE flags. A key given more
// than once (ignoring case) is multivalued; a VALUE that is a JSON list is
// a multivalued key too.
func parseContextFlags(flags []string) (condition.Context, error) {
	type entry struct {
		key  string
		vals []string
		list bool
	}
	var order []string
	entries := map[string]*entry{}
	for _, kv := range flags {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return condition.Context{}, fmt.Errorf("%q is not KEY=VALUE", kv)
		}
		vals, list, err := contextValue(v)
		if err != nil {
			return condition.Context{}, fmt.Errorf("%s: %v", k, err)
		}
		n := condition.NormalizeKey(k)
		e, seen := entries[n]
		if !seen {
			e = &entry{key: k}
			entries[n] = e
			order = append(order, n)
		} else {
			list = true
		}
		e.vals = append(e.vals, vals...)
		e.list = e.list || list
	}
	values := make(map[string]condition.Value, len(entries))
	for _, n := range order {
		e := entries[n]
		if e.list {
			values[e.key] = condition.ListValue(e.vals...)
		} else {
			values[e.key] = condition.StringValue(e.vals[0])
		}
	}
	return condition.NewContext(values)
}

// contextValue reads one --context VALUE: plain text, or a JSON list of
// strings, numbers and booleans.
func contextValue(v string) (vals []string, list bool, err error) {
	if !strings.HasPrefix(v, "[") {
		return []string{v}, false, nil
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(v), &raw); err != nil {
		return nil, false, fmt.Errorf("value %s is not a JSON list: %v", v, err)
	}
	for _, r := range raw {
		var s string
		if err := json.Unmarshal(r, &s); err == nil {
			vals = append(vals, s)
			continue
		}
		t := strings.TrimSpace(string(r))
		var x any
		if err := json.Unmarshal(r, &x); err != nil {
			return nil, false, err
		}
		switch x.(type) {
		case float64, bool:
			vals = append(vals, t)
		default:
			return nil, false, fmt.Errorf("list element %s is not a string, number or boolean", t)
		}
	}
	return vals, true, nil
}

// policyLoader reads policy files for explain, reporting every problem.
type policyLoader struct {
	stderr io.Writer
	failed bool
}

// one reads and parses the policy file name as a policy of type t.
func (pl *policyLoader) one(name string, t policy.Type) *policy.Policy {
	src, err := scenario.ReadFile(name)
	if err != nil {
		printLoadError(pl.stderr, name, err)
		pl.failed = true
		return nil
	}
	p, err := policy.Parse(src, policy.Source{ID: name, File: name, Type: t})
	if err != nil {
		printLoadError(pl.stderr, name, err)
		pl.failed = true
		return nil
	}
	printWarnings(pl.stderr, p.Warnings())
	return p
}

// list reads every file of names.
func (pl *policyLoader) list(names []string, t policy.Type) []*policy.Policy {
	var out []*policy.Policy
	for _, n := range names {
		if p := pl.one(n, t); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// levels reads organization levels, one comma-separated list of files each.
func (pl *policyLoader) levels(levels []string, t policy.Type) [][]*policy.Policy {
	var out [][]*policy.Policy
	for _, lv := range levels {
		out = append(out, pl.list(strings.Split(lv, ","), t))
	}
	return out
}

// writeExplanation prints the text form of ex, each line prefixed with
// indent.
func writeExplanation(w io.Writer, ex *iameval.Explanation, indent string) {
	text := strings.TrimRight(ex.String(), "\n")
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(w, "%s%s\n", indent, line)
	}
}
