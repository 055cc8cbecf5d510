package scenario

import "github.com/iameval/iameval"

// RunBrief is [File.Run] without the explanations of the cases that
// pass: their Result has a nil Explanation. A passing case is evaluated
// with [iameval.Evaluate], which reaches the decision [iameval.Explain]
// reports, without building the explanation; a failing case is explained
// as Run explains it. `iameval test` prints explanations only for the
// cases that fail, and an allowed case's explanation lists every
// statement that granted it: 100,000 for a policy of 100,000 matching
// statements (issue 15).
func (f *File) RunBrief() *Report {
	r := &Report{Results: make([]Result, 0, len(f.Cases)+1)}
	if len(f.Errors) > 0 {
		e := newResultError(f.Errors)
		r.Add(Result{File: f.Name, Line: e.Line, Column: e.Column, Error: e})
	}
	for _, c := range f.Cases {
		r.Add(c.RunBrief())
	}
	return r
}

// RunBrief is [Case.Run] without the explanation of a case that passes
// (see [File.RunBrief]).
func (c *Case) RunBrief() Result {
	if len(c.Err) > 0 || c.request == nil {
		return c.Run()
	}
	d := iameval.Evaluate(c.Policies, c.request)
	if c.HasExpect && c.Expect != d {
		return c.Run()
	}
	res := Result{File: c.file, Case: c.Name, Decision: d, Pass: true, Line: c.Pos.Line, Column: c.Pos.Column}
	if c.HasExpect {
		want := c.Expect
		res.Expect = &want
	}
	return res
}
