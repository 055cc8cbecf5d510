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
	"A1":  iameval.Allowed,      // token tag → aws:PrincipalTag/Email
	"A2":  iameval.Allowed,      //
	"A3":  iameval.Allowed,      //
	"A4":  iameval.ImplicitDeny, // no statement for user2
	"A5":  iameval.ImplicitDeny, // tag absent → StringEquals false
	"A6":  iameval.ImplicitDeny, // values case-sensitive
	"A7":  iameval.ImplicitDeny, // request carries no tags
	"A8":  iameval.Allowed,      // request tags are caller-controlled (the flaw)
	"A9":  iameval.ImplicitDeny, // one sub admits one user
	"A10": iameval.ImplicitDeny, // tagged tokens need sts:TagSession
	"A11": iameval.Allowed,      // Federated principal + :aud
	"A12": iameval.Allowed,      // ${idp.example.com:sub}
	"A13": iameval.ImplicitDeny, //
	"A14": iameval.Allowed,      // ${aws:PrincipalTag/Email}
}

func TestRun(t *testing.T) {
	t.Parallel()
	out := reporttest.CheckRun(t, run, want)
	assert.Contains(t, out, "There is no Tags parameter")
}

func TestRunExplainsTheSTSCalls(t *testing.T) {
	t.Parallel()
	decisions, err := run(&bytes.Buffer{})
	require.NoError(t, err)
	byID := make(map[string]report.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d
	}
	// API_AssumeRoleWithWebIdentity.html: a tagged token is authorized as two actions, both unsigned.
	var actions []string
	for _, x := range byID["A11"].Explanations {
		actions = append(actions, x.Request.Action)
		assert.True(t, x.Request.Unsigned)
	}
	assert.Equal(t, []string{"sts:AssumeRoleWithWebIdentity", "sts:TagSession"}, actions)
	// id_session-tags.md: the refusal is on sts:TagSession, the trust's missing action.
	require.Len(t, byID["A10"].Explanations, 1)
	assert.Equal(t, "sts:TagSession", byID["A10"].Explanations[0].Request.Action)
	assert.Equal(t, "sts:AssumeRoleWithWebIdentity", byID["A9"].Explanations[0].Request.Action)
}

func TestScenario(t *testing.T) {
	t.Parallel()
	reporttest.CheckScenario(t, "scenario.json", want)
}
