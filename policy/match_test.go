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
		{`"Action": "*"`, "iam:CreateUser", true, "reference_policies_elements_action.md: \"*\" matches everything"},
		{`"Action": "s3:*"`, "s3:GetObject", true, "reference_policies_elements_action.md: name glob"},
		{`"Action": "s3:*"`, "s3express:CreateSession", false, "reference_policies_elements_action.md: the prefix is compared whole"},
		{`"Action": "iam:ListAccessKeys"`, "IAM:listaccesskeys", true, "reference_policies_elements_action.md: iam:ListAccessKeys ≡ IAM:listaccesskeys"},
		{`"Action": "IAM:LISTACCESSKEYS"`, "iam:ListAccessKeys", true, "reference_policies_elements_action.md: prefix and name ignore case"},
		{`"Action": "s3:Get*"`, "s3:GetObjectVersion", true, "reference_policies_elements_action.md: * any run"},
		{`"Action": "s3:Get*"`, "s3:PutObject", false, "reference_policies_elements_action.md"},
		{`"Action": "s3:Get?bject"`, "s3:GetObject", true, "reference_policies_elements_action.md: ? one character"},
		{`"Action": "s3:Get?bject"`, "s3:GetObbject", false, "reference_policies_elements_action.md: ? exactly one character"},
		{`"Action": "s3:*Object*"`, "s3:DeleteObjectTagging", true, "reference_policies_elements_action.md"},
		{`"Action": ["ec2:*", "s3:GetObject"]`, "s3:GetObject", true, "reference_policies_elements_action.md: any entry matches"},
		{`"Action": "s3*:GetObject"`, "s3:GetObject", false, "reference_policies_elements_action.md: wildcards in the prefix are literal"},
		{`"NotAction": "s3:*"`, "iam:GetUser", true, "reference_policies_elements_notaction.md: no entry matches"},
		{`"NotAction": ["s3:*", "iam:Get*"]`, "iam:GetUser", false, "reference_policies_elements_notaction.md"},
		{`"NotAction": "iam:getuser"`, "IAM:GetUser", false, "reference_policies_elements_notaction.md: same case rules as Action"},
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

// TestResource pins reference_policies_elements_resource.md, reference_policies_elements_notresource.md and reference_policies_variables.md–reference_policies_evaluation-logic.md.
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
		{Version2012, `"Resource": "*"`, "arn:aws:s3:::b/k", nil, true, "reference_policies_elements_resource.md: \"*\" matches everything"},
		{Version2012, `"Resource": "*"`, "*", nil, true, "reference_policies_elements_resource.md: including a request resource *"},
		{Version2012, `"Resource": "arn:aws:s3:::*"`, "*", nil, false, "reference_policies_elements_resource.md, reference_policies_evaluation-logic.md: a request resource * is matched only by \"*\""},
		{Version2012, `"Resource": "arn:*"`, "*", nil, false, "reference_policies_elements_resource.md, reference_policies_evaluation-logic.md"},
		{Version2012, `"Resource": "arn:aws:s3:::B/*/test/*"`, "arn:aws:s3:::B/1/2/test/3/x.jpg", nil, true, "reference_policies_elements_resource.md: * crosses / in the resource part"},
		{Version2012, `"Resource": "arn:aws:s3:::b*"`, "arn:aws:s3:::b/x:y", nil, true, "reference_policies_elements_resource.md: a trailing * crosses : in the resource part"},
		{Version2012, `"Resource": "arn:aws:iam::111122223333:user/alice"`, "arn:aws:iam::111122223333:user/Alice", nil, false, "reference_policies_elements_resource.md: case-sensitive"},
		{Version2012, `"Resource": "arn:aws:ec2:*:111122223333:instance/*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "reference_policies_elements_resource.md: region glob"},
		{Version2012, `"Resource": "arn:aws:ec2:us-*:*:instance/*"`, "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", nil, false, "reference_policies_elements_resource.md: region glob within its segment"},
		{Version2012, `"Resource": "arn:aws:sqs:*:1111*:q"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, true, "reference_policies_elements_resource.md: account glob"},
		{Version2012, `"Resource": "arn:aws:*:us-east-1:*:*"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, true, "reference_policies_elements_resource.md (our choice): a service segment of exactly * matches any service"},
		{Version2012, `"Resource": "arn:aws:s*:us-east-1:*:*"`, "arn:aws:sqs:us-east-1:111122223333:q", nil, false, "reference_policies_elements_resource.md: service compared literally"},
		{Version2012, `"Resource": "arn:aws:ec2:*:*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "reference_policies_elements_resource.md: arn:aws:ec2:*:* is padded to arn:aws:ec2:*:*:*"},
		{Version2012, `"Resource": "arn:aws:ec2:*:*:i*"`, "arn:aws:ec2:us-east-1:111122223333:instance/i-1", nil, true, "reference_policies_elements_resource.md"},
		{Version2012, `"Resource": "arn:aws:ec2:*:1*:i*"`, "arn:aws:ec2:us-east-1:2:1:instance/i-1", nil, false, "reference_policies_elements_resource.md: * in the account segment does not cross a colon"},
		{Version2012, `"Resource": "arn:aws:s3:*"`, "arn:aws:s3:::b/k", nil, true, "reference_policies_elements_resource.md: fewer than six parts ending in * are padded with *"},
		{Version2012, `"Resource": "arn:aws:s3"`, "arn:aws:s3:::b", nil, false, "reference_policies_elements_resource.md: fewer than six parts otherwise match nothing"},
		{Version2012, `"Resource": "arn:aws:s3:::b"`, "b", nil, false, "a request resource that is not an ARN is matched only by \"*\""},
		{Version2012, `"Resource": "arn:aws:s3:::b"`, "xyz:aws:s3:::b", nil, false, "an ARN starts with arn:"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/*"`, "arn:aws:s3:::c/k", nil, true, "reference_policies_elements_notresource.md: no entry matches"},
		{Version2012, `"NotResource": "arn:aws:s3:::b/*"`, "arn:aws:s3:::b/k", nil, false, "reference_policies_elements_notresource.md"},
		{Version2012, `"NotResource": "arn:aws:s3:::*"`, "*", nil, true, "reference_policies_elements_notresource.md: a request resource * falls outside every ARN entry"},
		{Version2012, `"NotResource": "*"`, "*", nil, false, "reference_policies_elements_notresource.md"},
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
		{Version2012, `"Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]`, "arn:aws:s3:::b/k", nil, true, "reference_policies_elements_resource.md: any entry matches"},
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
		{`{"NumericLessThan": {"s3:max-keys": 10}}`, map[string]string{"s3:max-keys": "9"}, true, "reference_policies_grammar.md: 10 ≡ \"10\""},
		{`{"NumericLessThan": {"s3:max-keys": "10"}}`, map[string]string{"s3:max-keys": "10"}, false, "reference_policies_elements_condition_operators.md: request value on the left"},
		{`{"Bool": {"aws:SecureTransport": true}}`, map[string]string{"aws:SecureTransport": "true"}, true, "reference_policies_grammar.md: true ≡ \"true\""},
		{`{"Bool": {"aws:SecureTransport": [false]}}`, map[string]string{"aws:SecureTransport": "true"}, false, "reference_policies_grammar.md"},
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
