package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/iameval/iameval/lint"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

const validateUsage = `Usage: iameval validate [--type TYPE] [--format FORMAT] [--fail-on SEVERITY] FILE...

Checks each FILE as a policy document of the given type, as IAM Access
Analyzer's policy validation does, and reports every finding in one run,
sorted by position. In the text format each finding is one line

  FILE:LINE:COL: SEVERITY: PATH: MESSAGE [CODE]

followed by a "fix:" line when a fix is known. SEVERITY is error, security
warning, warning or suggestion. Nothing is printed for a clean file.

Flags:
  --type TYPE          where the policies are attached, which decides the
                       elements they may use: identity (default), session,
                       permissionsBoundary, resource, scp, rcp, vpcEndpoint
  --format FORMAT      text (default), json, sarif (SARIF 2.1.0, for code
                       scanning) or github (GitHub Actions annotations)
  --json               the same as --format json
  --fail-on SEVERITY   the least severe finding that fails validation:
                       ERROR (default), SECURITY_WARNING, WARNING or
                       SUGGESTION

Memory: a soft memory limit of 32 MiB plus five times the bytes read
keeps the garbage collector's headroom small on large inputs; setting
GOMEMLIMIT (GOMEMLIMIT=off for none) replaces it.

Exit status: 0 when no finding is at least as severe as --fail-on, 2 when
one is or when a file cannot be read.
`

// runValidate implements "iameval validate".
func runValidate(args []string, stdout, stderr io.Writer) int {
	f := newFlags("validate", validateUsage)
	typeName := f.String("type", "identity", "policy type")
	format := f.String("format", string(lint.Text), "output format")
	asJSON := f.Bool("json", false, "JSON output")
	failOn := f.String("fail-on", lint.Error.String(), "least severity that fails")
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	var typ policy.Type
	if err := typ.UnmarshalText([]byte(*typeName)); err != nil {
		return f.usageError(stderr, "unknown --type %q (want one of %s)", *typeName, strings.Join(policyTypeNames(), ", "))
	}
	if *asJSON {
		*format = string(lint.JSON)
	}
	if !validFormat(lint.Format(*format)) {
		return f.usageError(stderr, "unknown --format %q (want one of %s)", *format, formatNames())
	}
	threshold, err := lint.ParseSeverity(*failOn)
	if err != nil {
		return f.usageError(stderr, "--fail-on: %v", err)
	}
	if len(files) == 0 {
		return f.usageError(stderr, "no policy file given")
	}
	result := exitOK
	var findings []lint.Finding
	limit := startMemLimit()
	for _, name := range files {
		// The text shares the bytes read: one copy of the document
		// (issue 15).
		text, err := scenario.ReadText(name)
		if err != nil {
			printLoadError(stderr, name, err)
			result = exitInvalid
			continue
		}
		limit.add(len(text))
		findings = append(findings, lint.CheckString(text, policy.Source{ID: name, File: name, Type: typ})...)
	}
	if err := lint.Write(stdout, lint.Format(*format), findings); err != nil {
		fmt.Fprintf(stderr, "iameval validate: %v\n", err)
		return exitInvalid
	}
	if lint.Max(findings) >= threshold {
		result = exitInvalid
	}
	return result
}

// validFormat reports whether f is one of lint.Formats.
func validFormat(f lint.Format) bool {
	for _, g := range lint.Formats {
		if f == g {
			return true
		}
	}
	return false
}

// formatNames lists the --format values.
func formatNames() string {
	var out []string
	for _, f := range lint.Formats {
		out = append(out, string(f))
	}
	return strings.Join(out, ", ")
}

// policyTypeNames lists the --type values.
func policyTypeNames() []string {
	var out []string
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		out = append(out, t.String())
	}
	return out
}
