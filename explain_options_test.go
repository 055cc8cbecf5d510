package iameval

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
)

func decisionPtr(d Decision) *Decision { return &d }

// TestExplainWithStatements pins the per-statement results and the
// counterfactual decision of ExplainWith for the three ways a Condition
// can matter.
func TestExplainWithStatements(t *testing.T) {
	t.Parallel()
	secure := stmt(`"Sid":"Secure","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalTag/team":"analytics"}}`)
	offsite := stmt(`"Sid":"Offsite","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`)
	tests := []struct {
		name      string
		identity  []string
		ctx       []string
		decision  Decision
		want      []EvaluatedStatement
		clauses   [][]bool // per statement: Passed of each clause
		wantTexts []string
		why       string
	}{
		{
			name: "failed condition of the only allow would have allowed", identity: []string{secure, allow("s3:PutObject", "*")},
			decision: ImplicitDeny,
			want: []EvaluatedStatement{
				{Failed: "Condition", IfApplied: decisionPtr(Allowed)},
				{Failed: "Action"},
			},
			clauses: [][]bool{{false, true}, nil},
			why:     "reference_policies_evaluation-logic.md: the Allow was the missing grant, so its Condition decided the implicit deny",
		},
		{
			name: "failed condition of a deny kept an allow", identity: []string{allow("s3:GetObject", "*"), offsite},
			ctx:      []string{"aws:SourceIp", "203.0.113.7"},
			decision: Allowed,
			want: []EvaluatedStatement{
				{Applies: true},
				{Failed: "Condition", IfApplied: decisionPtr(ExplicitDeny)},
			},
			clauses: [][]bool{nil, {false}},
			why:     "reference_policies_evaluation-logic.md: had the Deny applied it would have denied",
		},
		{
			name: "failed condition of a redundant allow changed nothing", identity: []string{allow("s3:GetObject", "*"), secure},
			ctx:      []string{"aws:SecureTransport", "false"},
			decision: Allowed,
			want: []EvaluatedStatement{
				{Applies: true},
				{Failed: "Condition", IfApplied: decisionPtr(Allowed)},
			},
			clauses: [][]bool{nil, {false, true}},
			why:     "another Allow grants: IfApplied equals the decision, so the Condition decided nothing",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ps := docs{identity: tc.identity}.build(t)
			r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime, Context: ctxOf(t, tc.ctx...)})
			require.NoError(t, err)
			x := ExplainWith(ps, r, ExplainOptions{Statements: true})
			require.Equal(t, tc.decision, x.Decision, tc.why)
			require.Len(t, x.Statements, len(tc.want), tc.why)
			for i, w := range tc.want {
				got := x.Statements[i]
				assert.Equal(t, fmt.Sprintf("identity[%d]", i), got.PolicyID)
				assert.Equal(t, w.Applies, got.Applies, "statement %d applies: %s", i, tc.why)
				assert.Equal(t, w.Failed, got.Failed, "statement %d failed: %s", i, tc.why)
				assert.Equal(t, w.IfApplied, got.IfApplied, "statement %d if applied: %s", i, tc.why)
				var passed []bool
				for j, c := range got.Clauses {
					assert.Equal(t, j, c.Index)
					passed = append(passed, c.Passed)
				}
				assert.Equal(t, tc.clauses[i], passed, "statement %d clause results: %s", i, tc.why)
			}
		})
	}
}

// unknownSourceIP is the reason of a clause on aws:SourceIp that the
// request does not give: AWS sets it on every request not made through a
// VPC endpoint
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip).
const unknownSourceIP = "AWS sets aws:SourceIp on every request, but the request does not give its value, so the clause's truth is unknown: an Allow statement does not apply, a Deny statement does; supply the key in the request context"

// TestExplainWithClauseDetail checks that a clause result carries what
// condition.Trace recorded.
func TestExplainWithClauseDetail(t *testing.T) {
	t.Parallel()
	doc := stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":["Analytics","Data"]},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`)
	ps := docs{identity: []string{doc}}.build(t)
	x := ExplainWith(ps, newReq(t, alice, "s3:GetObject", objA), ExplainOptions{Statements: true})
	require.Len(t, x.Statements, 1)
	want := []ClauseResult{
		{Index: 0, Operator: "StringEqualsIgnoreCase", Key: "aws:PrincipalTag/team", Values: []string{"Analytics", "Data"},
			RequestValues: []string{"analytics"}, Passed: true, Reason: x.Statements[0].Clauses[0].Reason},
		{Index: 1, Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"10.0.0.0/8"}, Missing: true, Unknown: true,
			Reason: unknownSourceIP},
	}
	if d := cmp.Diff(want, x.Statements[0].Clauses); d != "" {
		t.Errorf("clauses mismatch (-want +got):\n%s", d)
	}
	assert.NotEmpty(t, want[0].Reason, "every clause says why")
	assert.Equal(t, `identity identity[0] Statement[0] (Allow) at identity[0].json:1:38: Condition failed: condition IpAddress "aws:SourceIp" not met: `+unknownSourceIP+` (if applied: allowed)`,
		x.Statements[0].String())
	assert.Equal(t, `IpAddress "aws:SourceIp" unknown: `+unknownSourceIP, x.Statements[0].Clauses[1].String())
}

// TestExplainWithResourcePrincipal checks that a forced resource-policy
// statement counts with the principal match it had: a cross-account
// grant to the caller's account still needs the identity policy (reference_policies_evaluation-logic.md).
func TestExplainWithResourcePrincipal(t *testing.T) {
	t.Parallel()
	cond := `,"Condition":{"Bool":{"aws:SecureTransport":"true"}}`
	grant := func(principalJSON string) string {
		return stmt(`"Effect":"Allow","Principal":` + principalJSON + `,"Action":"s3:GetObject","Resource":"*"` + cond)
	}
	tests := []struct {
		name      string
		principal string
		identity  []string
		want      Decision
		why       string
	}{
		{"caller named directly", aws("arn:aws:iam::" + acctB + ":user/bob"), []string{allow("s3:GetObject", "*")}, Allowed, "cross-account: RPd and ID"},
		{"account named, identity allows", aws(acctB), []string{allow("s3:GetObject", "*")}, Allowed, "cross-account: RPa and ID"},
		{"account named, no identity allow", aws(acctB), []string{allow("s3:PutObject", "*")}, ImplicitDeny, "cross-account: RPa without ID grants nothing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ps := docs{identity: tc.identity, resource: grant(tc.principal)}.build(t)
			r, err := NewRequest(RequestInput{Principal: bobB, Action: "s3:GetObject", Resource: objA, ResourceAccount: acctA, Time: fixedTime})
			require.NoError(t, err)
			x := ExplainWith(ps, r, ExplainOptions{Statements: true})
			require.Equal(t, ImplicitDeny, x.Decision)
			var found bool
			for _, s := range x.Statements {
				if s.PolicyType == policy.Resource {
					found = true
					require.NotNil(t, s.IfApplied, tc.why)
					assert.Equal(t, tc.want, *s.IfApplied, tc.why)
				}
			}
			assert.True(t, found, "the resource policy was consulted")
		})
	}
}

// TestExplainWithZeroOptions: the zero options give Explain's answer, and
// Statements changes nothing else.
func TestExplainWithZeroOptions(t *testing.T) {
	t.Parallel()
	for _, c := range genCases(t, 11, propertyCases/3) {
		want := Explain(c.ps, c.r)
		if d := cmp.Diff(want, ExplainWith(c.ps, c.r, ExplainOptions{})); d != "" {
			t.Fatalf("ExplainWith(zero) differs from Explain (-want +got):\n%s", d)
		}
		got := ExplainWith(c.ps, c.r, ExplainOptions{Statements: true})
		got.Statements = nil
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("Statements changed the rest of the explanation (-want +got):\n%s", d)
		}
	}
	b, err := json.Marshal(Explain(nil, newReq(t, alice, "s3:GetObject", objA)))
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"statements"`, "Explain's JSON form is unchanged")
}

// TestPropertyIfApplied checks the counterfactual against the policy set
// rewritten so that the statement has no Condition: a statement stopped
// only by its Condition then applies, and the decision must be IfApplied.
func TestPropertyIfApplied(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, c := range genCases(t, 12, propertyCases) {
		x := ExplainWith(c.ps, c.r, ExplainOptions{Statements: true})
		require.Equal(t, Evaluate(c.ps, c.r), x.Decision)
		for _, s := range x.Statements {
			if s.Failed != "Condition" {
				assert.Nil(t, s.IfApplied, "only a statement stopped by its Condition has IfApplied: %s", s)
				continue
			}
			require.NotNil(t, s.IfApplied, "%s", s)
			require.NotEmpty(t, s.Clauses, "a Condition failure has clause results")
			g := c.gen.set.clone()
			p := g.byID()[s.PolicyID]
			require.NotNil(t, p, "generated policy %s", s.PolicyID)
			p.stmts[s.Index].cond = ""
			ps, ok := g.build(t)
			require.True(t, ok)
			assert.Equal(t, Evaluate(ps, c.r), *s.IfApplied, "%s\n%s", s, x)
			checked++
		}
	}
	assert.Greater(t, checked, propertyCases/10, "too few statements stopped by a Condition")
}

// byID maps the ids build gives to the generated policies.
func (g *genSet) byID() map[string]*genPolicy {
	m := map[string]*genPolicy{}
	for i := range g.identity {
		m[fmt.Sprint("identity", i)] = &g.identity[i]
	}
	for i := range g.session {
		m[fmt.Sprint("session", i)] = &g.session[i]
	}
	if g.boundary != nil {
		m["boundary"] = g.boundary
	}
	if g.resource != nil {
		m["resource"] = g.resource
	}
	for l := range g.scp {
		for i := range g.scp[l] {
			m[fmt.Sprint("scp", l, i)] = &g.scp[l][i]
		}
	}
	for l := range g.rcp {
		for i := range g.rcp[l] {
			m[fmt.Sprint("rcp", l, i)] = &g.rcp[l][i]
		}
	}
	for i := range g.vpce {
		m[fmt.Sprint("vpce", i)] = &g.vpce[i]
	}
	return m
}

// TestExplainWithCheckAction: the optional action check fills
// UnknownAction for an implicit deny only; the decision never changes.
func TestExplainWithCheckAction(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{allow("s3:GetObject", "*")}}.build(t)
	check := func(a string) string {
		if a == "s3:GetObject" || a == "s3:PutObject" {
			return ""
		}
		return a + " is not an action"
	}
	tests := []struct {
		action   string
		decision Decision
		want     string
		why      string
	}{
		{"s3:GetObjcet", ImplicitDeny, "s3:GetObjcet is not an action", "unknown action: said in the explanation"},
		{"s3:PutObject", ImplicitDeny, "", "a known action without an allow: nothing to add"},
		{"s3:GetObject", Allowed, "", "only implicit denies are checked"},
	}
	for _, tc := range tests {
		r := newReq(t, alice, tc.action, "arn:aws:s3:::b/k")
		x := ExplainWith(ps, r, ExplainOptions{CheckAction: check})
		assert.Equal(t, tc.decision, x.Decision, tc.why)
		assert.Equal(t, tc.want, x.UnknownAction, tc.why)
		if tc.want != "" {
			assert.Contains(t, x.String(), "unknown action: "+tc.want, tc.why)
		}
		assert.Empty(t, ExplainWith(ps, r, ExplainOptions{}).UnknownAction, "off unless asked for")
	}
}
