package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestActions(t *testing.T) {
	t.Parallel()
	const policy = "testdata/actions/bucket.json"
	tests := []struct {
		args []string
		want string // stdout
		code int
		why  string
	}{
		{[]string{"actions", "iam:*AccessKey*"}, "iam:CreateAccessKey\niam:DeleteAccessKey\niam:GetAccessKeyLastUsed\niam:ListAccessKeys\niam:UpdateAccessKey\n", 0,
			"a pattern expands against the reference, sorted, in AWS's casing"},
		{[]string{"actions", "S3:GETOBJECT", "s3:getobject", "iam:PassRole"}, "iam:PassRole\ns3:GetObject\n", 0,
			"patterns are case-insensitive; an action matched twice is printed once"},
		{[]string{"actions", "s3:GetObjcet"}, "", 1, "a pattern matching nothing prints nothing, exit 1"},
		{[]string{"actions", "--policy", policy}, "s3:GetObject\ns3:ListAllMyBuckets\ns3:ListBucket\ns3:PutObjectTagging\n", 0,
			"conditional Allow grants; conditional Deny and a Deny of some resources remove nothing"},
		{[]string{"actions", "--policy", policy, "--resource", "arn:aws:s3:::reports/q1.csv"}, "s3:GetObject\ns3:PutObjectTagging\n", 0,
			"on an object: the object actions whose statements cover it"},
		{[]string{"actions", "--policy", policy, "--resource", "arn:aws:s3:::reports/secret/pay.csv"}, "s3:PutObjectTagging\n", 0,
			"an unconditional Deny of that resource removes GetObject"},
		{[]string{"actions", "--policy", policy, "--resource", "arn:aws:s3:::reports"}, "s3:ListBucket\n", 0,
			"on the bucket: only bucket actions fit the resource type"},
		{[]string{"actions", "--policy", policy, "--resource", "*"}, "s3:ListAllMyBuckets\n", 0,
			"'*' asks about actions without resource-level permissions"},
		{[]string{"actions", "--policy", policy, "--resource", "arn:aws:s3:::other/x"}, "", 1, "nothing is allowed on another bucket"},
		{[]string{"actions"}, "", 2, "no pattern"},
		{[]string{"actions", "--resource", "*"}, "", 2, "--resource needs --policy"},
		{[]string{"actions", "--policy", policy, "s3:*"}, "", 2, "patterns and --policy exclude each other"},
		{[]string{"actions", "--policy", "testdata/actions/missing.json"}, "", 2, "an unreadable policy"},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		code := run(tc.args, &out, &errOut)
		assert.Equal(t, tc.code, code, "%v: %s\n%s", tc.args, tc.why, errOut.String())
		if tc.code != 2 {
			assert.Equal(t, tc.want, out.String(), "%v: %s", tc.args, tc.why)
		}
	}
}

func TestActionsJSON(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	code := run([]string{"actions", "--json", "--policy", "testdata/actions/bucket.json", "--resource", "arn:aws:s3:::reports/a"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	var got []struct {
		Action        string
		AccessLevel   string
		ResourceTypes []struct{ Name string }
		ConditionKeys []string
		Statements    []struct {
			Sid      string
			Index    int
			Position struct {
				File         string
				Line, Column int
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	require.Len(t, got, 2)
	assert.Equal(t, "s3:GetObject", got[0].Action)
	assert.Equal(t, "Read", got[0].AccessLevel)
	assert.Equal(t, "ReadBucket", got[0].Statements[0].Sid, "the granting statement")
	assert.Equal(t, 4, got[0].Statements[0].Position.Line)
	assert.Equal(t, "Tagging", got[1].AccessLevel)
	assert.Contains(t, got[0].ConditionKeys, "s3:ExistingObjectTag/<key>", "no HTML escaping")
	assert.True(t, strings.Contains(out.String(), "<key>"))

	out.Reset()
	require.Equal(t, 1, run([]string{"actions", "--json", "nosuch:*"}, &out, &errOut))
	assert.Equal(t, "[]\n", out.String(), "an empty list is still JSON")
}

// TestExplainUnknownAction: an implicit deny of an action AWS does not
// have says so, with the closest real action (Service Authorization
// Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
func TestExplainUnknownAction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action, want, why string
	}{
		{"s3:GetObjcet", "unknown action: s3:GetObjcet is not an action of Amazon S3 (did you mean s3:GetObject?)", "a misspelt action never matches s3:GetObject"},
		{"s3:PutObject", "", "a real action that is simply not allowed gets no such line"},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		code := run([]string{"explain", "--principal", "arn:aws:iam::111122223333:user/alice", "--action", tc.action,
			"--resource", "arn:aws:s3:::reports/a", "--policy", "testdata/actions/bucket.json"}, &out, &errOut)
		require.Equal(t, 0, code, errOut.String())
		assert.Contains(t, out.String(), "implicitDeny", tc.why)
		if tc.want == "" {
			assert.NotContains(t, out.String(), "unknown action", tc.why)
		} else {
			assert.Contains(t, out.String(), tc.want, tc.why)
		}
	}
}
