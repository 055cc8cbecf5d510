package iameval

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// at is a position in a test policy "id.json" on line 1.
func at(id string, col int) diag.Position {
	return diag.Position{File: id + ".json", Line: 1, Column: col}
}

// endAt is the position of the closing brace of the single statement of
// doc (a stmt/allow/deny document of policy id).
func endAt(id, doc string) diag.Position { return at(id, strings.LastIndex(doc, "}]}")+1) }

// keyAt is the position of the first occurrence of the quoted key in doc
// (a one-line stmt/allow/deny document of policy id): where an explanation
// points for a failed element or condition clause.
func keyAt(id, doc, key string) diag.Position { return at(id, strings.Index(doc, `"`+key+`"`)+1) }

func boolPtr(b bool) *bool { return &b }

func TestExplainImplicitDeny(t *testing.T) {
	t.Parallel()
	ids := []string{
		allow("s3:PutObject", "*"),
		stmt(`"Sid":"Secure","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}`),
		allow("s3:GetObject", "arn:aws:s3:::other/*"),
	}
	ps := docs{
		identity: ids,
		boundary: allow("s3:*", "*"),
		scp:      [][]string{{fullAccess}},
	}.build(t)
	r := newReq(t, alice, "s3:GetObject", objA)
	got := Explain(ps, r)
	want := &Explanation{
		Decision: ImplicitDeny,
		Request: RequestSummary{Principal: alice.ARN(), PrincipalType: "IAMUser", Action: "s3:GetObject",
			Resource: objA, ResourceAccount: acctA},
		MissingAllow: []policy.Type{policy.Identity},
		Closest: []NearMiss{
			{StatementRef: StatementRef{PolicyID: "identity[1]", PolicyType: policy.Identity, Index: 0, Sid: "Secure", Effect: policy.Allow,
				Pos: at("identity[1]", 38), End: endAt("identity[1]", ids[1])},
				Failed: "Condition", Detail: got.Closest[0].Detail, At: keyAt("identity[1]", ids[1], "aws:SecureTransport"), MissingKeys: []string{"aws:SecureTransport"}},
			{StatementRef: StatementRef{PolicyID: "identity[2]", PolicyType: policy.Identity, Index: 0, Effect: policy.Allow,
				Pos: at("identity[2]", 38), End: endAt("identity[2]", ids[2])},
				Failed: "Resource", Detail: got.Closest[1].Detail, At: keyAt("identity[2]", ids[2], "Resource")},
			{StatementRef: StatementRef{PolicyID: "identity[0]", PolicyType: policy.Identity, Index: 0, Effect: policy.Allow,
				Pos: at("identity[0]", 38), End: endAt("identity[0]", ids[0])},
				Failed: "Action", Detail: got.Closest[2].Detail, At: keyAt("identity[0]", ids[0], "Action")},
		},
		MissingKeys: []string{"aws:SecureTransport"},
		// AWS sets aws:SecureTransport on every request, so the clause on
		// it is unknown, not false:
		// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
		Unknown: []string{`identity identity[1] Statement[0] "Secure" (Allow) at identity[1].json:1:38: Bool "aws:SecureTransport": ` +
			"AWS sets aws:SecureTransport on every request, but the request does not give its value, so the clause's truth is unknown: " +
			"an Allow statement does not apply, a Deny statement does; supply the key in the request context " +
			"(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport)"},
		Types: []TypeDetail{
			{Type: policy.Identity, Decision: ImplicitDeny},
			{Type: policy.PermissionsBoundary, Decision: Allowed},
			{Type: policy.SCP, Decision: Allowed, Levels: []Decision{Allowed}},
		},
		AllowedByOrganizations:       boolPtr(true),
		AllowedByPermissionsBoundary: boolPtr(true),
	}
	require.Len(t, got.Closest, 3)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Explain() mismatch (-want +got):\n%s", d)
	}
	for _, n := range got.Closest {
		assert.NotEmpty(t, n.Detail, "every near miss says why it failed")
	}
}

func TestExplainExplicitDeny(t *testing.T) {
	t.Parallel()
	noGet := stmt(`"Sid":"NoGet","Effect":"Deny","Action":"s3:GetObject","Resource":"*"`)
	orgNoGet := stmt(`"Sid":"OrgNoGet","Effect":"Deny","Action":"s3:Get*","Resource":"*"`)
	ps := docs{
		identity: []string{allow("s3:*", "*"), noGet},
		scp:      [][]string{{fullAccess, orgNoGet}},
		rcp:      [][]string{{rcpFullAccess}},
	}.build(t)
	got := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	assert.Equal(t, ExplicitDeny, got.Decision)
	want := []StatementRef{
		{PolicyID: "identity[1]", PolicyType: policy.Identity, Sid: "NoGet", Effect: policy.Deny, Pos: at("identity[1]", 38), End: endAt("identity[1]", noGet)},
		{PolicyID: "scp[0][1]", PolicyType: policy.SCP, Level: 1, Sid: "OrgNoGet", Effect: policy.Deny, Pos: at("scp[0][1]", 38), End: endAt("scp[0][1]", orgNoGet)},
	}
	if d := cmp.Diff(want, got.Deciding); d != "" {
		t.Errorf("Deciding mismatch (-want +got):\n%s", d)
	}
	assert.Nil(t, got.MissingAllow, "explicitDeny has no missing allow")
	assert.Nil(t, got.Closest)
	assert.Equal(t, boolPtr(false), got.AllowedByOrganizations, "OrganizationsDecisionDetail: an SCP denied")
	assert.Equal(t, []TypeDetail{
		{Type: policy.Identity, Decision: ExplicitDeny},
		{Type: policy.SCP, Decision: ExplicitDeny, Levels: []Decision{ExplicitDeny}},
		{Type: policy.RCP, Decision: Allowed, Levels: []Decision{Allowed}},
	}, got.Types)
}

func TestExplainAllowedDeciding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		why  string
		set  docs
		p    string   // the caller: "alice" or "dev"
		want []string // PolicyID of each deciding statement
	}{
		{name: "direct grant needs only the resource policy", why: "reference_policies_evaluation-logic.md: RPd alone carries the decision; the boundary that allows nothing is not listed",
			set: docs{identity: []string{allow("ec2:*", "*")}, boundary: allow("ec2:*", "*"), resource: rallow(aws(alice.ARN()), "s3:GetObject", objA)},
			p:   "alice", want: []string{"resource"}},
		{name: "identity path lists identity and boundary", why: "reference_policies_evaluation-logic.md: ID ∧ PB ∧ SP; every required type has its allow listed",
			set: docs{identity: []string{allow("s3:GetObject", "*")}, boundary: allow("s3:*", "*"), scp: [][]string{{fullAccess}}},
			p:   "alice", want: []string{"identity[0]", "permissionsBoundary", "scp[0][0]"}},
		{name: "indirect grant lists session policy", why: "reference_policies_evaluation-logic.md: RPi ∧ PB ∧ SP",
			set: docs{session: []string{allow("s3:*", "*")}, resource: rallow(aws("arn:aws:iam::"+acctA+":role/team/Dev"), "s3:GetObject", objA)},
			p:   "dev", want: []string{"session[0]", "resource"}},
		{name: "account grant is not listed for an ordinary resource", why: "reference_policies_evaluation-logic.md: same account, an account grant carries nothing",
			set: docs{identity: []string{allow("s3:GetObject", "*")}, resource: rallow(aws(acctA), "s3:GetObject", objA)},
			p:   "alice", want: []string{"identity[0]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := alice
			r := newReq(t, p, "s3:GetObject", objA)
			if tc.p == "dev" {
				r = newReq(t, devAlice, "s3:GetObject", objA)
			}
			x := Explain(tc.set.build(t), r)
			require.Equal(t, Allowed, x.Decision, tc.why)
			var ids []string
			for _, s := range x.Deciding {
				ids = append(ids, s.PolicyID)
			}
			assert.Equal(t, tc.want, ids, tc.why)
		})
	}
}

func TestExplainMissingKeysExact(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{
		// Fails on its action: its condition is never evaluated.
		stmt(`"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/x":"1"}}`),
		// Evaluated: both keys looked up; the second spelling differs in case only.
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:SourceVpc":"vpc-1"}}`),
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"AWS:SecureTransport":"true"}}`),
		// A present key is not missing.
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}`),
	}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	require.Equal(t, ImplicitDeny, x.Decision)
	keys := x.MissingKeys
	// Condition evaluation may stop at the first false clause, so
	// aws:SourceVpc is reported only if it was looked up.
	assert.Contains(t, keys, "aws:SecureTransport")
	assert.NotContains(t, keys, "aws:RequestTag/x", "keys of statements that failed earlier are not reported")
	assert.NotContains(t, keys, "aws:username", "present keys are not missing")
	assert.NotContains(t, keys, "AWS:SecureTransport", "keys are deduplicated ignoring case")
}

func TestExplainReasons(t *testing.T) {
	t.Parallel()
	x := Explain(nil, nil)
	assert.Equal(t, ImplicitDeny, x.Decision)
	assert.Contains(t, x.Reason, "no request")
	assert.Equal(t, ImplicitDeny, Evaluate(nil, nil), "a nil request is denied")
	assert.Equal(t, ImplicitDeny, Evaluate(nil, &Request{}), "the zero Request is denied")

	r := newReq(t, alice, "s3:GetObject", objA)
	bad := &PolicySet{Identity: []*policy.Policy{parsePolicy(t, policy.SCP, "scp", fullAccess)}}
	x = Explain(bad, r)
	assert.Equal(t, ImplicitDeny, x.Decision)
	assert.Contains(t, x.Reason, "identity[0] was parsed as a scp policy")
	assert.Equal(t, ImplicitDeny, Evaluate(bad, r))

	x = Explain(&PolicySet{}, newReq(t, devAlice, "sts:GetSessionToken", "*"))
	assert.Contains(t, x.Reason, "role session")
	assert.Nil(t, x.Types, "outcomes fixed by the credentials (id_credentials_temp_request.md) read no policy")
}

func TestPolicySetValidate(t *testing.T) {
	t.Parallel()
	full := parsePolicy(t, policy.SCP, "full", fullAccess)
	id := parsePolicy(t, policy.Identity, "id", fullAccess)
	tests := []struct {
		name string
		why  string
		ps   *PolicySet
		want string // "" = valid
	}{
		{name: "nil set", why: "a nil set is empty", ps: nil},
		{name: "zero set", why: "the zero PolicySet is usable", ps: &PolicySet{}},
		{name: "nil policy", why: "never panic on bad input", ps: &PolicySet{Identity: []*policy.Policy{nil}}, want: "identity[0] is nil"},
		{name: "wrong type", why: "a policy parsed for another attachment point has other element rules (access_policies.md)",
			ps: &PolicySet{SCP: [][]*policy.Policy{{id}}}, want: "scp[0][0] was parsed as a identity policy"},
		{name: "empty SCP level", why: "reference_policies_evaluation-logic.md: an organization level always has a policy",
			ps: &PolicySet{SCP: [][]*policy.Policy{{full}, nil}}, want: "scp level 1 has no policy"},
		{name: "empty RCP level", why: "reference_policies_evaluation-logic.md", ps: &PolicySet{RCP: [][]*policy.Policy{{}}}, want: "rcp level 0 has no policy"},
		{name: "valid", why: "every field with the right type", ps: &PolicySet{Identity: []*policy.Policy{id}, SCP: [][]*policy.Policy{{full}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.ps.Validate()
			if tc.want == "" {
				assert.NoError(t, err, tc.why)
				return
			}
			require.Error(t, err, tc.why)
			assert.Contains(t, err.Error(), tc.want, tc.why)
		})
	}
}

func TestExplainSkipped(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{deny("*", "*")}, session: []string{allow("*", "*")}, scp: [][]string{{deny("*", "*")}},
		rcp: [][]string{{rdeny(`"*"`, "ec2:*", "*")}}}.build(t)
	x := Explain(ps, newReq(t, rootA, "ec2:DescribeVpcs", "*"))
	assert.Equal(t, ExplicitDeny, x.Decision, "SCPs still govern the root user")
	var types []policy.Type
	for _, s := range x.Skipped {
		types = append(types, s.Type)
		assert.NotEmpty(t, s.Reason)
	}
	assert.Equal(t, []policy.Type{policy.Identity, policy.Session, policy.RCP}, types)
}

func TestExplanationJSON(t *testing.T) {
	t.Parallel()
	doc := allow("s3:GetObject", "*")
	ps := docs{identity: []string{doc}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	b, err := json.Marshal(x)
	require.NoError(t, err)
	want := `{"decision":"allowed","request":{"principal":"arn:aws:iam::111122223333:user/alice","principalType":"IAMUser",` +
		`"action":"s3:GetObject","resource":"arn:aws:s3:::bucket-a/report.csv","resourceAccount":"111122223333"},` +
		`"deciding":[{"policyId":"identity[0]","policyType":"identity","index":0,"effect":"Allow",` +
		`"pos":{"file":"identity[0].json","line":1,"column":38},"end":{"file":"identity[0].json","line":1,"column":` + strconv.Itoa(endAt("", doc).Column) + `}}],` +
		`"types":[{"type":"identity","decision":"allowed"}]}`
	assert.JSONEq(t, want, string(b), "the stable JSON form of Explanation")

	var back Explanation
	require.NoError(t, json.Unmarshal(b, &back))
	if d := cmp.Diff(x, &back); d != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", d)
	}
}

func TestExplanationString(t *testing.T) {
	t.Parallel()
	get := stmt(`"Sid":"Get","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"`)
	ps := docs{identity: []string{get},
		scp: [][]string{{fullAccess}}}.build(t)
	x := Explain(ps, newReq(t, alice, "s3:GetObject", objA))
	want := "implicitDeny: IAMUser arn:aws:iam::111122223333:user/alice s3:GetObject on arn:aws:s3:::bucket-a/report.csv (resource account 111122223333)\n" +
		"  no allow in: identity\n" +
		"  closest statements:\n" +
		"    identity identity[0] Statement[0] \"Get\" (Allow) at identity[0].json:1:38\n" +
		"      Resource failed at " + keyAt("identity[0]", get, "Resource").String() + ": " + x.Closest[0].Detail + "\n" +
		"  policy types: identity implicitDeny; scp allowed (levels: allowed)\n" +
		"  allowed by organizations: true\n"
	assert.Equal(t, want, x.String())
	var sb stringsBuilder
	n, err := x.WriteTo(&sb)
	require.NoError(t, err)
	assert.Equal(t, int64(len(want)), n)
	assert.Equal(t, want, sb.String())
}

// stringsBuilder is an io.Writer collecting text.
type stringsBuilder struct{ b []byte }

func (s *stringsBuilder) Write(p []byte) (int, error) { s.b = append(s.b, p...); return len(p), nil }
func (s *stringsBuilder) String() string              { return string(s.b) }
