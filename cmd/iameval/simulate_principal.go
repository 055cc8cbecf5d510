package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/iameval/iameval/account"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/simulate"
)

const simulatePrincipalUsage = `Usage:
  iameval simulate-principal --account EXPORT [flags] --input FILE

Reads the JSON document of "aws iam simulate-principal-policy
--cli-input-json" from FILE ("-" for standard input) and answers it offline
from the exported accounts, in the response shape the AWS CLI prints (as
"iameval simulate" does for simulate-custom-policy). PolicySourceArn names a
user or role of the exports: its inline, attached and group policies and
its permissions boundary are simulated, with PolicyInputList added and
PermissionsBoundaryPolicyInputList replacing the boundary. A role is
simulated as a session of it. Without CallerArn the caller is the principal
itself; without ResourcePolicy each resource's loaded policy (a role's trust
policy) takes part. SourcePolicyId is the policy's name in the export, and
StartPosition and EndPosition count in the policy text as the export holds
it.

Flags:
` + accountFlagsUsage + `  --input FILE              the input document ("-" for standard input); the
                            AWS CLI's file:// prefix is accepted
  --cli-input-json FILE     the same as --input
  --mirror-simulator        decide as the IAM policy simulator does (see
                            "iameval simulate --help")

Exit status: 0 when the simulation ran, whatever the decisions; 2 for
invalid usage or input, reported as FILE:LINE:COL: message.
`

// runSimulatePrincipal implements "iameval simulate-principal".
func runSimulatePrincipal(args []string, stdout, stderr io.Writer) int {
	f := newFlags("simulate-principal", simulatePrincipalUsage)
	var af accountFlags
	af.register(f)
	var sf simulateFlags
	sf.register(f)
	pos, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	if len(pos) > 0 {
		return f.usageError(stderr, "unexpected argument %q", pos[0])
	}
	name := sf.input
	if name == "" {
		name = sf.cliInput
	}
	if name == "" {
		return f.usageError(stderr, "give the input document with --input")
	}
	accts, status, ok := af.load(f, stderr)
	if !ok {
		return status
	}
	src, display, ok := readSimulateInput(name, stderr)
	if !ok {
		return exitInvalid
	}
	in, err := simulate.ParsePrincipalInput(src, display)
	var resp *simulate.Response
	if err == nil {
		in.MirrorSimulator = sf.mirror
		resp, err = simulate.SimulatePrincipal(in, principalSource(accts))
	}
	if err != nil {
		printSimulateErrors(stderr, err)
		return exitInvalid
	}
	out, err := json.MarshalIndent(resp, "", "    ")
	if err != nil {
		fmt.Fprintf(stderr, "iameval simulate-principal: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintf(stdout, "%s\n", out)
	return exitOK
}

// principalSource gives the simulator the principals of the accounts.
func principalSource(a *account.Accounts) simulate.PrincipalSource {
	source := func(p *policy.Policy) *simulate.SourcePolicy {
		if p == nil {
			return nil
		}
		text, off := a.PolicyText(p)
		return &simulate.SourcePolicy{ID: a.PolicyName(p), Policy: p, Text: text, Offset: off}
	}
	return func(arn string) (*simulate.Principal, error) {
		p, ok := a.Principal(arn)
		if !ok || p.Kind == account.KindGroup {
			return nil, fmt.Errorf("%s is no user or role of the exports (groups are not simulated)", arn)
		}
		out := &simulate.Principal{
			Caller:   p.Caller,
			Boundary: source(p.Boundary),
			SCP:      a.SCP(p.Account),
			Resource: func(r string) *simulate.SourcePolicy { return source(a.ResourcePolicy(r)) },
			RCP:      a.RCP,
		}
		for _, q := range p.Identity {
			out.Identity = append(out.Identity, *source(q))
		}
		return out, nil
	}
}
