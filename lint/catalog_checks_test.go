package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// TestCatalogChecks checks the findings that need AWS's Service
// Authorization Reference (package catalog).
func TestCatalogChecks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		why  string
		typ  policy.Type
		doc  string
		want []string
	}{
		{
			name: "misspelt action",
			why:  "access-analyzer-reference-policy-checks: Error – Invalid action (\"Did you mean\")",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "arn:aws:s3:::b/*"}`),
			want: []string{"INVALID_ACTION 2:31"},
		},
		{
			name: "unknown service",
			why:  "access-analyzer-reference-policy-checks: Error – Invalid service in action",
			doc:  stmt(`{"Effect": "Allow", "Action": "s4:GetObject", "Resource": "arn:aws:s3:::b/*"}`),
			want: []string{"INVALID_SERVICE_IN_ACTION 2:31"},
		},
		{
			name: "pattern that matches nothing",
			why:  "reference_policies_elements_action: a wildcard that matches no action grants nothing",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:Gett*", "Resource": "arn:aws:s3:::b/*"}`),
			want: []string{"NO_MATCHING_ACTION 2:31"},
		},
		{
			name: "action case does not matter",
			why:  "reference_policies_elements_action: action names are case-insensitive",
			doc:  stmt(`{"Effect": "Allow", "Action": ["S3:getobject", "s3:List*"], "Resource": "arn:aws:s3:::b/*"}`),
		},
		{
			name: "retired service used by AWS managed policies",
			why:  "AWS managed policies use deepracer: actions, which the reference no longer lists: a suggestion, not an error",
			doc:  stmt(`{"Effect": "Allow", "Action": "deepracer:ListModels", "Resource": "*"}`),
			want: []string{"NOT_IN_REFERENCE 2:31"},
		},
		{
			name: "unknown global key",
			why:  "access-analyzer-reference-policy-checks: Error – Invalid global condition key",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:SourceIpp": "x"}}}`),
			want: []string{"INVALID_GLOBAL_CONDITION_KEY 2:110"},
		},
		{
			name: "unknown service key",
			why:  "access-analyzer-reference-policy-checks: Error – Invalid service condition key",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:nosuchkey": "x"}}}`),
			want: []string{"INVALID_SERVICE_CONDITION_KEY 2:110"},
		},
		{
			name: "tag key of a service",
			why:  "the reference writes secretsmanager:ResourceTag/tag-key; any tag key is valid",
			doc:  stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"StringEquals": {"secretsmanager:ResourceTag/team": "x"}}}`),
		},
		{
			name: "identity provider keys are not checked",
			why:  "reference_policies_iam-condition-keys#condition-keys-wif: provider keys are not in the reference",
			typ:  policy.Resource,
			doc:  stmt(`{"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"accounts.google.com:aud": "x"}}}`),
		},
		{
			name: "key that no action of the statement supports",
			why:  "Service Authorization Reference: s3:x-amz-acl is a key of s3:PutObject, not of s3:GetObject",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "private"}}}`),
			want: []string{"CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS 2:110"},
		},
		{
			name: "key that an action supports",
			why:  "Service Authorization Reference: s3:x-amz-acl is a key of s3:PutObject",
			doc:  stmt(`{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "private"}}}`),
		},
		{
			name: "global keys are always allowed",
			why:  "reference_policies_condition-keys: global keys apply to every action",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "x"}}}`),
		},
		{
			name: "string operator on a date key",
			why:  "reference_policies_elements_condition_operators: aws:CurrentTime is a Date key, compared with Date operators",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:CurrentTime": "2026-01-01"}}}`),
			want: []string{"TYPE_MISMATCH 2:110"},
		},
		{
			name: "IP operator on a string key",
			why:  "reference_policies_elements_condition_operators: IpAddress is for IPAddress keys",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:username": "10.0.0.0/8"}}}`),
			want: []string{"TYPE_MISMATCH 2:107"},
		},
		{
			name: "string operator on an ARN key",
			why:  "reference_policies_condition-keys#condition-keys-sourcearn: ARN keys may be compared with string operators",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:sns:*"}}}`),
		},
		{
			name: "IfExists on a key every request has",
			why:  "reference_policies_condition-keys#condition-keys-securetransport: always in the request context",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"BoolIfExists": {"aws:SecureTransport": "true"}}}`),
			want: []string{"IF_EXISTS_ON_ALWAYS_PRESENT_KEY 2:93"},
		},
		{
			name: "ForAllValues with a single-valued key",
			why:  "access-analyzer-reference-policy-checks: Security Warning – ForAllValues with single valued key",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"ForAllValues:StringEquals": {"aws:username": "x"}}}`),
			want: []string{"FORALLVALUES_WITH_SINGLE_VALUED_KEY 2:93"},
		},
		{
			name: "resource of another service",
			why:  "Service Authorization Reference: s3:GetObject takes S3 objects, not IAM users",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:iam::111122223333:user/x"}`),
			want: []string{"RESOURCE_TYPE_MISMATCH 2:59"},
		},
		{
			name: "resource with a variable",
			why:  "reference_policies_variables: a variable may stand for any part of the resource",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}`),
		},
		{
			name: "specific resource on a wildcard-only action",
			why:  "Service Authorization Reference: s3:ListAllMyBuckets has no resource types; it needs Resource \"*\"",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::b"}`),
			want: []string{"ACTION_NEEDS_WILDCARD_RESOURCE 2:31"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Empty(t, cmp.Diff(tc.want, got(t, tc.typ, tc.doc)), tc.why)
		})
	}
}

// TestDidYouMean checks the suggestion of the closest action name.
func TestDidYouMean(t *testing.T) {
	t.Parallel()
	fs := Check([]byte(stmt(`{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}`)), policy.Source{})
	if assert.Len(t, fs, 1) {
		assert.Contains(t, fs[0].Message, `did you mean "s3:GetObject"?`)
		assert.Equal(t, `replace with "s3:GetObject"`, fs[0].Fix)
	}
	assert.Equal(t, "", nearest("zzzzzzzz", []string{"GetObject"}), "nothing close enough")
}
