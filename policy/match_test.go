package policy

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// evalOne parses an identity policy with one statement built from elems
// (Effect Allow) and evaluates it for alice, checking that the fast path
// and the recording path agree.
func evalOne(t *testing.T, version, elems, action, resource string, ctx map[string]string) StatementResult {
	t.Helper()
	v := ""
	if version != "" {
		v = `"Version": ` + strconv.Quote(version) + `, `
	}
	p := mustParse(t, Identity, fmt.Sprintf(`{%s"Statement": {"Effect": "Allow", %s}}`, v, elems))
	r := newRequest(t, alice(t), action, resource, ctx)
	rec := &recorder{}
	o := p.Eval(r, rec)
	require.Len(t, rec.results, 1)
	assert.Equal(t, o, p.Eval(r, nil), "Outcome with and without a recorder")
	assert.Equal(t, rec.results[0].Applies, o.Allow)
	return rec.results[0]
}

// TestAction pins reference_policies_elements_action.md, reference_policies_elements_notaction.md.
func TestAction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		elem   string
		action string
		want   bool
		why    string
	}{
		{`"Action": "*"`, "iam:CreateUser", true, "A1: \"*\" matches everything"},
		{`"Action": "s3:*"`, "s3:GetObject", true, "A1: name glob"},
		{`"Action": "s3:*"`, "s3express:CreateSession", false, "A1: the prefix is compared whole"},
		{`"Action": "iam:ListAccessKeys"`, "IAM:listaccesskeys", true, "A1: iam:ListAccessKeys ≡ IAM:listaccesskeys"},
		{`"Action": "IAM:LISTACCESSKEYS"`, "iam:ListAccessKeys", true, "A1: prefix and name ignore case"},
		{`"Action": "s3:Get*"`, "s3:GetObjectVersion", true, "A1: * any run"},
		{`"Action": "s3:Get*"`, "s3:PutObject", false, "A1"},
		{`"Action": "s3:Get?bject"`, "s3:GetObject", true, "A1: ? one character"},
		{`"Action": "s3:Get?bject"`, "s3:GetObbject", false, "A1: ? exactly one character"},
		{`"Action": "s3:*Object*"`, "s3:DeleteObjectTagging", true, "A1"},
		{`"Action": ["ec2:*", "s3:GetObject"]`, "s3:GetObject", true, "A1: any entry matches"},
		{`"Action": "s3*:GetObject"`, "s3:GetObject", false, "A1: wildcards in the prefix are literal"},
		{`"NotAction": "s3:*"`, "iam:GetUser", true, "A2: no entry matches"},
		{`"NotAction": ["s3:*", "iam:Get*"]`, "iam:GetUser", false, "A2"},
		{`"NotAction": "iam:getuser"`, "IAM:GetUser", false, "A2: same case rules as Action"},
	}
	for _, tc := range tests {
		t.Run(tc.elem+" "+tc.action, func(t *testing.T) {
			t.Parallel()
			res := evalOne(t, Version2012, tc.elem+`, "Resource": "*"`, tc.action, "*", nil)
			assert.Equal(t, tc.want, res.Applies, tc.why)
			if !tc.want {
				assert.Equal(t, PartAction, res.Failed, tc.why)
			}
		})
	}
}

// TestResource pins reference_policies_elements_resource.md, reference_policies_elements_notresource.md and reference_policies_variables.md–§3.
func TestResource(t *testing.T) {
	t.Parallel()
	user := map[string]string{"aws:username": "alice"}
	tests := []struct {
		version  string
		elem     string
		resource string
		ctx      map[string]string
		want     bool
		why      string
	}{
		{Version2012, `"Resource": "*"`, "arn:aws:s3:::b/k", nil, true, "A3: \"*\" matches everything"},
		{Version2012, `"Resource": "*"`, "*", nil, true, "A3: including a request resource *"},
		{Version2012, `"Resource": "arn:aws:s3:::*"`, "*", nil, false, "A3/Q3: a request resource * is matched only by \"*\""},
		{Version2012, `"Resource": "arn:*"`, "*", nil, false, "A3/Q3"},
		{Version2012, `"Resource": "arn:aws:s3:::B/*/test/*"`, "arn:aws:s3:::B/1/2/test/3/x.jpg", nil, true, "A3: * crosses / in the resource part"},
		{Version2012, `"Resource": "arn:aws:s3:::b*"`, "arn:aws:s3:::b/x:y", nil, true, "A3: a trailing * crosses : in the resource part"},
		{Version2012, `"Resource": "arn:aws:iam::111122223333:user/alice"`, "arn:aws:iam::111122223333:user/Alice", nil, false, "A3: case-sensitive"},
		{Version2012, `"Resource": "arn:aws:ec2:*:111122223333:instance/*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "A3: region glob"},
		{Version2012, `"Resource": "arn:aws:ec2:us-*:*:instance/*"`, "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", nil, false, "A3: region glob within its segment"},
		{Version2012, `"Resource": "arn:aws:sqs:*:1111*:q"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, true, "A3: account glob"},
		{Version2012, `"Resource": "arn:aws:*:us-east-1:*:*"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, true, "A3 (our choice): a service segment of exactly * matches any service"},
		{Version2012, `"Resource": "arn:aws:s*:us-east-1:*:*"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, false, "A3: service compared literally"},
		{Version2012, `"Resource": "arn:aws:ec2:*:*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "A3: arn:aws:ec2:*:* is padded to arn:aws:ec2:*:*:*"},
		{Version2012, `"Resource": "arn:aws:ec2:*:*:i*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "A3"},
		{Version2012, `"Resource": "arn:aws:ec2:*:1*:i*"`, "arn:aws:ec2:us-east-1:2:1:instance/i-1", nil, false, "A3: * in the account segment does not cross a colon"},
		{Version2012, `"Resource": "arn:aws:s3:*"`, "arn:aws:s3:::b/k", nil, true, "A3: fewer than six parts ending in * are padded with *"},
		{Version2012, `"Resource": "arn:aws:s3"`, "arn:aws:s3:::b", nil, false, "A3: fewer than six parts otherwise match nothing"},
		{Version2012, `"Resource": "arn:aws:s3:::b"`, "b", nil, false, "a request resource that is not an ARN is matched only by \"*\""},
		{Version2012, `"Resource": "arn:aws:s3:::b"`, "xyz:aws:s3:::b", nil, false, "an ARN starts with arn:"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/*"`, "arn:aws:s3:::c/k", nil, true, "A4: no entry matches"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/*"`, "arn:aws:s3:::b/k", nil, false, "A4"},
		{Version2012, `"NotResource": "arn:aws:s3:::*"`, "*", nil, true, "A4: a request resource * falls outside every ARN entry"},
		{Version2012, `"NotResource": "*"`, "*", nil, false, "A4"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:username}/*"`, "arn:aws:s3:::home/alice/x", user, true, "reference_policies_variables.md: substituted in the resource part"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:UserName}/*"`, "arn:aws:s3:::home/alice/x", user, true, "reference_policies_variables.md: key names ignore case"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:username}/*"`, "arn:aws:s3:::home/bob/x", user, false, "reference_policies_variables.md"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:PrincipalTag/project}/*"`, "arn:aws:s3:::home//x", nil, false, "reference_policies_variables.md: no value, no default: matches nothing"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:PrincipalTag/project, 'guest'}/*"`, "arn:aws:s3:::home/guest/x", nil, true, "reference_policies_variables.md: default"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:PrincipalTag/team}/*"`, "arn:aws:s3:::home/analytics/x", nil, true, "reference_policies_variables.md: keys derived from the principal"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:username}"`, "arn:aws:s3:::home/a*", map[string]string{"aws:username": "a*"}, true, "reference_policies_variables.md: substituted text is literal"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${aws:username}"`, "arn:aws:s3:::home/ab", map[string]string{"aws:username": "a*"}, false, "reference_policies_variables.md: a * from a variable is no wildcard"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${*}"`, "arn:aws:s3:::home/*", nil, true, "reference_policies_variables.md: ${*} is a literal *"},
		{Version2012, `"Resource": "arn:aws:s3:::home/${*}"`, "arn:aws:s3:::home/x", nil, false, "reference_policies_variables.md"},
		{Version2008, `"Resource": "arn:aws:s3:::home/${aws:username}/*"`, "arn:aws:s3:::home/${aws:username}/x", user, true, "reference_policies_variables.md: 2008-10-17 keeps ${…} as text"},
		{"", `"Resource": "arn:aws:s3:::home/${aws:username}/*"`, "arn:aws:s3:::home/alice/x", user, false, "reference_policies_variables.md: no Version keeps ${…} as text"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/${aws:PrincipalTag/team}/*"`, "arn:aws:s3:::b/x/y", nil, true, "reference_policies_variables.md: in NotResource an unresolved entry excludes nothing"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/${aws:username}/*"`, "arn:aws:s3:::b/alice/y", user, false, "reference_policies_variables.md"},
		{Version2012, `"Resource": "arn:aws:iam::${aws:username}:user/x"`, "arn:aws:iam::alice:user/x", user, true, "substituted in the account field as AWS does: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonTimestreamInfluxDBServiceRolePolicy.html"},
		{Version2012, `"Resource": "arn:aws:iam::${aws:username}:user/x"`, "arn:aws:iam::bob:user/x", user, false, "the substituted account must match"},
		{Version2012, `"Resource": "arn:*:kms:*:${aws:PrincipalTag/acct}:key/*"`, "arn:aws:kms:us-east-1:111122223333:key/k", map[string]string{"aws:PrincipalTag/acct": "111122223333"}, true, "AmazonTimestreamInfluxDBServiceRolePolicy's shape"},
		{Version2012, `"Resource": "arn:*:kms:*:${aws:PrincipalTag/acct}:key/*"`, "arn:aws:kms:us-east-1:444455556666:key/k", map[string]string{"aws:PrincipalTag/acct": "111122223333"}, false, "another account's key"},
		{Version2012, `"Resource": "arn:*:kms:*:${aws:PrincipalTag/none}:key/*"`, "arn:aws:kms:us-east-1:111122223333:key/k", nil, false, "reference_policies_variables.md: no value, the entry matches nothing"},
		{Version2012, `"Resource": "arn:*:kms:*:${aws:PrincipalTag/acct}:key/*"`, "arn:aws:kms:us-east-1:1*:key/k", map[string]string{"aws:PrincipalTag/acct": "1*"}, true, "the value is literal text in the account too"},
		{Version2012, `"Resource": "arn:*:kms:*:${aws:PrincipalTag/acct}:key/*"`, "arn:aws:kms:us-east-1:111122223333:key/k", map[string]string{"aws:PrincipalTag/acct": "1*"}, false, "a * from a variable is no wildcard"},
		{Version2012, `"Resource": "arn:aws:kms:${aws:RequestedRegion}:111122223333:key/*"`, "arn:aws:kms:eu-west-1:111122223333:key/k", map[string]string{"aws:RequestedRegion": "eu-west-1"}, true, "the region field is substituted too"},
		{Version2012, `"Resource": "arn:aws:${aws:username}:us-east-1:111122223333:key/*"`, "arn:aws:kms:us-east-1:111122223333:key/k", map[string]string{"aws:username": "kms"}, false, "the service field stays plain text"},
		{Version2012, `"Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]`, "arn:aws:s3:::b/k", nil, true, "A3: any entry matches"},
	}
	for _, tc := range tests {
		t.Run(tc.version+" "+tc.elem+" "+tc.resource, func(t *testing.T) {
			t.Parallel()
			res := evalOne(t, tc.version, `"Action": "s3:GetObject", `+tc.elem, "s3:GetObject", tc.resource, tc.ctx)
			assert.Equal(t, tc.want, res.Applies, tc.why)
			if !tc.want {
				assert.Equal(t, PartResource, res.Failed, tc.why)
			}
		})
	}
}

// TestConditionValues checks that numbers and booleans in condition values
// are compared by their JSON text (reference_policies_grammar.md).
func TestConditionValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cond string
		ctx  map[string]string
		want bool
		why  string
	}{
		{`{"NumericLessThan": {"s3:max-keys": 10}}`, map[string]string{"s3:max-keys": "9"}, true, "P5: 10 ≡ \"10\""},
		{`{"NumericLessThan": {"s3:max-keys": "10"}}`, map[string]string{"s3:max-keys": "10"}, false, "reference_policies_elements_condition_operators.md: request value on the left"},
		{`{"Bool": {"aws:SecureTransport": true}}`, map[string]string{"aws:SecureTransport": "true"}, true, "P5: true ≡ \"true\""},
		{`{"Bool": {"aws:SecureTransport": [false]}}`, map[string]string{"aws:SecureTransport": "true"}, false, "P5"},
		{`{}`, nil, true, "reference_policies_elements_condition.md: an empty Condition is true"},
		{`{"StringEquals": {"aws:username": "alice"}, "Bool": {"aws:SecureTransport": "true"}}`, map[string]string{"aws:username": "alice"}, false, "reference_policies_multi-value-conditions.md: blocks are ANDed"},
	}
	for _, tc := range tests {
		t.Run(tc.cond, func(t *testing.T) {
			t.Parallel()
			res := evalOne(t, Version2012, `"Action": "s3:ListBucket", "Resource": "*", "Condition": `+tc.cond, "s3:ListBucket", "arn:aws:s3:::b", tc.ctx)
			assert.Equal(t, tc.want, res.Applies, tc.why)
			if !tc.want {
				assert.Equal(t, PartCondition, res.Failed, tc.why)
				assert.NotNil(t, res.Condition)
			}
		})
	}
}
