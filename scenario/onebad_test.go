package scenario_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

// TestOneBadCaseIsOneError: a case whose policy is invalid, whose expect is
// misspelt or whose policy file is missing is one error result; every
// other case of the file still runs and reports, including a case whose
// expectation is wrong.
func TestOneBadCaseIsOneError(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("testdata/onebad/onebad.json")
	require.Error(t, err, "Load still reports every problem")
	require.NotNil(t, f)
	assert.Empty(t, f.Errors, "no problem is outside a case")
	rep := f.Run()
	type row struct {
		Case, Outcome, Error string
	}
	var got []row
	for _, r := range rep.Results {
		out := "pass"
		switch {
		case r.Error != nil:
			out = "error"
		case !r.Pass:
			out = "fail"
		}
		msg := ""
		if r.Error != nil {
			msg = r.Error.Problems[0]
		}
		got = append(got, row{r.Case, out, msg})
	}
	want := []row{
		{"allowed by the identity policy", "pass", ""},
		{"misspelt expect value", "error", `testdata/onebad/onebad.json:9:107: cases[1].expect: expected "allowed", "explicitDeny" or "implicitDeny", found "alowed"`},
		{"misspelt expect key", "error", `testdata/onebad/onebad.json:10:95: cases[2].expct: unknown key "expct" in a case (did you mean "expect"?)`},
		{"invalid policy", "error", `testdata/onebad/onebad.json:12:83: cases[3].policies.identity[0].Statement[0].Effect: expected "Allow" or "Deny", found "Alow"`},
		{"missing policy file", "error", `testdata/onebad/onebad.json:15:41: cases[4].policies.identity[0].file: cannot read policy file: stat testdata/onebad/no-such-policy.json: no such file or directory`},
		{"wrong expectation still runs", "fail", ""},
		{"no allow for PutObject", "pass", ""},
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 2, rep.Passed)
	assert.Equal(t, 1, rep.Failed)
	assert.Equal(t, 4, rep.Errors)

	b, err := json.Marshal(rep.Results[1])
	require.NoError(t, err)
	assert.JSONEq(t, `{"file": "testdata/onebad/onebad.json", "case": "misspelt expect value", "decision": null, "expect": null,
		"pass": false, "explanation": null, "line": 9, "column": 5,
		"error": {"file": "testdata/onebad/onebad.json", "line": 9, "column": 107,
			"message": "cases[1].expect: expected \"allowed\", \"explicitDeny\" or \"implicitDeny\", found \"alowed\"",
			"problems": ["testdata/onebad/onebad.json:9:107: cases[1].expect: expected \"allowed\", \"explicitDeny\" or \"implicitDeny\", found \"alowed\""]}}`, string(b))

	// WriteJSON writes what json.Marshal returns, and a newline, for
	// every kind of result.
	for i := range rep.Results {
		want, err := json.Marshal(rep.Results[i])
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, rep.Results[i].WriteJSON(&got))
		assert.Equal(t, string(want)+"\n", got.String(), rep.Results[i].Case)
	}
}

// TestFileErrorsAreOneResult: a file that is not JSON, or cannot be read,
// is one error result naming the file; a missing file says so.
func TestFileErrorsAreOneResult(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"not JSON", `{"cases": [`, `bad.json:1:12: invalid JSON: unexpected end of JSON input`},
		{"not a scenario", `42`, `bad.json:1:1: expected a scenario object or a list of cases, found number`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scenario.Load("bad.json", []byte(tc.src), nil)
			require.Error(t, err)
			rep := f.Run()
			require.Len(t, rep.Results, 1)
			r := rep.Results[0]
			require.NotNil(t, r.Error)
			assert.Equal(t, []string{tc.want}, r.Error.Problems)
			assert.Equal(t, "", r.Case, "a file-level error belongs to no case")
			assert.Equal(t, 1, rep.Errors)
		})
	}
	f, err := scenario.LoadFile("testdata/onebad/missing.json")
	require.Error(t, err)
	rep := f.Run()
	require.Len(t, rep.Results, 1)
	assert.Equal(t, "testdata/onebad/missing.json: cannot read scenario file: no such file", rep.Results[0].Error.Problems[0])
}

// TestInvalidPolicyKeepsItsWarnings: the warnings of an invalid policy are
// reported with its errors (in File.Warnings), not lost and not turned
// into errors of the case.
func TestInvalidPolicyKeepsItsWarnings(t *testing.T) {
	t.Parallel()
	src := `[{"name": "c", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*",
  "policies": {"identity": [{"Version": "2012-10-17", "Statement": {"Effect": "Alow", "Action": "s3:*", "Resource": "*",
    "Condition": {"stringEquals": {"aws:username": "a"}}}}]}}]`
	f, err := scenario.Load("w.json", []byte(src), nil)
	require.Error(t, err)
	require.Len(t, f.Cases, 1)
	require.Len(t, f.Cases[0].Err, 1)
	assert.Contains(t, f.Cases[0].Err[0].Error(), `found "Alow"`)
	require.Len(t, f.Warnings, 1)
	assert.Equal(t, `w.json:3:19: warning: [0].policies.identity[0].Statement.Condition.stringEquals: operator "stringEquals" is spelled "StringEquals" by AWS`, f.Warnings[0].Error())
}
