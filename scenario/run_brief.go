package scenario

import "github.com/iameval/iameval"

// RunBrief is [File.Run] without the explanations of the cases that
// pass: their Result has a nil Explanation. A passing case is evaluated
// with [iameval.Evaluate], which reaches the decision [iameval.Explain]
// reports, without building the explanation; a failing case is explained
// as Run explains it, but with lists as long as its text shows them
// ([iameval.ExplainOptions].ListLimit of [iameval.TextListLimit]).
// `iameval test` prints explanations only for the cases that fail, and an
// allowed case's explanation lists every statement that granted it:
// 100,000 for a policy of 100,000 matching statements (issue 15).
func (f *File) RunBrief() *Report {
	return f.runCases((*Case).RunBrief)
}

// RunBrief is [Case.Run] without the explanation of a case that passes
// (see [File.RunBrief]).
func (c *Case) RunBrief() Result {
	brief := iameval.ExplainOptions{CheckAction: checkAction, ListLimit: iameval.TextListLimit}
	r := c.Request()
	if r == nil {
		return c.run(brief)
	}
	d := iameval.Evaluate(c.Policies, r)
	if c.HasExpect && c.Expect != d {
		return c.run(brief)
	}
	return c.result(d, nil)
}
