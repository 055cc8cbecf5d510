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
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

// want holds the decision of every seed B case (spec/seeds.md, seed B
// table, with the rule each one shows).
var want = map[string]iameval.Decision{
	"B1":  iameval.Allowed,      // ${aws:userid} → 123456789012:Bob
	"B2":  iameval.ImplicitDeny, //
	"B3":  iameval.ImplicitDeny, // prefix must start with literal TESTBUCKET/
	"B4":  iameval.Allowed,      // corrected condition
	"B5":  iameval.ImplicitDeny, // aws:username absent for federated users
	"B6":  iameval.ImplicitDeny, // identity path closed (D7 SP)
	"B7":  iameval.Allowed,      // direct grant to the session
	"B8":  iameval.ImplicitDeny, // indirect grant limited by session policy
	"B9":  iameval.Allowed,      // resource is the federated-user ARN
	"B10": iameval.ImplicitDeny, // federated users: STS only GetCallerIdentity
	"B11": iameval.Allowed,      // name collision
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
	assert.Contains(t, out.String(), "aws:userid = 123456789012:Bob", "seeds.md B: aws:userid = ACCOUNT:NAME")
}

func TestRunExplains(t *testing.T) {
	t.Parallel()
	decisions, err := run(&bytes.Buffer{})
	require.NoError(t, err)
	byID := make(map[string]report.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d
	}
	// sts.md §5: the refusal comes before any policy, with its reason.
	assert.Contains(t, byID["B10"].Explanations[0].Reason, "federated user")
	// evaluation-logic D7: without a session policy the session type lacks an allow.
	for _, id := range []string{"B6", "B8"} {
		assert.Contains(t, byID[id].Explanations[0].MissingAllow, policy.Session, id)
	}
	// seeds.md B5: the missing key is reported.
	assert.Contains(t, byID["B5"].Explanations[0].MissingKeys, "aws:username")
}

func TestScenario(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("scenario.json")
	require.NoError(t, err)
	report := f.Run()
	seen := make(map[string]bool)
	for _, r := range report.Results {
		require.NotNil(t, r.Expect, "%s has an expect", r.Case)
		assert.True(t, r.Pass, "%s: got %s, want %s\n%s", r.Case, r.Decision, *r.Expect, r.Explanation)
		id, _, _ := strings.Cut(r.Case, " ")
		w, ok := want[id]
		require.True(t, ok, "scenario case %q names a seed B case", r.Case)
		assert.Equal(t, w, r.Decision, "%s: scenario and program agree", r.Case)
		seen[id] = true
	}
	for id := range want {
		assert.True(t, seen[id], "scenario.json has a case for %s", id)
	}
}
