// Command iameval evaluates AWS IAM policies the way AWS does: it runs
// scenario files as authorization unit tests, validates policy documents,
// explains single decisions and answers AWS policy simulator inputs.
//
// Usage:
//
//	iameval <command> [flags] [arguments]
//
// The commands are:
//
//	test      run scenario files and check each case's expected decision
//	validate  check policy documents and report every problem with its position
//	explain   evaluate one request and explain the decision
//	simulate  run an aws iam simulate-custom-policy input offline
//	simulate-principal  run an aws iam simulate-principal-policy input over an account export
//	who-can   list the users and roles of an account export allowed an action on a resource
//	can       list the actions a user or role of an account export is allowed
//	reach     list the roles a user or role of an account export can become
//	actions   list the actions a pattern matches or a policy allows
//
// Run "iameval <command> -h" for the flags of a command and "iameval
// --version" for the module version the binary was built from.
//
// Results go to standard output: test results (including the cases that
// could not run), validate's findings, explanations and simulator output.
// Warnings and the problems that stop a command (a bad flag, an input
// that cannot be read) go to standard error. The exit status is
// 0 on success, 1 when a test case did not get its expected decision, and 2
// for invalid usage or input: a file that cannot be read, a scenario or
// policy that is invalid (reported as file:line:col: message).
//
// Memory: test and validate set a soft memory limit for the Go garbage
// collector (runtime/debug.SetMemoryLimit) of 32 MiB plus five times the
// bytes of the files they have read, raised as each file is read, so
// that a large or hostile input does not hold twice its live memory in
// collector headroom. The limit is soft: it never fails a run, and near
// it the collector takes more CPU time (at most about half). When the
// GOMEMLIMIT environment variable is set, iameval leaves the limit it
// sets alone (GOMEMLIMIT=off removes any limit).
//
// The scenario format is described in the documentation of package
// github.com/iameval/iameval/scenario.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0 // success; every checked case passed
	exitFailed  = 1 // a test case did not get its expected decision
	exitInvalid = 2 // invalid usage, unreadable file or invalid input
)

// command is one subcommand of iameval.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order the usage text shows them.
// Each lives in its own file.
func commands() []command {
	return []command{
		{"test", "run scenario files and check each case's expected decision", runTest},
		{"validate", "check policy documents and report every problem with its position", runValidate},
		{"explain", "evaluate one request and explain the decision", runExplain},
		{"simulate", "run an aws iam simulate-custom-policy input offline", runSimulate},
		{"simulate-principal", "run an aws iam simulate-principal-policy input offline over an account export", runSimulatePrincipal},
		{"who-can", "list the users and roles of an account export allowed an action on a resource", runWhoCan},
		{"can", "list the actions a user or role of an account export is allowed", runCan},
		{"reach", "list the roles a user or role of an account export can become", runReach},
		{"actions", "list the actions a pattern matches or a policy allows", runActions},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args (without the program name), writing
// results to stdout and diagnostics to stderr, and returns the exit status.
// Both are written through a [safeWriter]: no input can make iameval send
// raw control characters to a terminal.
func run(args []string, stdout, stderr io.Writer) int {
	so, se := newSafeWriter(stdout), newSafeWriter(stderr)
	status := dispatch(args, so, se)
	if so.Flush() != nil || se.Flush() != nil {
		return exitInvalid
	}
	return status
}

// dispatch runs the command named by args[0].
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitInvalid
	}
	switch args[0] {
	case "--version", "-version", "version":
		return printVersion(stdout)
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return dispatch([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "iameval: unknown flag %s (flags follow the command)\n\n", args[0])
	} else {
		fmt.Fprintf(stderr, "iameval: unknown command %q\n\n", args[0])
	}
	usage(stderr)
	return exitInvalid
}

// usage writes the top-level usage text.
func usage(w io.Writer) {
	fmt.Fprint(w, "Usage: iameval <command> [flags] [arguments]\n\n")
	fmt.Fprint(w, "iameval evaluates AWS IAM policies the way AWS does.\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"iameval <command> -h\" for the flags of a command, \"iameval --version\" for the version.\n")
	fmt.Fprint(w, "Exit status: 0 success, 1 a test case failed, 2 invalid usage or input.\n")
}

// flags is a subcommand's flag set with its usage text.
type flags struct {
	*flag.FlagSet
	usage string // full usage text, ending in a newline
}

// newFlags returns an empty flag set for the subcommand name whose usage
// text (synopsis, description and flag list, written by hand so that it
// reads the same everywhere) is usage.
func newFlags(name, usage string) *flags {
	fs := flag.NewFlagSet("iameval "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flags{FlagSet: fs, usage: usage}
}

// parse parses args, allowing flags after positional arguments ("--" ends
// the flags). On -h it prints the usage to stdout; on a bad flag it prints
// the problem and the usage to stderr. ok is false when the command must
// stop, with status.
func (f *flags) parse(args []string, stdout, stderr io.Writer) (positional []string, status int, ok bool) {
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, f.usage)
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n\n%s", f.Name(), err, f.usage)
			return nil, exitInvalid, false
		}
		rest := f.Args()
		if len(rest) == 0 {
			return positional, exitOK, true
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), exitOK, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// usageError reports a problem with the command line and the usage.
func (f *flags) usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "%s: %s\n\n%s", f.Name(), fmt.Sprintf(format, args...), f.usage)
	return exitInvalid
}

// multi is a repeatable string flag.
type multi []string

// String returns the values joined by commas.
func (m *multi) String() string { return strings.Join(*m, ",") }

// Set appends v.
func (m *multi) Set(v string) error {
	*m = append(*m, v)
	return nil
}
