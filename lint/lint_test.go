package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// got runs Check and returns the findings as "CODE line:col" strings.
func got(t *testing.T, typ policy.Type, doc string) []string {
	t.Helper()
	var out []string
	for _, f := range Check([]byte(doc), policy.Source{File: "p.json", Type: typ}) {
		out = append(out, fmt.Sprintf("%s %d:%d", f.Code, f.Pos.Line, f.Pos.Column))
	}
	return out
}

// stmt wraps statements into a policy document with a Version, one
// statement per line from line 2.
func stmt(stmts ...string) string {
	return "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + strings.Join(stmts, ",\n") + "\n]}"
}

func TestChecks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		why  string // the AWS page or Access Analyzer check the case follows
		typ  policy.Type
		doc  string
		want []string
	}{
		{
			name: "clean",
			why:  "a least-privilege statement has no findings",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`),
		},
		{
			name: "missing version",
			why:  "access-analyzer-reference-policy-checks: General Warning – Missing version",
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			want: []string{"MISSING_VERSION 1:1"},
		},
		{
			name: "every action on every resource",
			why:  "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
			doc:  stmt(`{"Effect": "Allow", "Action": "*", "Resource": "*"}`, `{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}`),
			// "*:*" is reported too, although package policy matches a
			// wildcard service prefix literally (the prefix rule is
			// undocumented); the first statement also covers the second.
			want: []string{"ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES 2:31", "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE 2:48",
				"REDUNDANT_STATEMENT 3:1", "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES 3:32", "WILDCARD_IN_SERVICE_NAME 3:32"},
		},
		{
			name: "every action on every resource in an SCP",
			why:  "SCPs grant nothing (reference_policies_evaluation-logic): FullAWSAccess is not a finding",
			typ:  policy.SCP,
			doc:  stmt(`{"Effect": "Allow", "Action": "*", "Resource": "*"}`),
		},
		{
			name: "PassRole on star",
			why:  "access-analyzer-reference-policy-checks: Security Warning – Pass role with star in resource",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}`),
			want: []string{"PASS_ROLE_WITH_STAR_IN_RESOURCE 2:59"},
		},
		{
			name: "PassRole on every role ARN",
			why:  "Pass role with star in resource: a resource with wildcards covering every role",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"}`),
			want: []string{"PASS_ROLE_WITH_STAR_IN_RESOURCE 2:59"},
		},
		{
			name: "PassRole with PassedToService",
			why:  "id_roles_use_passrole: iam:PassedToService limits the service; no finding",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}`),
		},
		{
			name: "PassRole on a named role",
			why:  "id_roles_use_passrole: naming the roles is the recommended fix",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"}`),
		},
		{
			name: "PassRole by iam wildcard",
			why:  "Security Warning – Pass role with star in action and resource",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"}`),
			want: []string{"PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE 2:56"},
		},
		{
			name: "PassRole with NotResource",
			why:  "Security Warning – Pass role with NotResource (and Allow with NotResource)",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"}`),
			want: []string{"ALLOW_WITH_NOT_RESOURCE 2:47", "PASS_ROLE_WITH_NOT_RESOURCE 2:47"},
		},
		{
			name: "NotAction on star",
			why:  "Security Warning – Pass role with star in resource and NotAction; reference_policies_elements_notaction",
			doc:  stmt(`{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}`, `{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}`),
			want: []string{"ALLOW_WITH_NOT_ACTION 2:21", "ALLOW_WITH_NOT_ACTION 3:21", "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION 3:54"},
		},
		{
			name: "Deny with NotAction",
			why:  "reference_policies_elements_notaction: Deny with NotAction is the recommended guard-rail form",
			doc:  stmt(`{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}`),
		},
		{
			name: "NotPrincipal with Allow",
			why:  "access-analyzer-reference-policy-checks: Security Warning – Allow with NotPrincipal",
			typ:  policy.Resource,
			doc:  stmt(`{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`),
			want: []string{"ALLOW_WITH_NOT_PRINCIPAL 2:21"},
		},
		{
			name: "public resource policy",
			why:  "reference_policies_elements_principal#principal-anonymous: \"*\" is everyone, anonymous included",
			typ:  policy.Resource,
			doc:  stmt(`{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`, `{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::c/*"}`),
			want: []string{"PUBLIC_ACCESS_WITHOUT_CONDITION 2:21", "PUBLIC_ACCESS_WITHOUT_CONDITION 3:21"},
		},
		{
			name: "public resource policy with a condition",
			why:  "reference_policies_condition-keys#condition-keys-principalorgid: a condition narrows \"*\"",
			typ:  policy.Resource,
			doc:  stmt(`{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}`),
		},
		{
			name: "privilege escalation",
			why:  "Rhino Security Labs, AWS IAM privilege escalation methods: iam:CreatePolicyVersion and iam:AttachUserPolicy on *",
			doc:  stmt(`{"Effect": "Allow", "Action": ["iam:CreatePolicyVersion", "iam:AttachUserPolicy", "s3:GetObject"], "Resource": "*"}`),
			want: []string{"PRIVILEGE_ESCALATION_ON_STAR 2:32"},
		},
		{
			name: "privilege escalation on named resources",
			why:  "naming the resources is the fix: no finding",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "arn:aws:iam::111122223333:user/app"}`),
		},
		{
			name: "repeated action and covered action",
			why:  "access-analyzer-reference-policy-checks: Suggestion – Redundant action (actions compare case-insensitively)",
			doc:  stmt(`{"Effect": "Allow", "Action": ["s3:GetObject", "s3:getobject", "s3:Get*"], "Resource": "arn:aws:s3:::b/*"}`),
			want: []string{"REDUNDANT_ACTION 2:32", "REDUNDANT_ACTION 2:48"},
		},
		{
			name: "covered resource",
			why:  "Suggestion – Redundant resource; reference_policies_elements_resource: * matches across /",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/x/*"]}`),
			want: []string{"REDUNDANT_RESOURCE 2:80"},
		},
		{
			name: "resources differ in case",
			why:  "reference_policies_elements_resource: resource ARNs are case-sensitive, so these are two resources",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/X", "arn:aws:s3:::b/x"]}`),
		},
		{
			name: "redundant statement",
			why:  "Suggestion – Redundant statement: the first statement already allows everything the second does",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"}`, `{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			want: []string{"REDUNDANT_STATEMENT 3:1"},
		},
		{
			name: "identical statements",
			why:  "Suggestion – Redundant statement: of two identical statements the later is reported",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`, `{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`),
			want: []string{"REDUNDANT_STATEMENT 3:1"},
		},
		{
			name: "conditions differ",
			why:  "reference_policies_elements_condition: a statement with another condition is not redundant",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}`, `{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}`),
		},
		{
			name: "same condition written in another order",
			why:  "reference_policies_elements_condition: the blocks and keys of a condition are ANDed in any order, keys are case-insensitive and a key's values are ORed, so these two conditions are the same",
			doc: stmt(`{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalTag/team": ["a", "b"], "aws:PrincipalTag/env": "prod"}}}`,
				`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:principaltag/env": "prod", "aws:PrincipalTag/team": ["b", "a"]}, "Bool": {"aws:SecureTransport": "true"}}}`),
			want: []string{"REDUNDANT_STATEMENT 3:1"},
		},
		{
			name: "condition with one key more",
			why:  "reference_policies_elements_condition: the keys of a condition are ANDed, so a statement with one more key allows less and the broader one is not redundant",
			doc: stmt(`{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a", "aws:PrincipalTag/env": "prod"}}}`,
				`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a"}}}`),
		},
		{
			name: "conditions differ in a value",
			why:  "reference_policies_elements_condition: the values of a key are ORed, so another value is another condition",
			doc: stmt(`{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}}}`,
				`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "c"]}}}`),
		},
		{
			name: "shadowed allow",
			why:  "reference_policies_evaluation-logic: an explicit deny overrides any allow",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`, `{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}`),
			want: []string{"SHADOWED_STATEMENT 2:1"},
		},
		{
			name: "conditional deny does not shadow",
			why:  "reference_policies_evaluation-logic: a Deny applies only when its condition holds",
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`, `{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}`),
		},
		{
			name: "duplicate Sid",
			why:  "access-analyzer-reference-policy-checks: General Warning – Unique Sids recommended",
			doc:  stmt(`{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}`, `{"Sid": "A", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/k"}`),
			want: []string{"UNIQUE_SIDS_RECOMMENDED 3:9"},
		},
		{
			name: "errors and warnings in one run",
			why:  "Access Analyzer reports every finding at once; the grammar error does not hide the security warning",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}`, `{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}`),
			want: []string{"PASS_ROLE_WITH_STAR_IN_RESOURCE 2:59", "INVALID_EFFECT 3:12"},
		},
		{
			name: "syntax error",
			why:  "access-analyzer-reference-policy-checks: Error – JSON syntax error",
			doc:  "{\"Version\": \"2012-10-17\",\n \"Statement\": [}",
			want: []string{"JSON_SYNTAX_ERROR 2:16"},
		},
		{
			name: "missing elements",
			why:  "access-analyzer-reference-policy-checks: Error – Missing action, Missing effect, Missing resource",
			doc:  stmt(`{"Sid": "x"}`),
			want: []string{"MISSING_ACTION 2:1", "MISSING_EFFECT 2:1", "MISSING_RESOURCE 2:1"},
		},
		{
			name: "missing principal",
			why:  "access-analyzer-reference-policy-checks: Error – Missing principal",
			typ:  policy.Resource,
			doc:  stmt(`{"Effect": "Allow", "Action": "s3:GetObject"}`),
			want: []string{"MISSING_PRINCIPAL 2:1"},
		},
		{
			name: "wildcard in the resource type is not a finding",
			why:  "AWS's own managed policies use arn:aws:iam::*:role/aws-service-role* and AWS evaluates them",
			doc:  stmt(`{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::*:role*"}`),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Empty(t, cmp.Diff(tc.want, got(t, tc.typ, tc.doc)), tc.why)
		})
	}
}

// FuzzCheck checks that Check never panics and that every finding has a
// known code and a 1-based position, whatever the input.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(stmt(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}`)))
	f.Add([]byte(stmt(`{"Effect": "Allow", "Principal": "*", "NotAction": ["s3:Get*", "s3:GetObject"], "Resource": "*"}`, `{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}`)))
	f.Add([]byte(`{"Statement": {"Condition": {"StringEquals": {"aws:username": ["a", 1, true]}}}}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, typ := range []policy.Type{policy.Identity, policy.Resource} {
			for _, fi := range Check(src, policy.Source{Type: typ}) {
				if _, ok := RuleFor(fi.Code); !ok {
					t.Fatalf("unknown code %q", fi.Code)
				}
				if fi.Pos.Line < 1 || fi.Pos.Column < 1 {
					t.Fatalf("position %v of %s", fi.Pos, fi.Code)
				}
			}
		}
	})
}
