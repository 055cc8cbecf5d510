package policy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// TestParseWarnings pins findings that AWS accepts but that are likely
// mistakes: the policy parses, and Warnings reports them with positions.
func TestParseWarnings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		typ  Type
		src  string
		want []string
		why  string
	}{
		{
			name: "Sid characters and duplicates",
			src: lines(`{"Statement": [`,
				`  {"Sid": "read-all", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},`,
				`  {"Sid": "read-all", "Effect": "Allow", "Action": "s3:List*", "Resource": "*"}]}`),
			want: []string{
				`<input>:2:11: warning: Statement[0].Sid: Sid "read-all" has characters other than A-Z, a-z and 0-9, which IAM does not accept`,
				`<input>:3:11: warning: Statement[1].Sid: Sid "read-all" has characters other than A-Z, a-z and 0-9, which IAM does not accept`,
				`<input>:3:11: warning: Statement[1].Sid: duplicate Sid "read-all" (first in the statement at 2:3): Sids should be unique in a policy`,
			},
			why: "reference_policies_elements_sid.md: warn, don't fail",
		},
		{
			name: "Id in an identity policy",
			src:  `{"Id": "cd3ad3d9", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`,
			want: []string{`<input>:1:2: warning: Id: "Id" is allowed in resource-based policies, not in identity-based policies; it is ignored`},
			why:  "reference_policies_elements_id.md: ID is allowed in resource-based policies, but not in identity-based policies",
		},
		{
			name: "NotPrincipal with Allow",
			typ:  Resource,
			src:  `{"Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:GetObject"}}`,
			want: []string{`<input>:1:35: warning: Statement.NotPrincipal: "NotPrincipal" with "Allow" is not supported by most services and by role trust policies`},
			why:  "reference_policies_elements_notprincipal.md: accept, warn",
		},
		{
			name: "wildcard principal ARN",
			typ:  Resource,
			src:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}, "Action": "s3:GetObject"}}`,
			want: []string{`<input>:1:56: warning: Statement.Principal.AWS: principal "arn:aws:iam::111122223333:user/*" has a wildcard: principal ARNs are compared exactly, so it matches nothing`},
			why:  "reference_policies_elements_principal.md: no partial wildcards",
		},
		{
			name: "wildcard in the action prefix",
			src:  `{"Statement": {"Effect": "Allow", "Action": "s3*:GetObject", "Resource": "*"}}`,
			want: []string{`<input>:1:45: warning: Statement.Action: wildcard in service prefix "s3*": service prefixes are matched literally`},
			why:  "reference_policies_elements_action.md: treat literally, warn",
		},
		{
			name: "ARN shapes",
			src: lines(`{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:GetUser", "Resource": [`,
				`  "arn:aws:s3:*",`,
				`  "arn:aws:s3:::b",`,
				`  "arn:aws:iam",`,
				`  "arn:aws:iam::111122223333:us*/alice",`,
				`  "arn:aws:i?m::111122223333:user/alice",`,
				`  "arn:aws:iam::${aws:PrincipalAccount}:user/x",`,
				`  "arn:aws:s3:::b/${aws:username"]}}`),
			want: []string{
				`<input>:2:3: warning: Statement.Resource[0]: ARN "arn:aws:s3:*" has fewer than six parts: the missing parts are read as "*"`,
				`<input>:4:3: warning: Statement.Resource[2]: ARN "arn:aws:iam" has fewer than six parts and does not end in "*": it matches nothing`,
				`<input>:5:3: warning: Statement.Resource[3]: wildcard in the resource type of ARN "arn:aws:iam::111122223333:us*/alice": AWS does not allow wildcards there`,
				`<input>:6:3: warning: Statement.Resource[4]: wildcard in the service of ARN "arn:aws:i?m::111122223333:user/alice": the service is matched literally`,
				`<input>:7:3: warning: Statement.Resource[5]: policy variable before the fifth colon of ARN "arn:aws:iam::${aws:PrincipalAccount}:user/x": the IAM User Guide allows variables only after it, but AWS substitutes them in the partition, region and account (its managed policy AmazonTimestreamInfluxDBServiceRolePolicy relies on it) and so does iameval; a Condition on aws:ResourceAccount says the same portably`,
				`<input>:8:3: warning: Statement.Resource[6]: unclosed "${" is taken as literal text`,
			},
			why: "reference_policies_elements_resource.md, reference_policies_evaluation-logic.md; reference_policies_variables.md",
		},
		{
			name: "condition spelling and values",
			src: lines(`{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {`,
				`  "stringequals": {"aws:username": "alice"},`,
				`  "DateGreaterThan": {"aws:CurrentTime": "2020"},`,
				`  "StringLike": {}}}}`),
			want: []string{
				`<input>:2:3: warning: Statement.Condition.stringequals: operator "stringequals" is spelled "StringEquals" by AWS`,
				`<input>:3:42: warning: Statement.Condition.DateGreaterThan."aws:CurrentTime": "2020" is read as epoch seconds (1970-01-01T00:33:40Z), not as a year`,
				`<input>:4:17: warning: Statement.Condition.StringLike: operator "StringLike" has no condition keys: it is always true`,
			},
			why: "reference_policies_elements_condition.md (accept any case, warn), reference_policies_evaluation-logic.md (4-digit dates)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.src), Source{Type: tc.typ})
			require.NoError(t, err, tc.why)
			got := make([]string, 0, len(tc.want))
			for _, w := range p.Warnings() {
				got = append(got, w.Error())
			}
			assert.Equal(t, strings.Join(tc.want, "\n"), strings.Join(got, "\n"), tc.why)
		})
	}
}

// TestParseNoWarnings checks that ordinary policies parse without
// warnings: the bench policies are written the way AWS documents them.
func TestParseNoWarnings(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"w1-policy-analytics.json", "w1-policy-ec2-operator.json", "w1-policy-s3-home.json", "w2-policy.json", "w3-policy.json"} {
		p, err := Parse(readBench(t, name), Source{File: name})
		require.NoError(t, err, name)
		assert.Empty(t, p.Warnings(), name)
	}
}

// TestParseReturnsWarningsWithErrors: an invalid document reports its
// warnings in the same run as its errors, marked as warnings, so that the
// author does not meet them only after fixing every error.
func TestParseReturnsWarningsWithErrors(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte(`{"Statement": {"Sid": "a-b", "Effect": "Alow", "Action": "s3:GetObject", "Resource": "*",
 "Condition": {"stringEquals": {"aws:username": "x"}}}}`), Source{File: "p.json"})
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	errs, warns := list.Split()
	require.Len(t, errs, 1)
	assert.Equal(t, `p.json:1:40: Statement.Effect: expected "Allow" or "Deny", found "Alow"`, errs[0].Error())
	assert.False(t, errs[0].IsWarning())
	require.Len(t, warns, 2)
	assert.Equal(t, `p.json:1:23: warning: Statement.Sid: Sid "a-b" has characters other than A-Z, a-z and 0-9, which IAM does not accept`, warns[0].Error())
	assert.True(t, warns[1].IsWarning())
	assert.ErrorIs(t, warns[1], diag.ErrWarning)
	assert.ErrorIs(t, warns[1], ErrValue, "a warning keeps its kind")
	assert.ErrorIs(t, err, ErrValue)
}
