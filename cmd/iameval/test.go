package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/iameval/iameval/scenario"
)

const testUsage = `Usage: iameval test [--json] [--coverage] FILE...

Runs every case of each scenario file and checks the decision against the
case's "expect". For each case it prints one line:

  PASS|FAIL FILE: CASE: DECISION (expected EXPECT)

("(no expect)" for a case without "expect", which is reported but never
fails), then, for a failing case, the explanation indented below it, and at
the end a summary line "N passed, N failed". Problems in a file are printed
to stderr as FILE:LINE:COL: message, and the other files still run.

Flags:
  --json       print one JSON document instead:
               {"results": [{"file", "case", "decision", "expect", "pass",
               "explanation"}, ...], "passed": N, "failed": N}
  --coverage   also report which policy statements and condition clauses
               decided no case: a "coverage: ..." line and the statements
               never decided, printed before the summary line; with --json,
               a "coverage" object beside "results". A statement decided a
               case when the case's explanation lists it as deciding; a
               clause, when its statement did, or when it alone failed in
               a statement whose applying would have changed the decision.

Exit status: 0 when every case with an "expect" got it, 1 when one did not,
2 when a file could not be read or is invalid.
`

// runTest implements "iameval test".
func runTest(args []string, stdout, stderr io.Writer) int {
	f := newFlags("test", testUsage)
	asJSON := f.Bool("json", false, "print a JSON document")
	withCoverage := f.Bool("coverage", false, "report statement and condition coverage")
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	if len(files) == 0 {
		return f.usageError(stderr, "no scenario file given")
	}
	report := &scenario.Report{}
	var loaded []*scenario.File
	invalid := false
	for _, name := range files {
		sf, err := scenario.LoadFile(name)
		if err != nil {
			printLoadError(stderr, name, err)
			invalid = true
			continue
		}
		printWarnings(stderr, sf.Warnings)
		report.Merge(sf.Run())
		loaded = append(loaded, sf)
	}
	var cov *scenario.Coverage
	if *withCoverage {
		cov = scenario.MeasureCoverage(loaded...)
	}
	if *asJSON {
		b, err := marshalReport(report, cov)
		if err != nil {
			fmt.Fprintf(stderr, "iameval test: %v\n", err)
			return exitInvalid
		}
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		for _, res := range report.Results {
			writeResult(stdout, res)
		}
		if cov != nil {
			fmt.Fprint(stdout, cov)
		}
		fmt.Fprintf(stdout, "%d passed, %d failed\n", report.Passed, report.Failed)
	}
	switch {
	case invalid:
		return exitInvalid
	case report.Failed > 0:
		return exitFailed
	}
	return exitOK
}

// writeResult prints one case line and, for a failure, its explanation.
func writeResult(w io.Writer, res scenario.Result) {
	verdict := "PASS"
	if !res.Pass {
		verdict = "FAIL"
	}
	expected := "no expect"
	if res.Expect != nil {
		expected = "expected " + res.Expect.String()
	}
	fmt.Fprintf(w, "%s %s: %s: %s (%s)\n", verdict, res.File, res.Case, res.Decision, expected)
	if !res.Pass {
		writeExplanation(w, res.Explanation, "    ")
	}
}

// marshalReport renders the --json document: the report, and with
// --coverage a "coverage" object after "failed". Without coverage it is
// exactly the report's own JSON form.
func marshalReport(report *scenario.Report, cov *scenario.Coverage) ([]byte, error) {
	if cov == nil {
		return json.MarshalIndent(report, "", "  ")
	}
	results := report.Results
	if results == nil {
		results = []scenario.Result{}
	}
	return json.MarshalIndent(struct {
		Results  []scenario.Result  `json:"results"`
		Passed   int                `json:"passed"`
		Failed   int                `json:"failed"`
		Coverage *scenario.Coverage `json:"coverage"`
	}{results, report.Passed, report.Failed, cov}, "", "  ")
}
