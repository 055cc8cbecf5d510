package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/iameval/iameval/account"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/scenario"
)

// accountFlagsUsage documents the flags every account command shares.
const accountFlagsUsage = `  --account FILE            output of "aws iam get-account-authorization-details"
                            (repeatable: pages of one export, several accounts)
  --resource-policies PATH  a JSON map from resource ARN to policy, or a directory
                            of get-*-policy outputs named after the URL-encoded ARN
                            (repeatable; see "go doc github.com/iameval/iameval/account")
  --org FILE                organization SCPs and RCPs with each account's OU path
                            (see "go doc github.com/iameval/iameval/account Loader.AddOrganization")
  --context KEY=VALUE       a request-context key (repeatable; a key given twice
                            is multivalued)
  --time RFC3339            the time of the requests (default: now)
`

// accountFlags are the flags shared by who-can, can, reach and
// simulate-principal.
type accountFlags struct {
	exports, resourcePolicies, orgs, context multi
	time                                     string
}

// register adds the shared flags to f.
func (a *accountFlags) register(f *flags) {
	f.Var(&a.exports, "account", "")
	f.Var(&a.resourcePolicies, "resource-policies", "")
	f.Var(&a.orgs, "org", "")
	f.Var(&a.context, "context", "")
	f.StringVar(&a.time, "time", "", "")
}

// load reads the accounts; on a problem it prints it and returns nil.
func (a *accountFlags) load(f *flags, stderr io.Writer) (*account.Accounts, int, bool) {
	if len(a.exports) == 0 {
		return nil, f.usageError(stderr, "give at least one --account export"), false
	}
	accts, err := account.LoadFiles(account.Files{Exports: a.exports, ResourcePolicies: a.resourcePolicies, Organizations: a.orgs},
		account.Options{ReadFile: scenario.ReadFile})
	if err != nil {
		printPositioned(stderr, f.Name(), err)
		return nil, exitInvalid, false
	}
	return accts, exitOK, true
}

// parse parses args, which must hold want positional arguments (what
// names them in the usage error otherwise), and builds the Query of the
// flags. ok is false when the command must stop, with status.
func (a *accountFlags) parse(f *flags, args []string, stdout, stderr io.Writer, want int, what string) ([]string, account.Query, int, bool) {
	pos, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return nil, account.Query{}, status, false
	}
	if len(pos) != want {
		return nil, account.Query{}, f.usageError(stderr, "give %s", what), false
	}
	q, status, ok := a.query(f, stderr)
	return pos, q, status, ok
}

// answerFlags are the flags of the commands that answer with decisions
// (can, who-can): --resource-account, --missing and --json.
type answerFlags struct {
	resourceAccount string
	missing, asJSON bool
}

// register adds the flags to f.
func (a *answerFlags) register(f *flags) {
	f.StringVar(&a.resourceAccount, "resource-account", "", "")
	f.BoolVar(&a.missing, "missing", false, "")
	f.BoolVar(&a.asJSON, "json", false, "")
}

// apply sets the Query fields the flags choose.
func (a *answerFlags) apply(q *account.Query) {
	q.ResourceAccount, q.ReportMissing, q.Explain = a.resourceAccount, a.missing, a.asJSON
}

// loadPrincipal reads the accounts and finds the user or role that name
// (an ARN or session ARN) names; on a problem it prints it and returns
// false.
func (a *accountFlags) loadPrincipal(f *flags, stderr io.Writer, name string) (*account.Accounts, *account.Principal, int, bool) {
	accts, status, ok := a.load(f, stderr)
	if !ok {
		return nil, nil, status, false
	}
	p, found := accts.Principal(name)
	if !found || p.Kind == account.KindGroup {
		fmt.Fprintf(stderr, "%s: %s is no user or role of the exports\n", strings.TrimPrefix(f.Name(), "iameval "), name)
		return nil, nil, exitInvalid, false
	}
	return accts, p, exitOK, true
}

// query builds the Query of the flags.
func (a *accountFlags) query(f *flags, stderr io.Writer) (account.Query, int, bool) {
	var q account.Query
	if len(a.context) > 0 {
		vals := map[string][]string{}
		var order []string
		for _, kv := range a.context {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return q, f.usageError(stderr, "--context %q: expected KEY=VALUE", kv), false
			}
			nk := condition.NormalizeKey(k)
			if _, seen := vals[nk]; !seen {
				order = append(order, nk)
			}
			vals[nk] = append(vals[nk], v)
		}
		m := make(map[string]condition.Value, len(vals))
		for _, k := range order {
			if len(vals[k]) == 1 {
				m[k] = condition.StringValue(vals[k][0])
			} else {
				m[k] = condition.ListValue(vals[k]...)
			}
		}
		ctx, err := condition.NewContext(m)
		if err != nil {
			return q, f.usageError(stderr, "--context: %v", err), false
		}
		q.Context = ctx
	}
	if a.time != "" {
		t, err := time.Parse(time.RFC3339, a.time)
		if err != nil {
			return q, f.usageError(stderr, "--time %q: expected RFC 3339, such as 2026-01-02T15:04:05Z", a.time), false
		}
		q.Time = t
	}
	return q, exitOK, true
}

// printPositioned prints one line per problem of a positioned error list.
func printPositioned(w io.Writer, cmd string, err error) {
	if printProblems(w, err) {
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd, err)
}
