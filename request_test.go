package iameval

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

func TestNewRequestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		why  string
		in   RequestInput
		want string // error substring
	}{
		{name: "no principal", why: "NewRequest: the principal is required",
			in: RequestInput{Action: "s3:GetObject", Resource: "*"}, want: "principal is required"},
		{name: "typed nil principal", why: "never panic on bad input",
			in: RequestInput{Principal: (*principal.IAMUser)(nil), Action: "s3:GetObject", Resource: "*"}, want: "principal is required"},
		{name: "action without service", why: "reference_policies_elements_action.md: an action is prefix:name",
			in: RequestInput{Principal: alice, Action: "GetObject", Resource: "*"}, want: "service:Name"},
		{name: "action with empty name", why: "reference_policies_elements_action.md: an action is prefix:name",
			in: RequestInput{Principal: alice, Action: "s3:", Resource: "*"}, want: "service:Name"},
		{name: "action with space", why: "reference_policies_elements_action.md: an action is prefix:name without blanks",
			in: RequestInput{Principal: alice, Action: "s3:Get Object", Resource: "*"}, want: "service:Name"},
		{name: "action with wildcard", why: "a request names one action; wildcards belong to policies",
			in: RequestInput{Principal: alice, Action: "s3:Get*", Resource: "*"}, want: "wildcards"},
		{name: "empty resource", why: "scenario format, CASE (go doc ./scenario): resource is an ARN or *",
			in: RequestInput{Principal: alice, Action: "s3:GetObject"}, want: "resource is required"},
		{name: "resource not an ARN", why: "scenario format, CASE (go doc ./scenario): resource is an ARN or *",
			in: RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "bucket/key"}, want: "not an ARN"},
		{name: "anonymous caller, S3 resource, no account", why: "scenario format, CASE (go doc ./scenario): where neither ARN nor principal has an account the case is invalid",
			in: RequestInput{Principal: anon, Action: "s3:GetObject", Resource: objA}, want: "resource account unknown"},
		{name: "service caller, star resource, no account", why: "scenario format, CASE (go doc ./scenario): resourceAccount rules",
			in: RequestInput{Principal: lambdaSvc, Action: "s3:ListAllMyBuckets", Resource: "*"}, want: "resource account unknown"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := NewRequest(tc.in)
			require.Error(t, err, tc.why)
			assert.Nil(t, r)
			assert.Contains(t, err.Error(), tc.want, tc.why)
		})
	}
}

func TestNewRequestResourceAccount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		why      string
		p        principal.Principal
		resource string
		given    string
		want     string
	}{
		{name: "given wins", why: "scenario format, CASE (go doc ./scenario): resourceAccount names the owner", p: alice, resource: keyA, given: acctB, want: acctB},
		{name: "from the ARN", why: "scenario format, CASE (go doc ./scenario): else the account in the ARN", p: alice, resource: roleB, want: acctB},
		{name: "S3 falls back to the principal", why: "scenario format, CASE (go doc ./scenario): S3 ARNs have no account; the principal's is used", p: alice, resource: objA, want: acctA},
		{name: "star falls back to the principal", why: "scenario format, CASE (go doc ./scenario): * has no account", p: devAlice, resource: "*", want: acctA},
		{name: "anonymous with ARN account", why: "scenario format, CASE (go doc ./scenario): the ARN's account needs no principal account", p: anon, resource: keyA, want: acctA},
		{name: "AWS-owned resource falls back to the principal", why: "reference-arns.md: arn:aws:iam::aws:policy/... names no account; the request is not cross-account",
			p: alice, resource: "arn:aws:iam::aws:policy/ReadOnlyAccess", want: acctA},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := NewRequest(RequestInput{Principal: tc.p, Action: "s3:GetObject", Resource: tc.resource, ResourceAccount: tc.given, Time: fixedTime})
			require.NoError(t, err)
			assert.Equal(t, tc.want, r.ResourceAccount(), tc.why)
			v, ok := r.Context().LookupVariable("aws:resourceaccount")
			assert.True(t, ok)
			assert.Equal(t, tc.want, v, "aws:ResourceAccount carries the resolved account")
		})
	}
}

func TestNewRequestContext(t *testing.T) {
	t.Parallel()
	caller, err := condition.NewContext(map[string]condition.Value{
		"aws:SourceIp":          condition.StringValue("203.0.113.7"),
		"aws:PrincipalTag/team": condition.StringValue("override"),
		"aws:ViaAWSService":     condition.StringValue("true"),
	})
	require.NoError(t, err)
	r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: keyA, Context: caller, Time: fixedTime})
	require.NoError(t, err)
	ctx := r.Context()
	tests := []struct {
		key, want string
		ok        bool
		why       string
	}{
		{"aws:sourceip", "203.0.113.7", true, "caller keys are part of the context"},
		{"aws:principaltag/team", "override", true, "scenario format, CASE (go doc ./scenario): a caller key overrides the derived one"},
		{"aws:viaawsservice", "true", true, "the caller wins over engine keys too"},
		{"aws:username", "alice", true, "principal-derived keys fill in"},
		{"aws:currenttime", "2024-05-01T12:00:00Z", true, "reference_policies_condition-keys.md: aws:CurrentTime from the request time"},
		{"aws:epochtime", "1714564800", true, "reference_policies_condition-keys.md: aws:EpochTime from the request time"},
		{"aws:requestedregion", "us-east-1", true, "reference_policies_condition-keys.md: region of the resource ARN"},
		{"aws:securetransport", "", false, "always present but not given: unknown, no variable value (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport)"},
	}
	for _, tc := range tests {
		got, ok := ctx.LookupVariable(tc.key)
		assert.Equal(t, tc.ok, ok, "%s: %s", tc.key, tc.why)
		assert.Equal(t, tc.want, got, "%s: %s", tc.key, tc.why)
	}
	// S3 ARNs have no region: aws:RequestedRegion is on every request, so
	// its value is unknown.
	r2 := newReq(t, alice, "s3:GetObject", objA)
	v, ok := r2.Context().LookupKey("aws:requestedregion")
	assert.True(t, ok && v.IsUnknown(), "no region in an S3 ARN: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion")
	v, ok = r.Context().LookupKey("aws:securetransport")
	assert.True(t, ok && v.IsUnknown(), "aws:SecureTransport is on every request: unknown until given")
}

func TestNewRequestUnsignedContext(t *testing.T) {
	t.Parallel()
	// The unsigned call sees the claims; the session sees only the
	// persisting keys (reference_policies_iam-condition-keys.md).
	call := newReq(t, webUser1, "sts:AssumeRoleWithWebIdentity", webAppRole)
	assert.True(t, call.Unsigned())
	v, ok := call.Context().LookupVariable("sts:rolesessionname")
	assert.True(t, ok, "API_AssumeRoleWithWebIdentity.html: the trust policy sees sts:RoleSessionName")
	assert.Equal(t, "user1", v)
	_, ok = call.Context().LookupKey("aws:principalarn")
	assert.False(t, ok, "API_AssumeRoleWithWebIdentity.html: no aws:PrincipalArn during the unsigned call")

	session := newReq(t, webUser1, "s3:GetObject", objA)
	assert.False(t, session.Unsigned())
	_, ok = session.Context().LookupKey("sts:rolesessionname")
	assert.False(t, ok, "the session's requests do not carry the call's keys")
	_, ok = session.Context().LookupKey("aws:principalarn")
	assert.True(t, ok, "the session has aws:PrincipalArn")

	// TagSession on its own role belongs to the unsigned call; on another
	// role it is the session's request.
	assert.True(t, newReq(t, webUser1, "sts:TagSession", webAppRole).Unsigned())
	assert.False(t, newReq(t, webUser1, "sts:TagSession", roleA).Unsigned())
	assert.True(t, newReq(t, samlAlice, "sts:AssumeRoleWithSAML", "arn:aws:iam::"+acctA+":role/SSO").Unsigned())
}

func TestNewRequestDefaultTime(t *testing.T) {
	t.Parallel()
	r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA})
	require.NoError(t, err)
	assert.False(t, r.Time().IsZero(), "NewRequest: the zero Time means now")
	assert.Equal(t, alice, r.Principal())
	assert.Equal(t, "s3:GetObject", r.Action())
	assert.Equal(t, objA, r.Resource())
}

func TestDecisionText(t *testing.T) {
	t.Parallel()
	for _, d := range []Decision{ImplicitDeny, ExplicitDeny, Allowed} {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back Decision
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back, "MarshalText/UnmarshalText round trip")
		assert.Equal(t, string(b), d.String())
	}
	assert.Equal(t, "implicitDeny", Decision(0).String(), "the zero Decision is ImplicitDeny")
	_, err := Decision(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Decision(7)", Decision(7).String())
	var d Decision
	assert.Error(t, d.UnmarshalText([]byte("Allow")), "the scenario spelling is case-sensitive")
}

func TestNewRequestAbsentRemovesDerivedKeys(t *testing.T) {
	t.Parallel()
	r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime,
		Absent: []string{"AWS:UserName", "aws:CurrentTime"}})
	require.NoError(t, err)
	_, ok := r.Context().LookupKey("aws:username")
	assert.False(t, ok, "scenario format, CASE (go doc ./scenario): an empty list means absent and overrides the derived key")
	_, ok = r.Context().LookupKey("aws:currenttime")
	assert.False(t, ok, "engine keys can be removed too")
	_, ok = r.Context().LookupKey("aws:principalarn")
	assert.True(t, ok, "other derived keys stay")
}

func TestNewRequestTokenIssueTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		p    principal.Principal
		want bool
		why  string
	}{
		{"role session", devAlice, true, "reference_policies_condition-keys.md: present (P) for role sessions"},
		{"federated user", fedBob, true, "reference_policies_condition-keys.md: present (P) for federated users"},
		{"IAM user on long-term keys", alice, false, "reference_policies_condition-keys.md: absent with long-term access keys"},
		{"IAM user on GetSessionToken credentials", aliceGST, true, "reference_policies_condition-keys.md: present for User+GST"},
		{"anonymous", anon, false, "reference_policies_condition-keys.md: absent for anonymous callers"},
	}
	for _, tc := range tests {
		r, err := NewRequest(RequestInput{Principal: tc.p, Action: "s3:GetObject", Resource: keyA, Time: fixedTime})
		require.NoError(t, err, tc.name)
		v, ok := r.Context().LookupVariable("aws:tokenissuetime")
		assert.Equal(t, tc.want, ok, "%s: %s", tc.name, tc.why)
		if ok && tc.p != aliceGST {
			assert.Equal(t, "2024-05-01T12:00:00Z", v, "%s: an unknown issue time defaults to the request time", tc.name)
		}
	}
}

// TestNewRequestLargeContextMergesAsSmall: a caller context of more than
// largeCallerContext keys is laid over the derived keys rather than set
// key by key (issue 15), and must give the same request context: caller
// keys win over engine and principal keys, absent keys stay removed, and
// the derived keys fill in (scenario format, CASE: go doc ./scenario).
func TestNewRequestLargeContextMergesAsSmall(t *testing.T) {
	t.Parallel()
	overrides := map[string]condition.Value{
		"aws:SourceIp":          condition.StringValue("203.0.113.7"),
		"aws:PrincipalTag/team": condition.StringValue("override"),
		"AWS:ViaAWSService":     condition.StringValue("true"),
		"aws:SecureTransport":   condition.UnknownValue(),
	}
	absent := []string{"AWS:UserName", "aws:CurrentTime"}
	dump := func(c condition.Context, skip string) []string {
		var out []string
		c.Each(func(k string, v condition.Value) {
			if !strings.HasPrefix(k, skip) {
				out = append(out, fmt.Sprintf("%s=%q unknown=%v", k, v.Strings(), v.IsUnknown()))
			}
		})
		return out
	}
	request := func(filler int) *Request {
		values := maps.Clone(overrides)
		for i := range filler {
			values[fmt.Sprintf("ctx:Filler%d", i)] = condition.StringValue(fmt.Sprint(i))
		}
		caller, err := condition.NewContext(values)
		require.NoError(t, err)
		r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: keyA,
			Context: caller, Absent: absent, Time: fixedTime})
		require.NoError(t, err)
		return r
	}
	small, large := request(0), request(2*largeCallerContext)
	assert.Equal(t, small.Context().Len()+2*largeCallerContext, large.Context().Len())
	if diff := cmp.Diff(dump(small.Context(), "ctx:filler"), dump(large.Context(), "ctx:filler")); diff != "" {
		t.Fatalf("the large context merges differently (-small +large):\n%s", diff)
	}
	v, ok := large.Context().LookupVariable("ctx:filler7")
	assert.True(t, ok && v == "7", "the caller's own keys are there")
}
