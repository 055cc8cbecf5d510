package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/scenario"
	"github.com/iameval/iameval/simulate"
)

const simulateUsage = `Usage:
  iameval simulate [--input FILE | -]
  iameval simulate [FILE | -]

Reads the JSON document of "aws iam simulate-custom-policy --cli-input-json"
from FILE, or from standard input for "-" or when no file is given,
simulates every action on every resource as the IAM policy simulator does,
and prints the response as the AWS CLI prints it: EvaluationResults with
EvalDecision, MatchedStatements (positions inside each policy string),
MissingContextValues, PermissionsBoundaryDecisionDetail,
EvalDecisionDetails and ResourceSpecificResults.

The input takes the parameters of SimulateCustomPolicy: PolicyInputList,
PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns,
ResourcePolicy, ResourceOwner, CallerArn, ContextEntries,
ResourceHandlingOption, MaxItems and Marker. CallerArn may be any principal
iameval reads (IAM user, root, assumed-role session, federated user,
service, "*"), not only an IAM user. Two iameval extensions give
organization policies, each a list of levels from the root down, each level
a list of policy strings: IamevalServiceControlPolicyInputList and
IamevalResourceControlPolicyInputList.

Results are printed as they are decided. With MaxItems the response holds
at most that many, from Marker on, and ends with "IsTruncated": true and the
Marker of the next page when more follow, as the IAM API pages them;
without MaxItems every result is printed.

Flags:
  --input FILE            the input document ("-" for standard input); the
                          AWS CLI's file:// prefix is accepted
  --cli-input-json FILE   the same as --input
  --mirror-simulator      decide from the policies alone, as the IAM policy
                          simulator does; by default iameval also applies
                          the refusals AWS enforces whatever the policies
                          say (changes to AWS managed policies,
                          service-linked roles, /aws-reserved/ roles,
                          alias/aws/ KMS aliases), which the simulator does
                          not model, and takes keys AWS sets on every
                          request (aws:SecureTransport, aws:SourceIp, ...)
                          that are not given as unknown, failing closed;
                          the simulator takes them as absent

Exit status: 0 when the simulation ran, whatever the decisions; 2 for
invalid usage or input, reported as FILE:LINE:COL: message (a problem in a
policy string also gives its place in the policy, as PolicyInputList.1:L:C).
`

// simulateStdin is where "iameval simulate" reads a document from standard
// input; tests replace it.
var simulateStdin io.Reader = os.Stdin

// runSimulate implements "iameval simulate".
func runSimulate(args []string, stdout, stderr io.Writer) int {
	f := newFlags("simulate", simulateUsage)
	var sf simulateFlags
	sf.register(f)
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	var names []string
	for _, n := range []string{sf.input, sf.cliInput} {
		if n != "" {
			names = append(names, n)
		}
	}
	names = append(names, files...)
	if len(names) > 1 {
		return f.usageError(stderr, "give one input document, not %d", len(names))
	}
	name := "-"
	if len(names) == 1 {
		name = names[0]
	}
	src, display, ok := readSimulateInput(name, stderr)
	if !ok {
		return exitInvalid
	}
	in, err := simulate.ParseInput(src, display)
	if err != nil {
		printSimulateErrors(stderr, err)
		return exitInvalid
	}
	in.MirrorSimulator = sf.mirror
	out := newResultStream(stdout)
	page, err := simulate.Run(in, out.emit)
	if err != nil {
		if out.abort() {
			fmt.Fprintln(stderr, "iameval simulate: stopped after the results above, which are incomplete JSON:")
		}
		printSimulateErrors(stderr, err)
		return exitInvalid
	}
	if err := out.finish(page); err != nil {
		fmt.Fprintf(stderr, "iameval simulate: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// simulateFlags are the flags simulate and simulate-principal share: the
// input document and --mirror-simulator.
type simulateFlags struct {
	input, cliInput string
	mirror          bool
}

// register adds the flags to f.
func (s *simulateFlags) register(f *flags) {
	f.StringVar(&s.input, "input", "", "")
	f.StringVar(&s.cliInput, "cli-input-json", "", "")
	f.BoolVar(&s.mirror, "mirror-simulator", false, "")
}

// readSimulateInput reads the document named name ("-" for standard input;
// the AWS CLI's file:// prefix is accepted) and returns it with the name
// to show in messages. On a problem it prints "NAME: cannot read: REASON"
// and returns false.
func readSimulateInput(name string, stderr io.Writer) ([]byte, string, bool) {
	name = strings.TrimPrefix(name, "file://")
	var src []byte
	var err error
	display := name
	if name == "-" {
		display = "<stdin>"
		src, err = scenario.ReadLimited(display, simulateStdin)
	} else {
		src, err = scenario.ReadFile(name)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Fprintf(stderr, "%s: cannot read: %v\n", display, err)
		return nil, display, false
	}
	return src, display, true
}

// printSimulateErrors prints one FILE:LINE:COL: message line per problem.
func printSimulateErrors(w io.Writer, err error) {
	var list diag.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Error())
		}
		return
	}
	fmt.Fprintf(w, "iameval simulate: %v\n", err)
}
