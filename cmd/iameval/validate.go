package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

const validateUsage = `Usage: iameval validate [--type TYPE] FILE...

Parses each FILE as a policy document of the given type and prints one line
per problem, sorted by position:

  FILE:LINE:COL: PATH: MESSAGE            an error: the document is invalid
  FILE:LINE:COL: warning: PATH: MESSAGE   a warning: valid, but suspicious

Nothing is printed for a clean file.

Flags:
  --type TYPE   where the policies are attached, which decides the elements
                they may use: identity (default), session,
                permissionsBoundary, resource, scp, rcp, vpcEndpoint

Exit status: 0 when no file has an error (warnings allowed), 2 when a file
has an error or cannot be read.
`

// runValidate implements "iameval validate".
func runValidate(args []string, stdout, stderr io.Writer) int {
	f := newFlags("validate", validateUsage)
	typeName := f.String("type", "identity", "policy type")
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	var typ policy.Type
	if err := typ.UnmarshalText([]byte(*typeName)); err != nil {
		return f.usageError(stderr, "unknown --type %q (want one of %s)", *typeName, strings.Join(policyTypeNames(), ", "))
	}
	if len(files) == 0 {
		return f.usageError(stderr, "no policy file given")
	}
	result := exitOK
	for _, name := range files {
		src, err := scenario.ReadFile(name)
		if err != nil {
			printLoadError(stderr, name, err)
			result = exitInvalid
			continue
		}
		p, err := policy.Parse(src, policy.Source{ID: name, File: name, Type: typ})
		if err != nil {
			printLoadError(stdout, name, err)
			result = exitInvalid
			continue
		}
		for _, w := range p.Warnings() {
			fmt.Fprintln(stdout, warningText(w))
		}
	}
	return result
}

// policyTypeNames lists the --type values.
func policyTypeNames() []string {
	var out []string
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		out = append(out, t.String())
	}
	return out
}
