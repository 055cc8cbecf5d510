package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

const actionsUsage = `Usage: iameval actions [--json] PATTERN...
       iameval actions --policy FILE [--resource ARN] [--json]

The first form prints every action of AWS's Service Authorization
Reference that a policy's action pattern matches ("s3:Get*", "iam:*User*",
"*"), one service:Action per line, sorted, as AWS spells them.

The second form prints the actions the identity policy FILE allows, after
its denies: on the resource ARN, or without --resource on at least one
resource. Action patterns and NotAction expand against the reference;
conditions are not evaluated: an Allow with a condition still grants, a
Deny with a condition removes nothing. Without --resource, a Deny
without a condition removes its actions only when its Resource is "*".
With --resource, the ARN must fit one of the action's resource types
("*" asks about actions that take no resource).

Flags:
  --json            a JSON array: per action its access level, resource
                    types and condition keys; with --policy also the
                    statements that grant it
  --policy FILE     the identity policy to read
  --resource ARN    only the actions allowed on this resource

Exit status: 0 when at least one action is printed, 1 when none is,
2 for invalid usage or input.
`

// runActions implements "iameval actions".
func runActions(args []string, stdout, stderr io.Writer) int {
	f := newFlags("actions", actionsUsage)
	asJSON := f.Bool("json", false, "JSON output")
	policyFile := f.String("policy", "", "identity policy file")
	resource := f.String("resource", "", "resource ARN")
	patterns, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	cat := catalog.Default()
	var list []actionJSON
	switch {
	case *policyFile != "" && len(patterns) > 0:
		return f.usageError(stderr, "give either patterns or --policy, not both")
	case *policyFile != "":
		pl := &policyLoader{stderr: stderr}
		p := pl.one(*policyFile, policy.Identity)
		if p == nil {
			return exitInvalid
		}
		for _, g := range cat.Allowed(p, *resource) {
			a := describeAction(g.Action)
			for _, s := range g.Statements {
				a.Statements = append(a.Statements, statementJSON{Sid: s.Sid(), Index: s.Index(), Position: s.Pos()})
			}
			list = append(list, a)
		}
	case *resource != "":
		return f.usageError(stderr, "--resource needs --policy")
	case len(patterns) == 0:
		return f.usageError(stderr, "no action pattern given")
	default:
		seen := map[*catalog.Action]bool{}
		var acts []*catalog.Action
		for _, pat := range patterns {
			m := cat.MatchActions(pat)
			if len(m) == 0 {
				fmt.Fprintf(stderr, "iameval actions: %q matches no action of the reference (%s)\n", pat, cat.Date())
			}
			for _, a := range m {
				if !seen[a] {
					seen[a] = true
					acts = append(acts, a)
				}
			}
		}
		sort.Slice(acts, func(i, j int) bool { return lessAction(acts[i].FullName, acts[j].FullName) })
		for _, a := range acts {
			list = append(list, describeAction(a))
		}
	}
	if *asJSON {
		if list == nil {
			list = []actionJSON{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false) // keep "s3:ExistingObjectTag/<key>" readable
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			fmt.Fprintf(stderr, "iameval actions: %v\n", err)
			return exitInvalid
		}
	} else {
		for _, a := range list {
			fmt.Fprintln(stdout, a.Action)
		}
	}
	if len(list) == 0 {
		return exitFailed
	}
	return exitOK
}

// actionJSON is one action of `iameval actions --json`.
type actionJSON struct {
	Action        string             `json:"action"`
	AccessLevel   string             `json:"accessLevel"`
	ResourceTypes []resourceTypeJSON `json:"resourceTypes"`
	ConditionKeys []string           `json:"conditionKeys"`
	Statements    []statementJSON    `json:"statements,omitempty"`
}

type resourceTypeJSON struct {
	Name          string   `json:"name"`
	Required      bool     `json:"required"`
	ARNFormats    []string `json:"arnFormats"`
	ConditionKeys []string `json:"conditionKeys,omitempty"`
}

// statementJSON names a statement that grants an action.
type statementJSON struct {
	Sid      string        `json:"sid,omitempty"`
	Index    int           `json:"index"`
	Position diag.Position `json:"position"`
}

func describeAction(a *catalog.Action) actionJSON {
	out := actionJSON{
		Action:        a.FullName,
		AccessLevel:   a.AccessLevel.String(),
		ResourceTypes: []resourceTypeJSON{},
		ConditionKeys: append([]string{}, a.ConditionKeys...),
	}
	for _, r := range a.ResourceTypes {
		out.ResourceTypes = append(out.ResourceTypes, resourceTypeJSON{
			Name: r.Type.Name, Required: r.Required, ARNFormats: r.Type.ARNFormats, ConditionKeys: r.ConditionKeys,
		})
	}
	return out
}

// lessAction orders full action names case-insensitively, as package
// catalog sorts them.
func lessAction(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := lowerByte(a[i]), lowerByte(b[i])
		if ca != cb {
			return ca < cb
		}
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
