package scenario_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

// statementOf finds a statement's coverage by policy id, type and index;
// the first statement at that place in file order.
func statementOf(t *testing.T, c *scenario.Coverage, id string, typ policy.Type, index, line int) scenario.StatementCoverage {
	t.Helper()
	for _, p := range c.Policies {
		if p.ID != id || p.Type != typ {
			continue
		}
		for _, s := range p.Statements {
			if s.Index == index && (line == 0 || s.Pos.Line == line) {
				return s
			}
		}
	}
	t.Fatalf("no statement %s %s Statement[%d] (line %d) in the coverage", typ, id, index, line)
	return scenario.StatementCoverage{}
}

// TestCoverageDecided pins the definition of "decided" on the suite in
// testdata/coverage/suite.json, statement by statement.
func TestCoverageDecided(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("testdata/coverage/suite.json")
	require.NoError(t, err)
	for _, r := range f.Run().Results {
		require.True(t, r.Pass, "%s: %s", r.Case, r.Explanation)
	}
	cov := scenario.MeasureCoverage(f)
	tests := []struct {
		id        string
		typ       policy.Type
		index     int
		line      int // 0: any
		consulted int
		decided   int
		clauses   []int // Decided of each clause
		why       string
	}{
		{"Reports", policy.Identity, 0, 0, 7, 2, nil,
			"Read supplies the identity grant of both allowed reads (Explanation.Deciding, reference_policies_evaluation-logic.md)"},
		{"Reports", policy.Identity, 1, 0, 7, 1, []int{2, 1},
			"WriteFromOffice decides the office write, so both clauses decide it; IpAddress alone also fails in the branch write, whose decision it would have turned to allowed; over http both clauses fail and neither decides alone"},
		{"Reports", policy.Identity, 2, 0, 7, 1, []int{6},
			"DenyOffsite denies the read from elsewhere; in the five other S3 cases its only clause failed and applying it would have denied explicitly (reference_policies_evaluation-logic.md), so the clause decided them"},
		{"Reports", policy.Identity, 3, 0, 7, 0, []int{0, 0},
			"TeamDeletes never matched an action, so its Condition was never evaluated: its clauses come from the policy text"},
		{"Reports", policy.Identity, 4, 0, 7, 0, nil,
			"Unused allows an action no case makes"},
		{"Reports", policy.Identity, 5, 0, 7, 1, []int{1},
			"ReadOverTLS decides the read over TLS with Read; over http its only clause fails, but Read allows anyway, so the clause decided nothing there"},
		{"Reports", policy.Identity, 0, 37, 0, 0, nil,
			"the case's own policy (same id, other position) is its own statement; sts:GetCallerIdentity is decided before any policy is read (id_credentials_temp_request.md), so it is never consulted"},
		{"OrgGuard", policy.SCP, 0, 0, 7, 3, nil,
			"an SCP Allow decides every allowed case whose SCP level it lets through (reference_policies_evaluation-logic.md); embedded as a JSON string"},
		{"OrgGuard", policy.SCP, 1, 0, 7, 1, []int{1},
			"NoLeave: StringNotEquals on an absent key passes (reference_policies_elements_condition.md), so it denies LeaveOrganization"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s[%d]@%d", tc.id, tc.index, tc.line), func(t *testing.T) {
			s := statementOf(t, cov, tc.id, tc.typ, tc.index, tc.line)
			assert.Equal(t, tc.consulted, s.Consulted, "consulted: %s", tc.why)
			assert.Equal(t, tc.decided, s.Decided, "decided: %s", tc.why)
			var got []int
			for i, c := range s.Clauses {
				assert.Equal(t, i, c.Index)
				got = append(got, c.Decided)
			}
			assert.Equal(t, tc.clauses, got, "clauses decided: %s", tc.why)
		})
	}
	assert.Equal(t, 8, cov.Cases)
	assert.Equal(t, scenario.Count{Total: 9, Decided: 6}, cov.Statements)
	assert.Equal(t, scenario.Count{Total: 7, Decided: 5}, cov.Clauses)
	assert.False(t, cov.Complete())
}

// TestCoverageClausePositions checks that clauses are named and positioned
// where they are written: in the scenario file for embedded documents (as
// objects and as JSON strings), in the policy file for {"file": ...}.
func TestCoverageClausePositions(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("testdata/coverage/suite.json")
	require.NoError(t, err)
	g, err := scenario.LoadFile("testdata/coverage/fromfile.json")
	require.NoError(t, err)
	cov := scenario.MeasureCoverage(f, g)
	n := 0
	for _, p := range cov.Policies {
		for _, s := range p.Statements {
			for _, c := range s.Clauses {
				n++
				src, err := os.ReadFile(c.Pos.File)
				require.NoError(t, err)
				assert.Contains(t, lineOf(string(src), c.Pos.Line, c.Pos.Column), c.Key,
					"%s %s Statement[%d] clause %d at %s", p.Type, p.ID, s.Index, c.Index, c.Pos)
			}
		}
	}
	assert.Equal(t, 9, n, "every clause of both files is listed")
	s := statementOf(t, cov, "Shared", policy.Identity, 1, 0)
	require.Len(t, s.Clauses, 2)
	assert.Equal(t, "testdata/coverage/policies/shared.json", s.Clauses[1].Pos.File)
	assert.Equal(t, "ForAnyValue:StringLike", s.Clauses[1].Operator, "operators are spelled canonically")
}

// lineOf returns the text of line (1-based) from column (1-based, in
// characters) to the end of the line.
func lineOf(src string, line, column int) string {
	l := 1
	for i := 0; i < len(src); i++ {
		if l == line {
			rs := []rune(src[i:])
			if column-1 > len(rs) {
				return ""
			}
			rest := string(rs[column-1:])
			for j, r := range rest {
				if r == '\n' {
					return rest[:j]
				}
			}
			return rest
		}
		if src[i] == '\n' {
			l++
		}
	}
	return ""
}

// TestCoverageShared checks identity across files: one policy file used
// under the same id by two scenario files is one policy; its statements
// add up the cases of both.
func TestCoverageShared(t *testing.T) {
	t.Parallel()
	var files []*scenario.File
	for _, name := range []string{"testdata/coverage/fromfile.json", "testdata/coverage/fromfile2.json"} {
		f, err := scenario.LoadFile(name)
		require.NoError(t, err)
		files = append(files, f)
	}
	cov := scenario.MeasureCoverage(files...)
	var shared []scenario.PolicyCoverage
	for _, p := range cov.Policies {
		if p.ID == "Shared" {
			shared = append(shared, p)
		}
	}
	require.Len(t, shared, 1, "the same document under the same id is one policy")
	assert.Equal(t, filepath.Join("testdata", "coverage", "policies", "shared.json"), shared[0].File)
	assert.Equal(t, 3, cov.Cases)
	s := statementOf(t, cov, "Shared", policy.Identity, 0, 0)
	assert.Equal(t, 3, s.Consulted, "consulted by the cases of both files")
	assert.Equal(t, 2, s.Decided, "decided one case of each file")
	assert.Equal(t, scenario.MeasureCoverage(files[0], files[1]), scenario.MeasureCoverage(files[1], files[0]),
		"the report does not depend on the order of the files")
}

// TestCoverageComplete checks Complete and the text of a fully covered
// suite, and that nil files and an empty suite are harmless.
func TestCoverageComplete(t *testing.T) {
	t.Parallel()
	src := `{"principal": "arn:aws:iam::123456789012:user/pat",
 "policies": {"identity": [{"Version": "2012-10-17", "Statement": [
   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}]},
 "cases": [{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"aws:SecureTransport": true}, "expect": "allowed"}]}`
	f, err := scenario.Load("full.json", []byte(src), nil)
	require.NoError(t, err)
	cov := scenario.MeasureCoverage(f, nil)
	assert.True(t, cov.Complete())
	assert.Equal(t, "coverage: 1 case; 1 of 1 statements and 1 of 1 condition clauses decided a case\n", cov.String())

	empty := scenario.MeasureCoverage()
	assert.True(t, empty.Complete(), "nothing to cover")
	b, err := json.Marshal(empty)
	require.NoError(t, err)
	assert.JSONEq(t, `{"cases":0,"statements":{"total":0,"decided":0},"clauses":{"total":0,"decided":0},"policies":[]}`, string(b))
}

// TestCoverageText pins the text report of the suite.
func TestCoverageText(t *testing.T) {
	t.Parallel()
	f, err := scenario.LoadFile("testdata/coverage/suite.json")
	require.NoError(t, err)
	want := `coverage: 8 cases; 6 of 9 statements and 5 of 7 condition clauses decided a case
never decided:
  identity Reports Statement[3] "TeamDeletes" (Deny) at testdata/coverage/suite.json:13:9 (consulted by 7 cases)
    clause StringNotEquals "aws:PrincipalTag/team" at testdata/coverage/suite.json:14:44
    clause BoolIfExists "aws:MultiFactorAuthPresent" at testdata/coverage/suite.json:14:98
  identity Reports Statement[4] "Unused" (Allow) at testdata/coverage/suite.json:15:9 (consulted by 7 cases)
  identity Reports Statement[0] (Deny) at testdata/coverage/suite.json:37:21 (never consulted)
`
	if d := cmp.Diff(want, scenario.MeasureCoverage(f).String()); d != "" {
		t.Errorf("coverage text mismatch (-want +got):\n%s", d)
	}
}
