package scenario

import (
	"encoding/json"
	"io"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/diag"
)

// Report is the outcome of running scenario cases: the document
// `iameval test --json` prints. The zero Report is empty and ready for
// [Report.Add].
type Report struct {
	// Results holds one entry per case, in file and case order.
	Results []Result `json:"results"`
	// Passed counts the cases that got their expected decision, and the
	// cases without "expect", which are reported but never fail.
	Passed int `json:"passed"`
	// Failed counts the cases whose decision differs from "expect".
	Failed int `json:"failed"`
	// Errors counts the error results: cases, or whole files, that could
	// not be run because of a problem in the input.
	Errors int `json:"errors"`
}

// Result is the outcome of one case.
type Result struct {
	// File is the scenario file's name as given to Load.
	File string `json:"file"`
	// Case is the case's name.
	Case string `json:"case"`
	// Decision is what the engine decided.
	Decision iameval.Decision `json:"decision"`
	// Expect is the case's "expect"; nil (JSON null) when the case has none.
	Expect *iameval.Decision `json:"expect"`
	// Pass is false only when Expect is set and differs from Decision.
	Pass bool `json:"pass"`
	// Explanation says why, as the engine reports it; nil for an error
	// result.
	Explanation *iameval.Explanation `json:"explanation"`
	// Line and Column are where the case starts in File (for an error
	// about the whole file, where its first problem is; 0 when the file
	// could not be read).
	Line   int `json:"line"`
	Column int `json:"column"`
	// Error is set when the case, or the file, could not be run: the
	// result then has no decision and does not pass. JSON omits it for
	// the cases that ran.
	Error *ResultError `json:"error,omitempty"`
}

// ResultError says why a case or a file could not be run.
type ResultError struct {
	// File, Line and Column are the position of the first problem.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Message is the first problem, with its path in the document but
	// without its position.
	Message string `json:"message"`
	// Problems lists every problem as FILE:LINE:COL: PATH: MESSAGE.
	Problems []string `json:"problems"`
	// List holds the problems themselves.
	List diag.ErrorList `json:"-"`
}

// Error returns the problems, one per line.
func (e *ResultError) Error() string { return e.List.Error() }

// newResultError describes the sorted, non-empty problems list.
func newResultError(list diag.ErrorList) *ResultError {
	first := list[0]
	msg := first.Msg
	if first.Path != "" {
		msg = first.Path + ": " + msg
	}
	e := &ResultError{File: first.Pos.File, Line: first.Pos.Line, Column: first.Pos.Column, Message: msg, List: list}
	for _, p := range list {
		e.Problems = append(e.Problems, p.Error())
	}
	return e
}

// MarshalJSON writes the result with "decision": null for an error result,
// which has no decision.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(r.jsonView())
}

// WriteJSON writes to w what MarshalJSON returns and a newline, in one
// Write, without the copy of the encoding json.Marshal returns: the
// result of a case whose explanation lists 10,000 missing keys twice is
// about 800 KB of JSON (issue 15).
func (r *Result) WriteJSON(w io.Writer) error {
	return json.NewEncoder(w).Encode(r.jsonView())
}

// jsonView is what encodes as r's JSON form.
func (r *Result) jsonView() any {
	type plain Result
	if r.Error == nil {
		return (*plain)(r)
	}
	return struct {
		*plain
		Decision *iameval.Decision `json:"decision"`
	}{plain: (*plain)(r)}
}

// Run evaluates every case of f with [iameval.Explain] (lists cut at
// [ReportListLimit]) and reports the results in case order. Problems
// outside any case ([File.Errors]) come first, as one error result with
// an empty Case; each case with problems of its own is one error result
// in its place.
func (f *File) Run() *Report {
	return f.runCases((*Case).Run)
}

// runCases reports the file's own problems as one error result, then
// the result runCase gives for each case, in case order.
func (f *File) runCases(runCase func(*Case) Result) *Report {
	r := &Report{Results: make([]Result, 0, len(f.Cases)+1)}
	if len(f.Errors) > 0 {
		r.Add(fileErrorResult(f.Name, f.Errors))
	}
	for _, c := range f.Cases {
		r.Add(runCase(c))
	}
	return r
}

// fileErrorResult is the one error result of the problems errs outside
// any case of the file name.
func fileErrorResult(name string, errs diag.ErrorList) Result {
	e := newResultError(errs)
	return Result{File: name, Line: e.Line, Column: e.Column, Error: e}
}

// result is the case's result for decision d with the explanation ex
// (nil when not built): it passes when the case expects d or expects
// nothing.
func (c *Case) result(d iameval.Decision, ex *iameval.Explanation) Result {
	res := Result{File: c.file, Case: c.Name, Decision: d, Pass: true, Explanation: ex, Line: c.Pos.Line, Column: c.Pos.Column}
	if c.HasExpect {
		want := c.Expect
		res.Expect = &want
		res.Pass = want == d
	}
	return res
}

// Run evaluates the case with [iameval.Explain], its lists cut at
// [ReportListLimit]. A case with problems ([Case.Err]) is not evaluated:
// its result carries them in Error.
func (c *Case) Run() Result {
	return c.run(iameval.ExplainOptions{CheckAction: checkAction, ListLimit: ReportListLimit})
}

// ReportListLimit is the most deciding statements and missing context
// keys a result's explanation lists ([iameval.ExplainOptions].ListLimit);
// the explanation counts the others in decidingMore and missingKeysMore.
// AWS's size quotas on policies (a managed policy holds 6,144
// characters) keep the lists of real requests short; a hostile
// document of 100,000 matching statements made `iameval test --json`
// hold 100,000 of them, their JSON and the whole result's encoding at
// once (issue 15).
const ReportListLimit = 1_000

// run is Run explaining with o.
func (c *Case) run(o iameval.ExplainOptions) Result {
	r := c.Request()
	if r == nil {
		res := Result{File: c.file, Case: c.Name, Line: c.Pos.Line, Column: c.Pos.Column}
		if c.HasExpect {
			want := c.Expect
			res.Expect = &want
		}
		list := c.Err
		if len(list) == 0 {
			list = diag.ErrorList{{Pos: c.Pos, Kind: ErrValue, Msg: "the case was not built (use scenario.Load)"}}
		}
		res.Error = newResultError(list)
		return res
	}
	ex := iameval.ExplainWith(c.Policies, r, o)
	return c.result(ex.Decision, ex)
}

// Add appends res to r and counts it.
func (r *Report) Add(res Result) {
	r.Results = append(r.Results, res)
	r.Count(res)
}

// Count counts res in r without keeping it, for a run that hands its
// results on as they come ([Files.RunEach]).
func (r *Report) Count(res Result) {
	switch {
	case res.Error != nil:
		r.Errors++
	case res.Pass:
		r.Passed++
	default:
		r.Failed++
	}
}

// Merge appends the results of o to r; a nil o adds nothing.
func (r *Report) Merge(o *Report) {
	if o == nil {
		return
	}
	for _, res := range o.Results {
		r.Add(res)
	}
}

// MarshalJSON writes r as the `iameval test --json` document; an empty
// report has "results": [] rather than null.
func (r *Report) MarshalJSON() ([]byte, error) {
	type plain Report
	p := plain(*r)
	if p.Results == nil {
		p.Results = []Result{}
	}
	return json.Marshal(&p)
}

// checkAction is the catalogue's CheckAction, called only when an
// explanation asks (for an implicit deny): an allowed or denied case does
// not pay for it, and a known action costs the set of action names, not
// the whole catalogue (issue 15).
func checkAction(action string) string {
	return catalog.CheckAction(action)
}
