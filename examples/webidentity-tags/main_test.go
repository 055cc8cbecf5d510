package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/examples/internal/report"
	"github.com/iameval/iameval/scenario"
)

// want holds the decision of every seed A case (spec/seeds.md, seed A
// table, with the rule each one shows).
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
	var out bytes.Buffer
	decisions, err := run(&out)
	require.NoError(t, err)

	got := make(map[string]iameval.Decision, len(decisions))
	for _, d := range decisions {
		require.NotContains(t, got, d.ID, "each case is shown once")
		got[d.ID] = d.Decision
		require.NotEmpty(t, d.Explanations, "%s is explained", d.ID)
		for _, x := range d.Explanations {
			assert.Contains(t, out.String(), strings.SplitN(x.String(), "\n", 2)[0], "%s: the explanation is printed", d.ID)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("decisions (-want +got):\n%s", d)
	}
	assert.Contains(t, out.String(), "There is no Tags parameter")
}

func TestRunExplainsTheSTSCalls(t *testing.T) {
	t.Parallel()
	decisions, err := run(&bytes.Buffer{})
	require.NoError(t, err)
	byID := make(map[string]report.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d
	}
	// sts.md §3: a tagged token is authorized as two actions, both unsigned.
	var actions []string
	for _, x := range byID["A11"].Explanations {
		actions = append(actions, x.Request.Action)
		assert.True(t, x.Request.Unsigned)
	}
	assert.Equal(t, []string{"sts:AssumeRoleWithWebIdentity", "sts:TagSession"}, actions)
	// seeds.md A10: the refusal is on sts:TagSession, the trust's missing action.
	require.Len(t, byID["A10"].Explanations, 1)
	assert.Equal(t, "sts:TagSession", byID["A10"].Explanations[0].Request.Action)
	assert.Equal(t, "sts:AssumeRoleWithWebIdentity", byID["A9"].Explanations[0].Request.Action)
}

func TestScenario(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("scenario.json")
	require.NoError(t, err)
	report := f.Run()
	for _, r := range report.Results {
		require.NotNil(t, r.Expect, "%s has an expect", r.Case)
		assert.True(t, r.Pass, "%s: got %s, want %s\n%s", r.Case, r.Decision, *r.Expect, r.Explanation)
		// The scenario and the program reach the same decision per case.
		id, _, _ := strings.Cut(r.Case, " ")
		w, ok := want[id]
		require.True(t, ok, "scenario case %q names a seed A case", r.Case)
		assert.Equal(t, w, r.Decision, "%s: scenario and program agree", r.Case)
	}
	seen := make(map[string]bool)
	for _, r := range report.Results {
		id, _, _ := strings.Cut(r.Case, " ")
		seen[id] = true
	}
	for id := range want {
		assert.True(t, seen[id], "scenario.json has a case for %s", id)
	}
}
