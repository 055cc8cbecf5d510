package sts_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

func TestGetFederationTokenAuthorization(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	gftAll := allow(t, policy.Identity, "GFTAll", `"sts:GetFederationToken"`, `"*"`)
	gftManager := allow(t, policy.Identity, "GFTManager", `"sts:GetFederationToken"`, `"arn:aws:sts::`+acct+`:federated-user/Manager*"`)
	gftAndTag := allow(t, policy.Identity, "GFTAndTag", `["sts:GetFederationToken","sts:TagSession"]`, `"arn:aws:sts::`+acct+`:federated-user/*"`)
	gftNeedsTag := parse(t, policy.Identity, "GFTNeedsProject", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
		"Action":["sts:GetFederationToken","sts:TagSession"],"Resource":"*",
		"Condition":{"StringEquals":{"aws:RequestTag/Project":"blue"},"ForAllValues:StringEquals":{"aws:TagKeys":["Project"]}}}]}`)
	scpDeny := []*policy.Policy{allow(t, policy.SCP, "FullAWSAccess", `"*"`, `"*"`), deny(t, policy.SCP, "NoFederation", `"sts:GetFederationToken"`, `"*"`)}
	boundaryS3 := allow(t, policy.PermissionsBoundary, "BoundaryS3", `"s3:*"`, `"*"`)

	tests := []struct {
		name   string
		caller principal.Principal
		ps     iameval.PolicySet
		in     sts.GetFederationTokenInput
		want   wantOutcome
		why    string
	}{
		{
			name: "C2 no policies", caller: alice,
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "id_credentials_temp_request.md: GetFederationToken needs an identity allow (default deny)",
		},
		{
			name: "C3 allow on *", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftAll}},
			in:  sts.GetFederationTokenInput{Name: "Bob"},
			why: "id_credentials_temp_request.md",
		},
		{
			name: "B9 token-app federates Bob", caller: user(t, "token-app", nil), ps: iameval.PolicySet{Identity: []*policy.Policy{gftAll}},
			in:  sts.GetFederationTokenInput{Name: "Bob"},
			why: "reference_policies_variables.md: the resource is the federated-user ARN",
		},
		{
			name: "C4 Manager* allows ManagerJoe", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftManager}},
			in:  sts.GetFederationTokenInput{Name: "ManagerJoe"},
			why: "id_credentials_temp_request.md: the resource is the federated-user ARN, matched as a glob",
		},
		{
			name: "C4 Manager* allows Manager itself", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftManager}},
			in:  sts.GetFederationTokenInput{Name: "Manager"},
			why: "API_GetFederationToken.html: * matches the empty run",
		},
		{
			name: "C5 Manager* refuses Bob", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftManager}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "id_credentials_temp_request.md",
		},
		{
			name: "C6 Manager* refuses managerjoe", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftManager}},
			in:   sts.GetFederationTokenInput{Name: "managerjoe"},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "id_credentials_temp_request.md: ARN matching is case-sensitive",
		},
		{
			name: "tags need sts:TagSession", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftAll}},
			in:   sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"Project": "blue"}},
			want: wantOutcome{denied: "sts:TagSession"},
			why:  "id_credentials_temp_request.md, API_GetFederationToken.html: Tags require sts:TagSession",
		},
		{
			name: "tags with sts:TagSession on federated-user/*", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftAndTag}},
			in:  sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"Project": "blue"}},
			why: "id_credentials_temp_request.md: sts:TagSession is evaluated against the federated-user ARN",
		},
		{
			name: "aws:RequestTag condition met", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftNeedsTag}},
			in:  sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"Project": "blue"}},
			why: "API_GetFederationToken.html: Tags add aws:RequestTag/K and aws:TagKeys to the check",
		},
		{
			name: "aws:RequestTag condition without tags", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftNeedsTag}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "reference_policies_condition-keys.md: aws:RequestTag/K only when the request passes tags",
		},
		{
			name: "aws:TagKeys rejects an extra key", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftNeedsTag}},
			in:   sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"Project": "blue", "Team": "x"}},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "reference_policies_elements_condition.md: ForAllValues over aws:TagKeys",
		},
		{
			name: "SCP deny", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftAll}, SCP: [][]*policy.Policy{scpDeny}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken", decision: iameval.ExplicitDeny},
			why:  "id_credentials_temp_request.md: SCPs apply to the caller's side of GetFederationToken",
		},
		{
			name: "boundary without the action", caller: alice, ps: iameval.PolicySet{Identity: []*policy.Policy{gftAll}, PermissionsBoundary: boundaryS3},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken"},
			why:  "API_GetFederationToken.html: the check is also against the caller's boundary",
		},
		{
			name: "root may call it", caller: root(t),
			in:  sts.GetFederationTokenInput{Name: "Bob"},
			why: "id_credentials_temp_request.md: IAM user or root (discouraged); root has full access (reference_policies_evaluation-logic.md)",
		},
		{
			name: "role session refused", caller: mustSession(t, "Dev", nil),
			ps:   iameval.PolicySet{Identity: []*policy.Policy{gftAll}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken", reason: "role session cannot call"},
			why:  "id_credentials_temp_request.md: not role sessions",
		},
		{
			name: "federated user refused", caller: mustFederated(t, "Joe"),
			ps:   iameval.PolicySet{Identity: []*policy.Policy{gftAll}, Session: []*policy.Policy{allow(t, policy.Session, "S", `"*"`, `"*"`)}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken", reason: "federated user"},
			why:  "API_GetFederationToken.html: no STS calls except GetCallerIdentity",
		},
		{
			name: "anonymous refused", caller: principal.NewAnonymous(),
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken", reason: "anonymous"},
			why:  "id_credentials_temp_request.md: GetFederationToken is a signed call of an IAM user",
		},
		{
			name: "GetSessionToken credentials refused", caller: tempUser(t, false),
			ps:   iameval.PolicySet{Identity: []*policy.Policy{gftAll}},
			in:   sts.GetFederationTokenInput{Name: "Bob"},
			want: wantOutcome{denied: "sts:GetFederationToken", reason: "GetSessionToken credentials"},
			why:  "API_GetSessionToken.html: GetSessionToken credentials call only AssumeRole and GetCallerIdentity",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := sts.GetFederationToken(sts.Caller{Principal: tc.caller, Policies: tc.ps}, withTime(tc.in))
			checkOutcome(t, tc.want, res, err)
			if tc.want.denied == "" && tc.want.input == "" {
				fed, ok := res.Principal.(*principal.FederatedUser)
				require.True(t, ok, "principal is %T", res.Principal)
				assert.Equal(t, "arn:aws:sts::"+acct+":federated-user/"+tc.in.Name, fed.ARN())
				assert.Equal(t, tc.caller.ARN(), fed.UserARN())
			}
		})
	}
}

// withTime sets the test time on a GetFederationToken input.
func withTime(in sts.GetFederationTokenInput) sts.GetFederationTokenInput {
	in.Time = at
	return in
}

func TestGetFederationTokenInputErrors(t *testing.T) {
	t.Parallel()
	alice := user(t, "alice", nil)
	sp := allow(t, policy.Session, "SP", `"s3:*"`, `"*"`)
	idp := allow(t, policy.Identity, "NotSession", `"s3:*"`, `"*"`)
	many := make([]*policy.Policy, 11)
	for i := range many {
		many[i] = sp
	}
	tags51 := make(map[string]string, 51)
	for i := range 51 {
		tags51["k"+strings.Repeat("x", i)] = "v"
	}
	tests := []struct {
		name   string
		caller sts.Caller
		in     sts.GetFederationTokenInput
		field  string
		why    string
	}{
		{name: "no principal", caller: sts.Caller{}, in: sts.GetFederationTokenInput{Name: "Bob"}, field: "Caller", why: "a call needs a caller"},
		{name: "name too short", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "B"}, field: "Name", why: "API_GetFederationToken.html: Name 2-32 characters"},
		{name: "name too long", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: strings.Repeat("b", 33)}, field: "Name", why: "API_GetFederationToken.html: Name 2-32 characters"},
		{name: "name with a slash", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob/x"}, field: "Name", why: `API_GetFederationToken.html: [\w+=,.@-]`},
		{name: "eleven managed policies", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", ManagedPolicies: many}, field: "PolicyArns", why: "API_GetFederationToken.html: PolicyArns at most 10"},
		{name: "inline policy not a session policy", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Policy: idp}, field: "Policy", why: "access_policies.md: the passed policy is a session policy"},
		{name: "nil managed policy", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", ManagedPolicies: []*policy.Policy{nil}}, field: "PolicyArns", why: "every managed policy must exist"},
		{name: "51 tags", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Tags: tags51}, field: "Tags", why: "id_session-tags.md: at most 50 tags"},
		{name: "aws: tag", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"AWS:x": "v"}}, field: "Tags", why: "id_session-tags.md: no aws: prefix"},
		{name: "tag keys equal ignoring case", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"team": "a", "Team": "b"}}, field: "Tags", why: "id_session-tags.md: keys compared ignoring case"},
		{name: "tag value too long", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"k": strings.Repeat("v", 257)}}, field: "Tags", why: "id_session-tags.md: value at most 256"},
		{name: "tag with a bad character", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", Tags: map[string]string{"k": "a;b"}}, field: "Tags", why: "STS Tag data type character class"},
		{name: "duration too short", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", DurationSeconds: 899}, field: "DurationSeconds", why: "API_GetFederationToken.html: 900-129600"},
		{name: "duration too long", caller: sts.Caller{Principal: alice}, in: sts.GetFederationTokenInput{Name: "Bob", DurationSeconds: 129601}, field: "DurationSeconds", why: "API_GetFederationToken.html: 900-129600"},
		{name: "caller with a resource policy", caller: sts.Caller{Principal: alice, Policies: iameval.PolicySet{Resource: parse(t, policy.Resource, "R", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`)}}, in: sts.GetFederationTokenInput{Name: "Bob"}, field: "Caller.Policies", why: "id_credentials_temp_request.md: GetFederationToken consults no resource policy"},
		{name: "caller with a mistyped policy", caller: sts.Caller{Principal: alice, Policies: iameval.PolicySet{Identity: []*policy.Policy{sp}}}, in: sts.GetFederationTokenInput{Name: "Bob"}, field: "Caller.Policies", why: "PolicySet.Validate: a policy parsed for its field's type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := sts.GetFederationToken(tc.caller, withTime(tc.in))
			checkOutcome(t, wantOutcome{input: tc.field}, res, err)
		})
	}
}

func TestGetFederationTokenResult(t *testing.T) {
	t.Parallel()
	tokenApp := user(t, "token-app", map[string]string{"Department": "Marketing", "cost": "1"})
	identity := []*policy.Policy{
		allow(t, policy.Identity, "GFT", `["sts:GetFederationToken","sts:TagSession"]`, `"*"`),
		allow(t, policy.Identity, "S3", `"s3:*"`, `"*"`),
	}
	boundary := allow(t, policy.PermissionsBoundary, "Boundary", `["s3:*","sts:*"]`, `"*"`)
	sp := allow(t, policy.Session, "SessionS3EC2", `["s3:*","ec2:*"]`, `"*"`)
	res, err := sts.GetFederationToken(sts.Caller{Principal: tokenApp, Policies: iameval.PolicySet{Identity: identity, PermissionsBoundary: boundary}},
		sts.GetFederationTokenInput{Name: "Bob", Policy: sp, Tags: map[string]string{"department": "engineering"}, DurationSeconds: 3600, Time: at})
	require.NoError(t, err)

	fed := res.Principal.(*principal.FederatedUser)
	assert.Equal(t, "Bob", fed.Name())
	assert.Equal(t, "AIDAEXAMPLETOKENAPP", fed.UserID())
	if d := cmp.Diff(map[string]string{"department": "engineering", "cost": "1"}, fed.Tags()); d != "" {
		t.Errorf("tags (-want +got):\n%s", d)
	}
	c := fed.Context()
	v, ok := c.LookupVariable("aws:userid")
	require.True(t, ok)
	assert.Equal(t, acct+":Bob", v, "API_GetFederationToken.html: aws:userid = ACCOUNT:NAME")
	v, ok = c.LookupVariable("aws:tokenissuetime")
	require.True(t, ok)
	assert.Equal(t, "2024-05-01T12:00:00Z", v)
	assert.Equal(t, at, res.IssueTime)
	assert.Equal(t, at.Add(time.Hour), res.Expiration)
	assert.Len(t, res.Checks, 2, "GetFederationToken and TagSession")

	want := iameval.PolicySet{Identity: identity, Session: []*policy.Policy{sp}, PermissionsBoundary: boundary}
	assert.Equal(t, want, res.Policies)

	// Effective permissions: identity ∩ session ∩ boundary (id_credentials_temp_request.md).
	bucket := "arn:aws:s3:::reports"
	assert.Equal(t, iameval.Allowed, decide(t, res, "s3:ListBucket", bucket, iameval.PolicySet{}), "id_credentials_temp_request.md: within the user's permissions")
	assert.Equal(t, iameval.ImplicitDeny, decide(t, res, "ec2:DescribeVpcs", "*", iameval.PolicySet{}), "id_credentials_temp_request.md: capped by the user's permissions")
}

func TestGetFederationTokenEffectivePermissions(t *testing.T) {
	t.Parallel()
	tokenApp := user(t, "token-app", nil)
	gft := allow(t, policy.Identity, "GFT", `"sts:GetFederationToken"`, `"*"`)
	s3 := allow(t, policy.Identity, "S3Get", `"s3:GetObject"`, `"arn:aws:s3:::TESTBUCKET/*"`)
	sp := allow(t, policy.Session, "SessionGet", `"s3:GetObject"`, `"arn:aws:s3:::TESTBUCKET/*"`)
	toBob := parse(t, policy.Resource, "BucketToBob", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
		"Principal":{"AWS":"arn:aws:sts::`+acct+`:federated-user/Bob"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::TESTBUCKET/*"}]}`)
	toApp := parse(t, policy.Resource, "BucketToApp", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
		"Principal":{"AWS":"arn:aws:iam::`+acct+`:user/token-app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::TESTBUCKET/*"}]}`)
	obj := "arn:aws:s3:::TESTBUCKET/r.txt"

	tests := []struct {
		name     string
		identity []*policy.Policy
		session  *policy.Policy
		bucket   *policy.Policy
		want     iameval.Decision
		why      string
	}{
		{name: "identity and session allow", identity: []*policy.Policy{gft, s3}, session: sp, want: iameval.Allowed, why: "getfederationtoken page: identity ∩ session"},
		{name: "session policy without identity allow", identity: []*policy.Policy{gft}, session: sp, want: iameval.ImplicitDeny, why: "id_credentials_temp_request.md: a session policy cannot grant more than the user has"},
		{name: "B6 no session policy", identity: []*policy.Policy{gft, s3}, want: iameval.ImplicitDeny, why: "reference_policies_variables.md, id_credentials_temp_request.md SP: no session policy, no identity-side permissions"},
		{name: "B7 bucket policy names the federated user", identity: []*policy.Policy{gft}, bucket: toBob, want: iameval.Allowed, why: "reference_policies_variables.md: a direct grant to the federated-user ARN"},
		{name: "B8 bucket policy names the calling user", identity: []*policy.Policy{gft}, bucket: toApp, want: iameval.ImplicitDeny, why: "reference_policies_variables.md: an indirect grant is limited by the session policy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := sts.GetFederationToken(sts.Caller{Principal: tokenApp, Policies: iameval.PolicySet{Identity: tc.identity}},
				sts.GetFederationTokenInput{Name: "Bob", Policy: tc.session, Time: at})
			require.NoError(t, err)
			assert.Equal(t, tc.want, decide(t, res, "s3:GetObject", obj, iameval.PolicySet{Resource: tc.bucket}))
		})
	}
}

func TestGetFederationTokenRoot(t *testing.T) {
	t.Parallel()
	sp := allow(t, policy.Session, "SessionS3", `"s3:GetObject"`, `"*"`)
	tests := []struct {
		name     string
		duration int
		want     time.Duration
		why      string
	}{
		{name: "default is one hour", duration: 0, want: time.Hour, why: "STS API GetFederationToken: root sessions at most 3600 seconds"},
		{name: "longer is cut to one hour", duration: 7200, want: time.Hour, why: "STS API: a longer duration defaults to one hour for root"},
		{name: "shorter is kept", duration: 900, want: 15 * time.Minute, why: "API_GetFederationToken.html: 900 is the minimum"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := sts.GetFederationToken(sts.Caller{Principal: root(t)}, sts.GetFederationTokenInput{Name: "Bob", Policy: sp, DurationSeconds: tc.duration, Time: at})
			require.NoError(t, err)
			assert.Equal(t, tc.want, res.Expiration.Sub(res.IssueTime))
			assert.Equal(t, "arn:aws:iam::"+acct+":root", res.Principal.(*principal.FederatedUser).UserARN())
			assert.Equal(t, iameval.Allowed, decide(t, res, "s3:GetObject", "arn:aws:s3:::b/k", iameval.PolicySet{}), "root's full access ∩ session policy")
			assert.Equal(t, iameval.ImplicitDeny, decide(t, res, "s3:PutObject", "arn:aws:s3:::b/k", iameval.PolicySet{}), "the session policy limits")
		})
	}
}

// mustSession returns an AssumeRole session of role name in the test account.
func mustSession(t testing.TB, name string, in *principal.AssumedRoleInput) *principal.AssumedRole {
	t.Helper()
	x := principal.AssumedRoleInput{}
	if in != nil {
		x = *in
	}
	x.RoleARN = "arn:aws:iam::" + acct + ":role/" + name
	if x.RoleID == "" {
		x.RoleID = "AROAEXAMPLE" + upper(name)
	}
	if x.SessionName == "" {
		x.SessionName = "sess"
	}
	s, err := principal.NewAssumedRole(x)
	require.NoError(t, err)
	return s
}

// mustFederated returns a federated user of the test account created by
// user token-app.
func mustFederated(t testing.TB, name string) *principal.FederatedUser {
	t.Helper()
	f, err := principal.NewFederatedUser(principal.FederatedUserInput{Name: name, UserARN: "arn:aws:iam::" + acct + ":user/token-app"})
	require.NoError(t, err)
	return f
}

// tempUser returns user alice on GetSessionToken credentials.
func tempUser(t testing.TB, mfa bool) *principal.IAMUser {
	t.Helper()
	c := principal.Credentials{Temporary: true, IssueTime: at.Add(-time.Minute), MFA: mfa}
	u, err := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + acct + ":user/alice", Credentials: c})
	require.NoError(t, err)
	return u
}

// contextOf renders the keys of a context for comparisons.
func contextOf(c condition.Context) map[string]string {
	m := make(map[string]string, c.Len())
	c.Each(func(k string, v condition.Value) { m[k] = strings.Join(v.Strings(), ",") })
	return m
}
