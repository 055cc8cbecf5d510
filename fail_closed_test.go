package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestFailClosedUnknownKeys holds the rule for keys AWS sets on every
// request that the input does not give: a condition on them is unknown, so
// an Allow does not apply and a Deny does, and the explanation names the
// key and its AWS page.
func TestFailClosedUnknownKeys(t *testing.T) {
	t.Parallel()
	const st = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport"
	denyHTTP := stmt(`"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}`)
	tests := []struct {
		name     string
		ctx      map[string]condition.Value
		absent   []string
		simlike  bool
		want     Decision
		unknowns int
		why      string
	}{
		{"not given: the Deny applies", nil, nil, false, ExplicitDeny, 1, st},
		{"given true: the Deny does not apply", map[string]condition.Value{"aws:SecureTransport": condition.StringValue("true")}, nil, false, Allowed, 0, st},
		{"declared absent: the key is absent", nil, []string{"AWS:SecureTransport"}, false, Allowed, 0,
			"RequestInput.Absent removes a key; Bool on an absent key is false"},
		{"simulator reading: absent", nil, nil, true, Allowed, 0,
			"RequestInput.UnsuppliedAbsent mirrors the AWS policy simulator, which takes keys it is not given as absent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := docs{identity: []string{allow("*", "*"), denyHTTP}}.build(t)
			var ctx condition.Context
			if tc.ctx != nil {
				ctx = must(condition.NewContext(tc.ctx))
			}
			r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime,
				Context: ctx, Absent: tc.absent, UnsuppliedAbsent: tc.simlike})
			require.NoError(t, err)
			assert.Equal(t, tc.want, Evaluate(ps, r), tc.why)
			x := Explain(ps, r)
			assert.Equal(t, tc.want, x.Decision)
			require.Len(t, x.Unknown, tc.unknowns, tc.why)
			if tc.unknowns > 0 {
				assert.Contains(t, x.Unknown[0], `Bool "aws:SecureTransport"`, "the explanation names the key")
				assert.Contains(t, x.Unknown[0], "supply the key", "and says what to do")
				assert.Contains(t, x.Unknown[0], st, "and cites AWS")
				assert.Contains(t, x.String(), "unknown: ", "the text form shows it")
			}
		})
	}
}

// TestFailClosedDerivedRegion holds the documented defaults of
// aws:RequestedRegion: the region of a regional resource ARN, us-east-1
// for IAM, unknown otherwise.
func TestFailClosedDerivedRegion(t *testing.T) {
	t.Parallel()
	const rr = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion"
	tests := []struct {
		action, resource string
		want             string // "" unknown
	}{
		{"dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:" + acctA + ":table/t", "eu-west-1"},
		{"iam:ListUsers", "*", "us-east-1"},
		{"iam:GetUser", "arn:aws:iam::" + acctA + ":user/bob", "us-east-1"},
		{"s3:GetObject", objA, ""},
		{"ec2:DescribeInstances", "*", ""},
	}
	for _, tc := range tests {
		r := newReq(t, alice, tc.action, tc.resource)
		v, ok := r.Context().LookupKey("aws:requestedregion")
		require.True(t, ok, "%s: AWS always sets aws:RequestedRegion: %s", tc.action, rr)
		if tc.want == "" {
			assert.True(t, v.IsUnknown(), "%s on %s: no documented default: %s", tc.action, tc.resource, rr)
		} else {
			assert.Equal(t, tc.want, v.String(), "%s on %s: %s", tc.action, tc.resource, rr)
		}
	}
}

// TestFailClosedSourceIP holds that aws:SourceIp is unknown unless the
// request came through a VPC endpoint.
func TestFailClosedSourceIP(t *testing.T) {
	t.Parallel()
	const si = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip"
	plain := newReq(t, alice, "s3:GetObject", objA)
	v, ok := plain.Context().LookupKey("aws:sourceip")
	assert.True(t, ok && v.IsUnknown(), si)
	for _, k := range []string{"aws:SourceVpce", "aws:SourceVpc", "aws:VpcSourceIp"} {
		r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime, Context: ctxOf(t, k, "x")})
		require.NoError(t, err)
		_, ok := r.Context().LookupKey("aws:sourceip")
		assert.False(t, ok, "%s marks a VPC endpoint request, which has no aws:SourceIp: %s", k, si)
	}
}
