package simulate

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
)

// simulateOK runs in and fails the test on an error.
func simulateOK(t *testing.T, in *Input) *Response {
	t.Helper()
	resp, err := Simulate(in)
	require.NoError(t, err)
	require.NotNil(t, resp)
	return resp
}

// only returns the single result of resp.
func only(t *testing.T, resp *Response) EvaluationResult {
	t.Helper()
	require.Len(t, resp.EvaluationResults, 1)
	return resp.EvaluationResults[0]
}

// errorList returns the problems of err, failing the test when err is not
// a diag.ErrorList.
func errorList(t *testing.T, err error) diag.ErrorList {
	t.Helper()
	var list diag.ErrorList
	require.True(t, errors.As(err, &list), "want a diag.ErrorList, got %v", err)
	return list
}

// ids returns the SourcePolicyId of each statement.
func ids(ss []Statement) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.SourcePolicyID)
	}
	return out
}

// decisions returns the decision of each result.
func decisions(resp *Response) []iameval.Decision {
	var out []iameval.Decision
	for _, r := range resp.EvaluationResults {
		out = append(out, r.EvalDecision)
	}
	return out
}

// The policies of the tests.
const (
	s3ReadPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}`
	allowAll     = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
)
