package scenario

import (
	"encoding/json"

	"github.com/iameval/iameval"
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
	// Explanation says why, as the engine reports it.
	Explanation *iameval.Explanation `json:"explanation"`
}

// Run evaluates every case of f with [iameval.Explain] and reports the
// results in case order.
func (f *File) Run() *Report {
	r := &Report{Results: make([]Result, 0, len(f.Cases))}
	for _, c := range f.Cases {
		r.Add(c.Run())
	}
	return r
}

// Run evaluates the case with [iameval.Explain].
func (c *Case) Run() Result {
	ex := iameval.Explain(c.Policies, c.request)
	res := Result{File: c.file, Case: c.Name, Decision: ex.Decision, Pass: true, Explanation: ex}
	if c.HasExpect {
		want := c.Expect
		res.Expect = &want
		res.Pass = want == ex.Decision
	}
	return res
}

// Add appends res to r and counts it.
func (r *Report) Add(res Result) {
	r.Results = append(r.Results, res)
	if res.Pass {
		r.Passed++
	} else {
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
