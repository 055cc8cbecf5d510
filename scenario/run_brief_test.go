package scenario_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/scenario"
)

// TestRunBriefIsRunLessPassingExplanations: RunBrief reports what Run
// reports, with the explanations of passing cases left out (and lists
// cut where the text cuts them, which these files' lists are too short
// for); the decision of a passing case comes from iameval.Evaluate, which
// reaches the decision Explain reports.
func TestRunBriefIsRunLessPassingExplanations(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/scenarios/*.json")
	require.NoError(t, err)
	shared, _ := filepath.Glob(filepath.Join(sharedConformance, "*.json"))
	files = append(files, shared...)
	require.NotEmpty(t, files)
	for _, name := range files {
		f, _ := scenario.LoadFile(name)
		want := f.Run()
		for i := range want.Results {
			if want.Results[i].Error == nil && want.Results[i].Pass {
				want.Results[i].Explanation = nil
			}
		}
		assert.Equal(t, want, f.RunBrief(), name)
	}
}

// TestRunBriefExplainsFailures: a case that does not get its expected
// decision, and a case that cannot run, are reported as Run reports
// them; a case without "expect" passes and is not explained.
func TestRunBriefExplainsFailures(t *testing.T) {
	t.Parallel()
	src := `{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [
	   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}]},
	 "cases": [
	  {"name": "wrong", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:PutObject", "resource": "*", "expect": "allowed"},
	  {"name": "right", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*", "expect": "allowed"},
	  {"name": "no expect", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:PutObject", "resource": "*"},
	  {"name": "bad", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*", "expect": "maybe"}]}`
	f, _ := scenario.Load("s.json", []byte(src), nil)
	full, brief := f.Run(), f.RunBrief()
	require.Len(t, brief.Results, 4)
	assert.Equal(t, full.Results[0], brief.Results[0], "a failure keeps its explanation")
	assert.NotNil(t, brief.Results[0].Explanation)
	assert.Nil(t, brief.Results[1].Explanation)
	assert.Equal(t, iameval.Allowed, brief.Results[1].Decision)
	assert.Nil(t, brief.Results[2].Explanation)
	assert.Equal(t, iameval.ImplicitDeny, brief.Results[2].Decision)
	assert.Nil(t, brief.Results[2].Expect)
	assert.Equal(t, full.Results[3], brief.Results[3], "an error result is Run's")
	assert.Equal(t, [3]int{2, 1, 1}, [3]int{brief.Passed, brief.Failed, brief.Errors})
}

// TestRunBriefListsWhatTheTextShows: a failing case's explanation keeps
// the deciding statements and missing keys its text lists and counts the
// others, so its text is Run's; every matching Deny statement decides an
// explicit deny (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func TestRunBriefListsWhatTheTextShows(t *testing.T) {
	t.Parallel()
	var stmts []string
	for i := range iameval.TextListLimit + 5 {
		stmts = append(stmts, fmt.Sprintf(`{"Sid": "D%02d", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}`, i))
	}
	src := `{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [` + strings.Join(stmts, ",") + `]}]},
	 "cases": [{"name": "denied", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*", "expect": "allowed"}]}`
	f, _ := scenario.Load("s.json", []byte(src), nil)
	full, brief := f.Run(), f.RunBrief()
	require.Len(t, brief.Results, 1)
	x, y := full.Results[0].Explanation, brief.Results[0].Explanation
	require.NotNil(t, y)
	assert.Len(t, x.Deciding, iameval.TextListLimit+5)
	assert.Equal(t, x.Deciding[:iameval.TextListLimit], y.Deciding)
	assert.Equal(t, 5, y.DecidingMore)
	assert.Equal(t, x.String(), y.String())
}

// TestRunListsAtMostReportListLimit: a report's explanation lists at most
// ReportListLimit deciding statements and missing keys and counts the
// rest, so that `iameval test --json` on a document of 100,000 matching
// statements or absent keys holds no list of them all (issue 15); every
// matching Allow statement decides an allow and every key a statement
// looked up and the request lacks is missing, as the simulator's
// MissingContextValues
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func TestRunListsAtMostReportListLimit(t *testing.T) {
	t.Parallel()
	const extra = 7
	var stmts, keys []string
	for i := range scenario.ReportListLimit + extra {
		stmts = append(stmts, fmt.Sprintf(`{"Sid": "A%d", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}`, i))
		keys = append(keys, fmt.Sprintf(`"aws:PrincipalTag/k%d": "v"`, i))
	}
	src := `{"cases": [
	 {"name": "allowed", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*", "expect": "allowed",
	  "policies": {"identity": [{"Version": "2012-10-17", "Statement": [` + strings.Join(stmts, ",") + `]}]}},
	 {"name": "keys", "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "*", "expect": "implicitDeny",
	  "policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
	   "Condition": {"StringEquals": {` + strings.Join(keys, ",") + `}}}]}]}}]}`
	f, _ := scenario.Load("s.json", []byte(src), nil)
	rep := f.Run()
	require.Len(t, rep.Results, 2)
	require.Equal(t, 2, rep.Passed)
	allowed, denied := rep.Results[0].Explanation, rep.Results[1].Explanation
	require.Len(t, allowed.Deciding, scenario.ReportListLimit)
	assert.Equal(t, extra, allowed.DecidingMore)
	assert.Equal(t, "A0", allowed.Deciding[0].Sid, "the first ones, in document order")
	require.Len(t, denied.MissingKeys, scenario.ReportListLimit)
	assert.Equal(t, extra, denied.MissingKeysMore)
	assert.Equal(t, "aws:PrincipalTag/k0", denied.MissingKeys[0], "sorted ignoring case")
}
