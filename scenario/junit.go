package scenario

import (
	"encoding/xml"
	"io"
	"strings"
)

// JUnit XML, the report format CI systems (Jenkins, GitLab, GitHub
// actions that publish test results, ...) read: one <testsuite> per
// scenario file, one <testcase> per case.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		File      string        `xml:"file,attr"`
		Line      int           `xml:"line,attr,omitempty"`
		Failure   *junitProblem `xml:"failure"`
		Error     *junitProblem `xml:"error"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// WriteJUnit writes r as JUnit XML, as `iameval test --junit FILE` does:
// a <testsuite> per scenario file in the order of the results and a
// <testcase> per case, named after the case, with the file as classname
// and the case's line. A case that missed its expect has a <failure>
// whose message is the expected and actual decision with the first line
// of the explanation, and whose text is the whole explanation; a case or
// file that could not run has an <error> with every problem as
// file:line:col: message. A case without expect records its decision in
// <system-out>.
func (r *Report) WriteJUnit(w io.Writer) error {
	out := junitSuites{Name: "iameval test", Tests: len(r.Results), Failures: r.Failed, Errors: r.Errors}
	index := map[string]int{}
	for _, res := range r.Results {
		i, ok := index[res.File]
		if !ok {
			i = len(out.Suites)
			index[res.File] = i
			out.Suites = append(out.Suites, junitSuite{Name: res.File})
		}
		s := &out.Suites[i]
		s.Tests++
		c := junitCase{Name: res.Case, Classname: res.File, File: res.File, Line: res.Line}
		switch {
		case res.Error != nil:
			s.Errors++
			if c.Name == "" {
				c.Name = res.File
			}
			c.Error = &junitProblem{Message: res.Error.Message, Type: "not run", Text: strings.Join(res.Error.Problems, "\n")}
		case !res.Pass:
			s.Failures++
			text := res.Explanation.String()
			first, _, _ := strings.Cut(text, "\n")
			c.Failure = &junitProblem{
				Message: "expected " + res.Expect.String() + ", got " + first,
				Type:    "wrong decision",
				Text:    text,
			}
		case res.Expect == nil:
			c.SystemOut = res.Decision.String() + " (no expect)"
		}
		s.Cases = append(s.Cases, c)
	}
	b, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, xml.Header+string(b)+"\n")
	return err
}
