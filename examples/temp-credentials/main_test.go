package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/examples/internal/reporttest"
)

// want holds the decision of every case of the program, with the rule
// each one shows.
var want = map[string]iameval.Decision{
	"C1":  iameval.Allowed,      // no permission needed (id_credentials_temp_request.md)
	"C2":  iameval.ImplicitDeny, // default deny
	"C3":  iameval.Allowed,      //
	"C4":  iameval.Allowed,      // resource glob
	"C5":  iameval.ImplicitDeny, //
	"C6":  iameval.ImplicitDeny, // case-sensitive
	"C7":  iameval.Allowed,      // cross-account: both sides allow
	"C8":  iameval.ImplicitDeny, // identity side missing
	"C9":  iameval.ImplicitDeny, // trust side missing
	"C10": iameval.ImplicitDeny, // spelling
	"C11": iameval.Allowed,      // delegated within the user's permissions
	"C12": iameval.ImplicitDeny, // delegation is capped by the user's own permissions
}

func TestRun(t *testing.T) {
	t.Parallel()
	reporttest.CheckRun(t, run, want)
}

func TestRunExplains(t *testing.T) {
	t.Parallel()
	decisions, err := run(&bytes.Buffer{})
	require.NoError(t, err)
	byID := make(map[string]report.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d
	}
	// id_credentials_temp_request.md: GetSessionToken is decided before any policy.
	assert.NotEmpty(t, byID["C1"].Explanations[0].Reason)
	// id_credentials_temp_request.md: the resource of GetFederationToken is the federated-user ARN.
	for id, name := range map[string]string{"C4": "ManagerJoe", "C5": "Bob", "C6": "managerjoe"} {
		assert.Equal(t, "arn:aws:sts::123456789012:federated-user/"+name, byID[id].Explanations[0].Request.Resource, id)
	}
	// id_credentials_temp_request.md: cross-account, both the identity policy and the trust policy decided.
	var types []string
	for _, s := range byID["C7"].Explanations[0].Deciding {
		types = append(types, s.PolicyType.String())
	}
	assert.Equal(t, []string{"identity", "resource"}, types)
}

func TestScenario(t *testing.T) {
	t.Parallel()
	reporttest.CheckScenario(t, "scenario.json", want)
}
