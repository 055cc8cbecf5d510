package policy

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// lines joins its arguments with newlines, so that test documents show
// their line numbers.
func lines(ls ...string) string { return strings.Join(ls, "\n") }

// TestParseErrors pins the exact text, position and kind of every
// validation error.
func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		typ  Type
		src  string
		want []string // diag.ErrorList lines, file "p.json"
		kind error    // every error wraps one of the kinds; this one must be among them
		why  string
	}{
		{
			name: "invalid JSON",
			src: lines(`{"Version": "2012-10-17",`,
				`  "Statement": [{"Effect": "Allow",}]}`),
			want: []string{`p.json:2:36: invalid JSON: invalid character '}' looking for beginning of object key string`},
			kind: ErrSyntax,
			why:  "a syntax error is reported at the offending character",
		},
		{
			name: "truncated JSON",
			src:  `{"Version": "2012-10-17"`,
			want: []string{`p.json:1:25: invalid JSON: unexpected end of JSON input`},
			kind: ErrSyntax,
			why:  "end of input is reported just past the last character",
		},
		{
			name: "top level not an object",
			src:  `  ["Statement"]`,
			want: []string{`p.json:1:3: expected a policy object, found array`},
			kind: ErrType,
			why:  "reference_policies_grammar.md: a policy is a JSON object",
		},
		{
			name: "mis-cased Effect value",
			src: lines(`{"Version": "2012-10-17", "Statement": {`,
				`  "Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}}`),
			want: []string{`p.json:2:13: Statement.Effect: expected "Allow" or "Deny", found "allow"`},
			kind: ErrValue,
			why:  "reference_policies_elements_effect.md: Effect is exactly Allow or Deny, case-sensitive",
		},
		{
			name: "Effect of the wrong type",
			src:  `{"Statement": [{"Effect": true, "Action": "s3:GetObject", "Resource": "*"}]}`,
			want: []string{`p.json:1:27: Statement[0].Effect: expected "Allow" or "Deny", found boolean`},
			kind: ErrType,
			why:  "reference_policies_elements_effect.md",
		},
		{
			name: "missing Effect, Action and Resource",
			src:  lines(`{"Statement": [`, `  {"Sid": "A"}]}`),
			want: []string{
				`p.json:2:3: Statement[0]: missing "Action" or "NotAction"`,
				`p.json:2:3: Statement[0]: missing "Effect": expected "Allow" or "Deny"`,
				`p.json:2:3: Statement[0]: missing "Resource" or "NotResource"`,
			},
			kind: ErrMissing,
			why:  "reference_policies_grammar.md, access_policies.md: Effect, Action|NotAction and, outside resource-based policies, Resource|NotResource are required",
		},
		{
			name: "mis-cased element names",
			src: lines(`{"version": "2012-10-17", "Statement": [`,
				`  {"effect": "Allow", "action": "s3:*", "Resource": "*"}]}`),
			want: []string{
				`p.json:1:2: version: expected "Version", found "version": element names are case-sensitive`,
				`p.json:2:4: Statement[0].effect: expected "Effect", found "effect": element names are case-sensitive`,
				`p.json:2:23: Statement[0].action: expected "Action", found "action": element names are case-sensitive`,
			},
			kind: ErrUnknownElement,
			why:  "reference_policies_grammar.md: names are the grammar's literal strings; a mis-cased element is not also reported missing",
		},
		{
			name: "unknown elements",
			src:  `{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Comment": "x"}, "Tags": {}}`,
			want: []string{
				`p.json:1:66: Statement.Comment: unknown element "Comment": expected one of "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"`,
				`p.json:1:83: Tags: unknown element "Tags": expected one of "Version", "Id", "Statement"`,
			},
			kind: ErrUnknownElement,
			why:  "reference_policies_grammar.md: other members make the policy invalid",
		},
		{
			name: "duplicate key in a statement",
			src: lines(`{`,
				`  "Version": "2012-10-17",`,
				`  "Statement": [{`,
				`    "Effect": "Allow",`,
				`    "Action": "s3:GetObject",`,
				`    "Effect": "Deny",`,
				`    "Resource": "*"`,
				`  }]`,
				`}`),
			want: []string{`p.json:6:5: Statement[0].Effect: duplicate key "Effect" (first at 4:5): JSON policies must not repeat a key`},
			kind: ErrDuplicateKey,
			why:  "reference_policies_grammar.md: a repeated key is forbidden, reported with line and column",
		},
		{
			name: "duplicate keys at every level",
			src: lines(`{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",`,
				`  "Condition": {"StringEquals": {"aws:username": "a", "aws:username": "b"},`,
				`                "StringEquals": {}}},`,
				` "Statement": []}`),
			want: []string{
				`p.json:2:55: Statement.Condition.StringEquals."aws:username": duplicate key "aws:username" (first at 2:34): JSON policies must not repeat a key`,
				`p.json:3:17: Statement.Condition.StringEquals: duplicate key "StringEquals" (first at 2:17): JSON policies must not repeat a key`,
				`p.json:4:2: Statement: duplicate key "Statement" (first at 1:2): JSON policies must not repeat a key`,
			},
			kind: ErrDuplicateKey,
			why:  "reference_policies_grammar.md: policy, statement, Condition and operator blocks",
		},
		{
			name: "Action with NotAction, Resource with NotResource, Principal with NotPrincipal",
			typ:  Resource,
			src: lines(`{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Principal": "*",`,
				`  "NotAction": "s3:Get*", "Action": "s3:*", "NotResource": "*", "Resource": "*"}}`),
			want: []string{
				`p.json:1:75: Statement.Principal: "Principal" and "NotPrincipal" cannot both be present in a statement`,
				`p.json:2:27: Statement.Action: "Action" and "NotAction" cannot both be present in a statement`,
				`p.json:2:65: Statement.Resource: "Resource" and "NotResource" cannot both be present in a statement`,
			},
			kind: ErrConflict,
			why:  "reference_policies_grammar.md: exactly one of each pair; reported at the second",
		},
		{
			name: "unsupported Version and empty Statement list",
			src:  `{"Version": "2012-10-18", "Statement": []}`,
			want: []string{
				`p.json:1:13: Version: expected "2012-10-17" or "2008-10-17", found "2012-10-18"`,
				`p.json:1:40: Statement: expected a statement object or a non-empty array of statements, found an empty array`,
			},
			kind: ErrVersion,
			why:  "reference_policies_elements_version.md, reference_policies_grammar.md",
		},
		{
			name: "Version of the wrong type, missing Statement",
			src:  `{"Version": 2012}`,
			want: []string{
				`p.json:1:1: missing "Statement": expected a statement object or an array of statements`,
				`p.json:1:13: Version: expected "2012-10-17" or "2008-10-17", found number`,
			},
			kind: ErrType,
			why:  "reference_policies_grammar.md, reference_policies_elements_version.md",
		},
		{
			name: "statement of the wrong type",
			src:  `{"Statement": ["Allow"]}`,
			want: []string{`p.json:1:16: Statement[0]: expected a statement object, found string`},
			kind: ErrType,
			why:  "reference_policies_grammar.md",
		},
		{
			name: "empty strings and lists, wrong entry types",
			src: lines(`{"Statement": [{"Effect": "Allow",`,
				`  "Action": [],`,
				`  "Resource": ["", 3, {}]}]}`),
			want: []string{
				`p.json:2:13: Statement[0].Action: expected a string or a non-empty array of strings, found an empty array`,
				`p.json:3:16: Statement[0].Resource[0]: expected a non-empty string, found ""`,
				`p.json:3:20: Statement[0].Resource[1]: expected a string, found number`,
				`p.json:3:23: Statement[0].Resource[2]: expected a string, found an empty object`,
			},
			kind: ErrType,
			why:  "reference_policies_grammar.md: a string or array of strings",
		},
		{
			name: "malformed action and resource",
			src:  `{"Statement": [{"Effect": "Allow", "Action": ["GetObject", "s3:"], "Resource": "bucket/*"}]}`,
			want: []string{
				`p.json:1:47: Statement[0].Action[0]: expected "*" or "service:action", found "GetObject"`,
				`p.json:1:60: Statement[0].Action[1]: expected "*" or "service:action", found "s3:"`,
				`p.json:1:80: Statement[0].Resource: expected "*" or an ARN (arn:partition:service:region:account:resource), found "bucket/*"`,
			},
			kind: ErrValue,
			why:  "reference_policies_elements_action.md, reference_policies_elements_resource.md: prefix:name or \"*\"; an ARN or \"*\"",
		},
		{
			name: "condition shape and operators",
			src: lines(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",`,
				`  "Condition": {`,
				`    "StringEqual": {"aws:username": "a"},`,
				`    "StringLike": {"s3:prefix": []},`,
				`    "Bool": {"aws:SecureTransport": null},`,
				`    "Null": "aws:TokenIssueTime",`,
				`    "StringEquals": {"": "x"},`,
				`    "ForAnyValue:NullIfExists": {"aws:TagKeys": "true"}}}]}`),
			want: []string{
				`p.json:3:5: Statement[0].Condition.StringEqual: unknown condition operator "StringEqual": expected [ForAllValues:|ForAnyValue:]Operator[IfExists] with an operator such as StringEquals or DateLessThan`,
				`p.json:4:33: Statement[0].Condition.StringLike."s3:prefix": expected a string, number or boolean, or a non-empty array of them, found an empty array`,
				`p.json:5:37: Statement[0].Condition.Bool."aws:SecureTransport": expected a string, number or boolean, found null`,
				`p.json:6:13: Statement[0].Condition.Null: expected an object of condition keys, found string`,
				`p.json:7:22: Statement[0].Condition.StringEquals."": expected a condition key name, found ""`,
				`p.json:8:5: Statement[0].Condition."ForAnyValue:NullIfExists": unknown condition operator "ForAnyValue:NullIfExists": IfExists is not allowed on Null`,
			},
			kind: ErrUnknownOperator,
			why:  "reference_policies_elements_condition.md; reference_policies_grammar.md",
		},
		{
			name: "malformed condition values point at the value",
			src: lines(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",`,
				`  "Condition": {"NumericLessThan": {"s3:max-keys": ["10", "ten"]},`,
				`                "IpAddress": {"aws:SourceIp": "10.0.0.300"}}}]}`),
			want: []string{
				`p.json:2:59: Statement[0].Condition.NumericLessThan."s3:max-keys"[1]: "ten" is not a number (integer or decimal)`,
				`p.json:3:47: Statement[0].Condition.IpAddress."aws:SourceIp": "10.0.0.300" is not an IP address or CIDR block`,
			},
			kind: ErrValue,
			why:  "reference_policies_elements_condition_operators.md: an unparsable policy value makes the policy invalid",
		},
		{
			name: "resource policy without Principal",
			typ:  Resource,
			src:  `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}`,
			want: []string{`p.json:1:16: Statement[0]: missing "Principal": resource-based policies must name the principals they apply to`},
			kind: ErrMissing,
			why:  "access_policies.md: Principal required in resource-based policies; Resource optional there",
		},
		{
			name: "principal entries that cannot name a principal",
			typ:  Resource,
			src: lines(`{"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Principal": {"AWS": [`,
				`"arn:aws:iam::111111111111:group/Admins",`,
				`"arn:aws:s3:::bucket",`,
				`"arn:aws:iam::1111:root",`,
				`"ALICE"]}}]}`),
			want: []string{
				`p.json:2:1: Statement[0].Principal.AWS[0]: a user group cannot be a principal; name its users, found "arn:aws:iam::111111111111:group/Admins"`,
				`p.json:3:1: Statement[0].Principal.AWS[1]: expected an IAM or STS principal ARN (arn:aws:iam::ACCOUNT:user/NAME, role/NAME, root; arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, federated-user/NAME), found "arn:aws:s3:::bucket"`,
				`p.json:4:1: Statement[0].Principal.AWS[2]: expected a 12-digit account ID in the principal ARN, found "arn:aws:iam::1111:root"`,
				`p.json:5:1: Statement[0].Principal.AWS[3]: expected "*", a 12-digit account ID, an IAM or STS ARN or a unique ID (AIDA..., AROA...), found "ALICE"`,
			},
			kind: ErrValue,
			why:  "reference_policies_elements_principal.md: groups, non-IAM ARNs and malformed accounts are rejected when the policy is saved; a Deny aimed at them must not be silently void",
		},
		{
			name: "Principal in an identity policy",
			src:  `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}`,
			want: []string{`p.json:1:36: Statement[0].Principal: "Principal" is not allowed in identity-based policies`},
			kind: ErrNotAllowed,
			why:  "access_policies.md: Principal must be absent in identity policies",
		},
		{
			name: "NotPrincipal in an SCP",
			typ:  SCP,
			src:  `{"Statement": [{"Effect": "Deny", "NotPrincipal": "*", "Action": "s3:GetObject", "Resource": "*"}]}`,
			want: []string{`p.json:1:35: Statement[0].NotPrincipal: "NotPrincipal" is not allowed in SCPs`},
			kind: ErrNotAllowed,
			why:  "access_policies.md: no principals in SCPs",
		},
		{
			name: "principal element shapes",
			typ:  Resource,
			src: lines(`{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",`,
				`  "Principal": {"AWS": ["bob", "arn:aws:iam::111122223333"], "aws": "x", "Service": []}},`,
				` {"Effect": "Allow", "Action": "s3:GetObject", "Principal": "me"},`,
				` {"Effect": "Allow", "Action": "s3:GetObject", "Principal": {}}]}`),
			want: []string{
				`p.json:2:25: Statement[0].Principal.AWS[0]: expected "*", a 12-digit account ID, an IAM or STS ARN or a unique ID (AIDA..., AROA...), found "bob"`,
				`p.json:2:32: Statement[0].Principal.AWS[1]: expected an ARN with six parts (arn:partition:service:region:account:resource), found "arn:aws:iam::111122223333"`,
				`p.json:2:62: Statement[0].Principal.aws: expected "AWS", found "aws": element names are case-sensitive`,
				`p.json:2:85: Statement[0].Principal.Service: expected a string or a non-empty array of strings, found an empty array`,
				`p.json:3:61: Statement[1].Principal: expected "*" or an object with "AWS", "Federated", "Service" or "CanonicalUser", found "me"`,
				`p.json:4:61: Statement[2].Principal: expected "*" or an object with "AWS", "Federated", "Service" or "CanonicalUser", found an empty object`,
			},
			kind: ErrValue,
			why:  "reference_policies_grammar.md, reference_policies_elements_principal.md",
		},
		{
			name: "RCP rules",
			typ:  RCP,
			src: lines(`{"Statement": [`,
				`  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "NotAction": "s3:*", "Resource": "*"},`,
				`  {"Effect": "Deny", "NotPrincipal": "*", "Action": "*", "Resource": "*"}]}`),
			want: []string{
				`p.json:1:1: missing "Version": RCPs require "2012-10-17"`,
				`p.json:2:14: Statement[0].Effect: expected "Deny": "Allow" is only supported in RCPFullAWSAccess (Principal "*", Action "*", Resource "*", no Condition)`,
				`p.json:2:36: Statement[0].Principal: expected "*": RCPs apply to every principal; use conditions to narrow them`,
				`p.json:2:61: Statement[0].NotAction: "NotAction" is not allowed in RCPs`,
				`p.json:3:22: Statement[1].NotPrincipal: "NotPrincipal" is not allowed in RCPs`,
				`p.json:3:53: Statement[1].Action: expected specific actions, found "*": a custom RCP cannot deny every action`,
			},
			kind: ErrNotAllowed,
			why:  "access_policies.md (RCP row); orgs_manage_policies_rcps_syntax.md",
		},
		{
			name: "RCP with version 2008-10-17",
			typ:  RCP,
			src:  `{"Version": "2008-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "*"}}`,
			want: []string{`p.json:1:13: Version: expected "2012-10-17", found "2008-10-17": RCPs require "2012-10-17"`},
			kind: ErrNotAllowed,
			why:  "orgs_manage_policies_rcps_syntax.md: every RCP must include Version 2012-10-17",
		},
		{
			name: "RCPFullAWSAccess with a condition is custom",
			typ:  RCP,
			src: `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*",` +
				` "Condition": {"Bool": {"aws:SecureTransport": "true"}}}}`,
			want: []string{`p.json:1:51: Statement.Effect: expected "Deny": "Allow" is only supported in RCPFullAWSAccess (Principal "*", Action "*", Resource "*", no Condition)`},
			kind: ErrNotAllowed,
			why:  "access_policies.md: custom RCPs are Deny only",
		},
		{
			name: "Id of the wrong type",
			typ:  Resource,
			src:  `{"Id": ["x"], "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}}`,
			want: []string{`p.json:1:8: Id: expected a string, found array`},
			kind: ErrType,
			why:  "reference_policies_elements_id.md: Id is a string",
		},
		{
			name: "Sid and Condition of the wrong type",
			src:  `{"Statement": {"Sid": 1, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": []}}`,
			want: []string{
				`p.json:1:23: Statement.Sid: expected a string, found number`,
				`p.json:1:101: Statement.Condition: expected an object of condition operators, found an empty array`,
			},
			kind: ErrType,
			why:  "reference_policies_grammar.md, reference_policies_elements_condition.md",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.src), Source{File: "p.json", Type: tc.typ})
			require.Error(t, err, tc.why)
			assert.Nil(t, p, "an invalid policy is never returned")
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error(), tc.why)
			assert.ErrorIs(t, err, tc.kind, tc.why)
			var list diag.ErrorList
			require.True(t, errors.As(err, &list))
			for _, e := range list {
				assert.True(t, e.Pos.Offset >= 0 && e.Pos.Offset <= len(tc.src), "offset %d inside the input", e.Pos.Offset)
			}
		})
	}
}
