package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
)

// TestPolicyWarningCodes makes each warning of package policy and checks
// the code and severity it gets, so that a reworded warning fails here
// rather than silently becoming POLICY_WARNING.
func TestPolicyWarningCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		why  string
		typ  policy.Type
		doc  string
		code string // "" when the warning is dropped
		sev  Severity
	}{
		{"duplicate Sid", "access-analyzer-reference-policy-checks: General Warning – Unique Sids recommended", policy.Identity,
			stmt(`{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`, `{"Sid": "A", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/k"}`),
			codeUniqueSids, Warning},
		{"Sid characters", "access-analyzer-reference-policy-checks: Error – Unsupported Sid; reference_policies_elements_sid", policy.Identity,
			stmt(`{"Sid": "a-b", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			codeUnsupportedSid, Warning},
		{"operator case", "reference_policies_elements_condition_operators: operators are written as AWS spells them", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k", "Condition": {"stringEquals": {"aws:username": "x"}}}`),
			codeOperatorCase, Warning},
		{"empty operator", "reference_policies_elements_condition: an operator without keys tests nothing", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k", "Condition": {"StringEquals": {}}}`),
			codeEmptyCondition, Warning},
		{"Id in an identity policy", "reference_policies_elements_id: Id is for resource-based policies", policy.Identity,
			`{"Version": "2012-10-17", "Id": "x", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}}`,
			codeIDIgnored, Warning},
		{"CanonicalUser", "reference_policies_elements_principal: canonical user IDs", policy.Resource,
			stmt(`{"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			codeCanonicalUser, Warning},
		{"principal wildcard", "access-analyzer-reference-policy-checks: Error – Unsupported wildcard in principal", policy.Resource,
			stmt(`{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			codePrincipalWildcard, Error},
		{"service prefix wildcard", "reference_policies_elements_action: the service prefix is not a pattern", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s*:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			codeServiceWildcard, Warning},
		{"short ARN", "access-analyzer-reference-policy-checks: Error – Missing ARN field", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3"}`),
			codeMissingARNField, Error},
		{"short ARN ending in *", "reference_identifiers#identifiers-arns: the missing parts are read as *", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3*"}`),
			codeMissingARNField, Warning},
		{"ARN service wildcard", "reference_identifiers#identifiers-arns: the service of an ARN is not a pattern", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s*:::b/k"}`),
			codeARNServiceGlob, Warning},
		{"NotPrincipal with Allow", "access-analyzer-reference-policy-checks: Security Warning – Allow with NotPrincipal", policy.Resource,
			stmt(`{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			codeNotPrincipal, SecurityWarning},
		{"resource type wildcard", "AWS managed policies use arn:aws:iam::*:role/aws-service-role* and AWS evaluates them: dropped", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:ro*"}`),
			"", 0},
		{"variable in the account field", "AmazonTimestreamInfluxDBServiceRolePolicy uses arn:*:kms:*:${aws:PrincipalAccount}:key/* and AWS substitutes it: dropped", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:${aws:PrincipalAccount}:key/*"}`),
			"", 0},
		{"multivalued key without a set operator", "reference_policies_condition-single-vs-multi-valued-context-keys", policy.Identity,
			stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k", "Condition": {"StringEquals": {"aws:TagKeys": "x"}}}`),
			codeConditionValue, Warning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := policy.Parse([]byte(tc.doc), policy.Source{Type: tc.typ})
			require.NoError(t, err)
			var codes []string
			for _, w := range p.Warnings() {
				if f, keep := fromPolicyWarning(w); keep {
					codes = append(codes, f.Code)
					if f.Code == tc.code {
						assert.Equal(t, tc.sev, f.Severity, tc.why)
					}
				}
			}
			if tc.code == "" {
				assert.Empty(t, codes, "%s: %v", tc.why, p.Warnings())
				return
			}
			assert.Contains(t, codes, tc.code, "%s: %v", tc.why, p.Warnings())
		})
	}
}
