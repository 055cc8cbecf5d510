package scenario_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

const (
	allowAll = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`
	allowRes = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}`
	denyRCP  = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}`
)

// ids lists the ids of a policy set, by field, as "field:id".
func ids(ps *iameval.PolicySet) []string {
	var out []string
	add := func(field string, ps ...*policy.Policy) {
		for _, p := range ps {
			out = append(out, field+":"+p.ID()+":"+p.Type().String())
		}
	}
	add("identity", ps.Identity...)
	add("session", ps.Session...)
	if ps.PermissionsBoundary != nil {
		add("permissionsBoundary", ps.PermissionsBoundary)
	}
	if ps.Resource != nil {
		add("resource", ps.Resource)
	}
	for _, l := range ps.SCP {
		add("scp", l...)
	}
	for _, l := range ps.RCP {
		add("rcp", l...)
	}
	add("vpcEndpoint", ps.VPCEndpoint...)
	return out
}

// TestPolicySetSemantics pins default ids, overrides key by key, null
// removal and empty lists (scenario format, POLICY (go doc ./scenario) SET, POLICY, CASE).
func TestPolicySetSemantics(t *testing.T) {
	t.Parallel()
	src := `{
  "principal": "arn:aws:sts::123456789012:assumed-role/Dev/alice",
  "policies": {
    "identity": [` + allowAll + `, {"id": "Named", "document": ` + allowAll + `}],
    "session": [` + allowAll + `],
    "permissionsBoundary": ` + allowAll + `,
    "resource": ` + allowRes + `,
    "scp": [[` + allowAll + `], [` + allowAll + `, ` + allowAll + `]],
    "rcp": [[` + allowRes + `], [` + denyRCP + `]],
    "vpcEndpoint": [` + allowRes + `]
  },
  "cases": [
    {"name": "file set", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"},
    {"name": "override and remove", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
     "policies": {"identity": [{"id": "Mine", "document": ` + allowAll + `}], "session": null, "scp": [], "rcp": null, "vpcEndpoint": []}},
    {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "policies": {}}
  ]
}`
	f, err := scenario.Load("set.json", []byte(src), nil)
	require.NoError(t, err)
	require.Len(t, f.Cases, 3)

	tests := []struct {
		name string
		c    *scenario.Case
		want []string
		why  string
	}{
		{
			name: "default ids",
			c:    f.Cases[0],
			want: []string{
				"identity:identity[0]:identity", "identity:Named:identity",
				"session:session[0]:session",
				"permissionsBoundary:permissionsBoundary:permissionsBoundary",
				"resource:resource:resource",
				"scp:scp[0][0]:scp", "scp:scp[1][0]:scp", "scp:scp[1][1]:scp",
				"rcp:rcp[0][0]:rcp", "rcp:rcp[1][0]:rcp",
				"vpcEndpoint:vpcEndpoint[0]:vpcEndpoint",
			},
			why: "scenario format, POLICY (go doc ./scenario): without an id, a policy's id is its type and index",
		},
		{
			name: "override key by key",
			c:    f.Cases[1],
			want: []string{
				"identity:Mine:identity",
				"permissionsBoundary:permissionsBoundary:permissionsBoundary",
				"resource:resource:resource",
			},
			why: "scenario format, CASE (go doc ./scenario) policies: a key given replaces that key, others are kept, null removes it, an empty list is absent",
		},
		{
			name: "empty override keeps the file set",
			c:    f.Cases[2],
			want: ids(f.Cases[0].Policies),
			why:  "scenario format, CASE (go doc ./scenario) policies: only the keys given are replaced",
		},
	}
	for _, tc := range tests {
		if d := cmp.Diff(tc.want, ids(tc.c.Policies)); d != "" {
			t.Errorf("%s: policies mismatch (-want +got):\n%s\n%s", tc.name, d, tc.why)
		}
	}
	assert.Equal(t, "cases[2]", f.Cases[2].Name, "a case without a name is named by its place")
	assert.Nil(t, f.Cases[1].Policies.SCP, "an empty scp list is absent")
	assert.Same(t, f.Cases[0].Policies.Resource, f.Cases[1].Policies.Resource, "file-level policies are parsed once and shared")
	assert.Equal(t, iameval.ExplicitDeny, f.Cases[0].Run().Decision, "the second RCP level denies s3:*")
	assert.Equal(t, iameval.Allowed, f.Cases[1].Run().Decision, "without the RCPs the request is allowed")
}

// TestCaseFields pins how a case's own keys are read.
func TestCaseFields(t *testing.T) {
	t.Parallel()
	src := `{"name": "title", "principal": {"type": "Root", "account": "123456789012"}, "cases": [
  {"name": "n", "description": "d", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "resourceAccount": "210987654321",
   "context": {"aws:SourceIp": "10.0.0.1", "s3:max-keys": 10, "aws:SecureTransport": false, "aws:TagKeys": ["a", 1, true], "Empty": []},
   "expect": "explicitDeny"}]}`
	f, err := scenario.Load("case.json", []byte(src), nil)
	require.NoError(t, err)
	require.Len(t, f.Cases, 1)
	c := f.Cases[0]
	assert.Equal(t, "title", f.Title)
	assert.Equal(t, "n", c.Name)
	assert.Equal(t, "d", c.Description)
	assert.Equal(t, "210987654321", c.ResourceAccount)
	assert.Equal(t, "210987654321", c.Request().ResourceAccount())
	assert.True(t, c.HasExpect)
	assert.Equal(t, iameval.ExplicitDeny, c.Expect)
	assert.Equal(t, "arn:aws:iam::123456789012:root", c.Principal.ARN())
	assert.Equal(t, policyPos("case.json", 2, 3), c.Pos)

	got := map[string]any{}
	c.Context.Each(func(k string, v condition.Value) {
		if v.IsList() {
			got[k] = v.Strings()
		} else {
			got[k] = v.At(0)
		}
	})
	want := map[string]any{
		"aws:sourceip":        "10.0.0.1",
		"s3:max-keys":         "10",
		"aws:securetransport": "false",
		"aws:tagkeys":         []string{"a", "1", "true"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("context mismatch (-want +got):\n%s\nwhy: scenario format, CASE (go doc ./scenario) context: numbers and booleans keep their JSON text, lists are multivalued, an empty list is absent", d)
	}
}

// policyPos returns the position of line:col in a file whose lines up to
// line are not needed (Offset is checked separately when it matters).
func policyPos(file string, line, col int) diag.Position {
	return diag.Position{File: file, Offset: offsetOfCase, Line: line, Column: col}
}

// offsetOfCase is the byte offset of the case object in TestCaseFields.
var offsetOfCase = len(`{"name": "title", "principal": {"type": "Root", "account": "123456789012"}, "cases": [` + "\n  ")

// TestReportJSON pins the `iameval test --json` document: the contract's
// results, passed and failed plus the errors count, and per result the
// contract's file, case, decision, expect (null when the case has none),
// pass and explanation plus the case's line and column; "error" appears
// only on error results.
func TestReportJSON(t *testing.T) {
	t.Parallel()
	src := `[{"name": "checked", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*", "expect": "allowed"},
 {"name": "unchecked", "principal": "arn:aws:iam::123456789012:user/a", "action": "s3:GetObject", "resource": "*"}]`
	f, err := scenario.Load("r.json", []byte(src), nil)
	require.NoError(t, err)
	rep := f.Run()
	require.Len(t, rep.Results, 2)
	assert.Equal(t, 1, rep.Failed, "implicitDeny is not allowed")
	assert.Equal(t, 1, rep.Passed, "a case without expect counts as passed")

	b, err := json.Marshal(rep)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.ElementsMatch(t, []string{"results", "passed", "failed", "errors"}, keysOf(doc))
	results := doc["results"].([]any)
	require.Len(t, results, 2)
	first := results[0].(map[string]any)
	assert.ElementsMatch(t, []string{"file", "case", "decision", "expect", "pass", "explanation", "line", "column"}, keysOf(first))
	assert.Equal(t, float64(1), first["line"])
	assert.Equal(t, float64(2), first["column"])
	assert.Equal(t, "r.json", first["file"])
	assert.Equal(t, "checked", first["case"])
	assert.Equal(t, "implicitDeny", first["decision"])
	assert.Equal(t, "allowed", first["expect"])
	assert.Equal(t, false, first["pass"])
	assert.Equal(t, "implicitDeny", first["explanation"].(map[string]any)["decision"], "the engine's Explanation is marshalled as is")
	second := results[1].(map[string]any)
	assert.Contains(t, second, "expect", "every result has the contract's six keys")
	assert.Nil(t, second["expect"], "a case without expect reports null")
	assert.Equal(t, true, second["pass"])

	empty, err := json.Marshal(&scenario.Report{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"results": [], "passed": 0, "failed": 0, "errors": 0}`, string(empty))
}

// keysOf returns the keys of m.
func keysOf(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
