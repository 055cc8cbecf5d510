package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/examples/internal/reporttest"
	"github.com/iameval/iameval/policy"
)

// want holds the decision of every case of the program, with the rule
// each one shows.
var want = map[string]iameval.Decision{
	"B1":  iameval.Allowed,      // ${aws:userid} → 123456789012:Bob
	"B2":  iameval.ImplicitDeny, //
	"B3":  iameval.ImplicitDeny, // prefix must start with literal TESTBUCKET/
	"B4":  iameval.Allowed,      // corrected condition
	"B5":  iameval.ImplicitDeny, // aws:username absent for federated users
	"B6":  iameval.ImplicitDeny, // identity path closed (reference_policies_evaluation-logic.md SP)
	"B7":  iameval.Allowed,      // direct grant to the session
	"B8":  iameval.ImplicitDeny, // indirect grant limited by session policy
	"B9":  iameval.Allowed,      // resource is the federated-user ARN
	"B10": iameval.ImplicitDeny, // federated users: STS only GetCallerIdentity
	"B11": iameval.Allowed,      // name collision
}

func TestRun(t *testing.T) {
	t.Parallel()
	out := reporttest.CheckRun(t, run, want)
	assert.Contains(t, out, "aws:userid = 123456789012:Bob", "reference_policies_variables.md: aws:userid = ACCOUNT:NAME")
}

func TestRunExplains(t *testing.T) {
	t.Parallel()
	decisions, err := run(&bytes.Buffer{})
	require.NoError(t, err)
	byID := make(map[string]report.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d
	}
	// API_GetFederationToken.html: the refusal comes before any policy, with its reason.
	assert.Contains(t, byID["B10"].Explanations[0].Reason, "federated user")
	// reference_policies_evaluation-logic.md: without a session policy the session type lacks an allow.
	for _, id := range []string{"B6", "B8"} {
		assert.Contains(t, byID[id].Explanations[0].MissingAllow, policy.Session, id)
	}
	// reference_policies_variables.md: the missing key is reported.
	assert.Contains(t, byID["B5"].Explanations[0].MissingKeys, "aws:username")
}

func TestScenario(t *testing.T) {
	t.Parallel()
	reporttest.CheckScenario(t, "scenario.json", want)
}
