package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/iameval/iameval/internal/workflow"
	"github.com/iameval/iameval/scenario"
)

const testUsage = `Usage: iameval test [--json | --format FORMAT] [--coverage] [--min-coverage N] [--junit FILE] FILE...

Runs every case of each scenario file and checks the decision against the
case's "expect". For each case it prints one line:

  PASS FILE: CASE: DECISION (expected EXPECT)
  FAIL FILE:LINE: CASE: DECISION (expected EXPECT)

("(no expect)" for a case without "expect", which is reported but never
fails), then, for a failing case, the explanation indented below it, and at
the end a summary line "N passed, N failed" (", N errors" added when there
are errors). A case that cannot run (an invalid policy, a misspelt key, a
policy file that cannot be read) is one error, and every other case still
runs:

  ERROR FILE:LINE: CASE: not run
      FILE:LINE:COL: PATH: MESSAGE      (one line per problem)

and a file that cannot be read, is not JSON, or has an invalid file-level
"policies" or "principal" is one error for the file ("ERROR FILE: not
run"). Policy warnings go to stderr as FILE:LINE:COL: warning: message.

Flags:
  --json       print one JSON document instead:
               {"results": [{"file", "case", "decision", "expect", "pass",
               "explanation", "line", "column"}, ...], "passed": N,
               "failed": N, "errors": N}; an error result has
               "decision": null and "error": {"file", "line", "column",
               "message", "problems"}
  --format FORMAT
               text (default), json (the same as --json) or github: the
               text, with a GitHub Actions workflow command
               (::error file=F,line=L,col=C::...) after each FAIL and
               ERROR, so that the run annotates the scenario's lines
  --junit FILE also write the results to FILE as JUnit XML: a testsuite
               per scenario file, a testcase per case, a <failure> with the
               explanation for a wrong decision, an <error> for a case or
               file that could not run
  --coverage   also report which policy statements and condition clauses
               decided no case: a "coverage: ..." line and the statements
               never decided, printed before the summary line; with --json,
               a "coverage" object beside "results". A statement decided a
               case when the case's explanation lists it as deciding; a
               clause, when its statement did, or when it alone failed in
               a statement whose applying would have changed the decision.
  --min-coverage N
               fail (exit status 1) when fewer than N percent of the
               statements decided a case; implies --coverage

Memory: a soft memory limit of 32 MiB plus five times the bytes read
keeps the garbage collector's headroom small on large inputs; setting
GOMEMLIMIT (GOMEMLIMIT=off for none) replaces it.

Exit status: 0 when every case with an "expect" got it, 1 when one did not
or coverage is under --min-coverage, 2 when a case or a file could not run.
`

// runTest implements "iameval test".
func runTest(args []string, stdout, stderr io.Writer) int {
	f := newFlags("test", testUsage)
	asJSON := f.Bool("json", false, "print a JSON document")
	format := f.String("format", "text", "output format: text, json or github")
	junit := f.String("junit", "", "write JUnit XML to this file")
	withCoverage := f.Bool("coverage", false, "report statement and condition coverage")
	minCoverage := f.String("min-coverage", "", "least percentage of statements that must decide a case")
	files, status, ok := f.parse(args, stdout, stderr)
	if !ok {
		return status
	}
	if *asJSON {
		*format = "json"
	}
	switch *format {
	case "text", "json", "github":
	default:
		return f.usageError(stderr, "unknown --format %q (want text, json or github)", *format)
	}
	minPercent := -1.0
	if *minCoverage != "" {
		v, err := strconv.ParseFloat(*minCoverage, 64)
		if err != nil || v < 0 || v > 100 {
			return f.usageError(stderr, "--min-coverage: want a percentage from 0 to 100, found %q", *minCoverage)
		}
		minPercent = v
		*withCoverage = true
	}
	if len(files) == 0 {
		return f.usageError(stderr, "no scenario file given")
	}
	// Results are handed on as each case runs and kept only for --junit,
	// which writes them at the end: a file of 100,000 cases does not
	// hold 100,000 results and explanations (issue 15).
	report := &scenario.Report{}
	keep := *junit != ""
	var jw *reportWriter
	if *format == "json" {
		jw = newReportWriter(stdout)
	}
	emit := func(res scenario.Result) {
		if keep {
			report.Add(res)
		} else {
			report.Count(res)
		}
		switch *format {
		case "json":
			jw.add(res)
		case "github":
			writeResult(stdout, res)
			writeAnnotation(stdout, res)
		default:
			writeResult(stdout, res)
		}
	}
	// One run reads each file once and at most scenario.MaxTotalRead
	// bytes in all.
	read := scenario.Files{OnRead: startMemLimit().add}
	if *withCoverage {
		// Each case is measured as it runs, not kept for a second pass.
		read.Meter = scenario.NewCoverageMeter()
	}
	for _, name := range files {
		// A file with problems still runs its good cases; the problems
		// are error results of the report. With --json every case is
		// explained; otherwise only failures print their explanation.
		// Each case runs as it is read and is then forgotten.
		sf := read.RunEach(name, *format == "json", emit)
		printWarnings(stderr, sf.Warnings)
	}
	var cov *scenario.Coverage
	if read.Meter != nil {
		cov = read.Meter.Coverage()
	}
	if *format == "json" {
		if err := jw.finish(report, cov); err != nil {
			fmt.Fprintf(stderr, "iameval test: %v\n", err)
			return exitInvalid
		}
	} else {
		if cov != nil {
			fmt.Fprint(stdout, cov)
		}
		fmt.Fprintln(stdout, summary(report))
	}
	if *junit != "" {
		var b bytes.Buffer
		err := report.WriteJUnit(&b)
		if err == nil {
			err = os.WriteFile(*junit, b.Bytes(), 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "iameval test: --junit: %v\n", err)
			return exitInvalid
		}
	}
	belowCoverage := cov != nil && cov.StatementPercent() < minPercent
	if belowCoverage {
		fmt.Fprintf(stderr, "iameval test: %.1f%% of statements decided a case, under --min-coverage %s%%\n", cov.StatementPercent(), *minCoverage)
	}
	switch {
	case report.Errors > 0:
		return exitInvalid
	case report.Failed > 0 || belowCoverage:
		return exitFailed
	}
	return exitOK
}

// writeAnnotation writes the GitHub Actions workflow command that
// annotates a failed or erroneous result's place in its scenario file.
func writeAnnotation(w io.Writer, res scenario.Result) {
	a := workflow.Annotation{Level: "error", File: res.File, Line: res.Line, Column: res.Column, Title: "iameval test"}
	switch {
	case res.Error != nil:
		a.Line, a.Column = res.Error.Line, res.Error.Column
		a.Message = res.Case + ": not run: " + res.Error.Message
		if res.Case == "" {
			a.Message = "not run: " + res.Error.Message
		}
		if res.Error.File != res.File {
			a.Message += " (" + res.Error.Problems[0] + ")"
		}
	case !res.Pass:
		a.Message = res.Case + ": expected " + res.Expect.String() + ", got " + res.Explanation.String()
	default:
		return
	}
	_ = workflow.Write(w, a)
}

// summary returns "N passed, N failed", with ", N errors" when some case
// or file could not run.
func summary(r *scenario.Report) string {
	s := fmt.Sprintf("%d passed, %d failed", r.Passed, r.Failed)
	switch r.Errors {
	case 0:
	case 1:
		s += ", 1 error"
	default:
		s += fmt.Sprintf(", %d errors", r.Errors)
	}
	return s
}

// writeResult prints one case line and, for a failure, its explanation or,
// for an error, its problems.
func writeResult(w io.Writer, res scenario.Result) {
	switch {
	case res.Error != nil && res.Case == "":
		fmt.Fprintf(w, "ERROR %s: not run\n", res.File)
	case res.Error != nil:
		fmt.Fprintf(w, "ERROR %s:%d: %s: not run\n", res.File, res.Line, res.Case)
	case res.Pass:
		fmt.Fprintf(w, "PASS %s: %s: %s (%s)\n", res.File, res.Case, res.Decision, expected(res))
	default:
		fmt.Fprintf(w, "FAIL %s:%d: %s: %s (%s)\n", res.File, res.Line, res.Case, res.Decision, expected(res))
		writeExplanation(w, res.Explanation, "    ")
	}
	if res.Error != nil {
		for _, p := range res.Error.Problems {
			fmt.Fprintf(w, "    %s\n", p)
		}
	}
}

// expected returns "expected EXPECT", or "no expect".
func expected(res scenario.Result) string {
	if res.Expect == nil {
		return "no expect"
	}
	return "expected " + res.Expect.String()
}

// writeReport writes the --json document, indented, and a newline: the
// report, and with --coverage a "coverage" object after "errors". Without
// coverage it is exactly the report's own JSON form.
func writeReport(w io.Writer, report *scenario.Report, cov *scenario.Coverage) error {
	rw := newReportWriter(w)
	for _, res := range report.Results {
		rw.add(res)
	}
	return rw.finish(report, cov)
}

// reportWriter writes the --json document as its results come: indented
// as it is written (indentWriter), one result encoded at a time, rather
// than the whole report encoded into one buffer, which json.Encoder then
// copied again: the document of one case whose explanation lists 100,000
// missing keys was held three times over, and a file of 100,000 cases
// held every result (issue 15).
type reportWriter struct {
	iw  *indentWriter
	n   int
	err error
}

// newReportWriter starts the document on w.
func newReportWriter(w io.Writer) *reportWriter {
	rw := &reportWriter{iw: &indentWriter{w: w}}
	io.WriteString(rw.iw, `{"results":[`)
	return rw
}

// add writes one result.
func (rw *reportWriter) add(res scenario.Result) {
	if rw.err != nil {
		return
	}
	if rw.n > 0 {
		io.WriteString(rw.iw, ",")
	}
	rw.n++
	rw.err = res.WriteJSON(rw.iw)
}

// finish writes the counts of report and, when not nil, the coverage,
// and ends the document; it returns the first error.
func (rw *reportWriter) finish(report *scenario.Report, cov *scenario.Coverage) error {
	if rw.err != nil {
		return rw.err
	}
	iw := rw.iw
	fmt.Fprintf(iw, `],"passed":%d,"failed":%d,"errors":%d`, report.Passed, report.Failed, report.Errors)
	if cov != nil {
		b, err := json.Marshal(cov)
		if err != nil {
			return err
		}
		io.WriteString(iw, `,"coverage":`)
		iw.Write(b)
	}
	io.WriteString(iw, "}")
	return iw.finish()
}
