package scenario_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

// TestJUnitIsWellFormed: the JUnit report stays well-formed XML whatever
// the case names hold (markup, a terminal escape sequence), with the
// counts of the report; iameval's own golden file pins the layout.
func TestJUnitIsWellFormed(t *testing.T) {
	t.Parallel()
	src := `[{"name": "<b>&\u001b[2J</b>", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*", "expect": "allowed"},
 {"name": "]]> no expect", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*"},
 {"name": "bad", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*", "expect": "nope"}]`
	f, err := scenario.Load("j.json", []byte(src), nil)
	require.Error(t, err)
	var b bytes.Buffer
	require.NoError(t, f.Run().WriteJUnit(&b))
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
				Error *struct {
					Text string `xml:",chardata"`
				} `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc), b.String())
	assert.Equal(t, 3, doc.Tests)
	assert.Equal(t, 1, doc.Failures)
	assert.Equal(t, 1, doc.Errors)
	require.Len(t, doc.Suites, 1)
	require.Len(t, doc.Suites[0].Cases, 3)
	assert.Equal(t, "<b>&\uFFFD[2J</b>", doc.Suites[0].Cases[0].Name, "a control character XML cannot hold is replaced")
	assert.Contains(t, doc.Suites[0].Cases[0].Failure.Message, "expected allowed, got implicitDeny: IAMUser")
	assert.Contains(t, doc.Suites[0].Cases[2].Error.Text, `j.json:3:120: [2].expect: expected "allowed"`)
}

// TestStatementPercent is the share --min-coverage compares with.
func TestStatementPercent(t *testing.T) {
	t.Parallel()
	assert.InDelta(t, 50.0, (&scenario.Coverage{Statements: scenario.Count{Total: 4, Decided: 2}}).StatementPercent(), 1e-9)
	assert.InDelta(t, 100.0, (&scenario.Coverage{}).StatementPercent(), 1e-9, "nothing to cover")
}
