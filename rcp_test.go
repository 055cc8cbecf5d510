package iameval

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// TestRCPServicesSorted keeps the table sorted, as generated, and free of
// repeats, and rcpSupported true exactly for its services.
func TestRCPServicesSorted(t *testing.T) {
	t.Parallel()
	assert.True(t, slices.IsSorted(rcpServices), "rcpServices must stay sorted")
	assert.Equal(t, len(rcpServices), len(slices.Compact(slices.Clone(rcpServices))), "rcpServices must not repeat a prefix")
	for _, s := range rcpServices {
		assert.True(t, rcpSupported(s), s)
	}
	assert.False(t, rcpSupported("notaservice"), "a service off the list")
	assert.False(t, rcpSupported(""), "no service")
}

// TestRCPGoverns pins which requests an RCP Deny reaches
// (orgs_manage_policies_rcps.md; KMS resource-control-policies.md and
// grant-delete.md).
func TestRCPGoverns(t *testing.T) {
	t.Parallel()
	kmsKey := "arn:aws:kms:us-east-1:" + acctA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
	tests := []struct {
		name     string
		who      principal.Principal
		action   string
		resource string
		rcpDeny  string // the action the RCP denies
		want     Decision
		skipWhy  string // substring of the Skipped reason when RCPs are not applied
		why      string
	}{
		{"dynamodb is governed", alice, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:" + acctA + ":table/T", "dynamodb:*", ExplicitDeny, "",
			"DynamoDB is on AWS's list of services that support RCPs"},
		{"cognito-identity is governed", alice, "cognito-identity:GetId", "arn:aws:cognito-identity:us-east-1:" + acctA + ":identitypool/us-east-1:x", "cognito-identity:*", ExplicitDeny, "",
			"Cognito Identity is on the list"},
		{"ecr-public is governed", alice, "ecr-public:DescribeImages", "arn:aws:ecr-public::" + acctA + ":repository/r", "ecr-public:*", ExplicitDeny, "",
			"ECR Public is on the list"},
		{"s3 is governed", alice, "s3:GetObject", "arn:aws:s3:::b/k", "s3:*", ExplicitDeny, "", "S3 launched with RCPs"},
		{"ec2 is not", alice, "ec2:DescribeInstances", "*", "ec2:*", Allowed, "not on AWS's list",
			"EC2 is not on the list: the RCP is not applied"},
		{"kms:RetireGrant is exempt", alice, "kms:RetireGrant", kmsKey, "kms:*", Allowed, "kms:RetireGrant",
			"grant-delete.md: kms:RetireGrant is not effective in an RCP, even with Action *"},
		{"other kms actions are governed", alice, "kms:RevokeGrant", kmsKey, "kms:*", ExplicitDeny, "", "customer managed key"},
		{"AWS managed key is exempt", alice, "kms:Decrypt", "arn:aws:kms:us-east-1:" + acctA + ":alias/aws/s3", "kms:*", Allowed, "AWS managed KMS keys",
			"KMS resource-control-policies.md: RCPs do not apply to AWS managed keys"},
		{"service-linked role is exempt", slr, "s3:GetObject", "arn:aws:s3:::b/k", "s3:*", Allowed, "service-linked roles",
			"orgs_manage_policies_rcps.md: RCPs do not restrict service-linked roles"},
		{"service assuming its service-linked role", lambdaSvc, "sts:AssumeRole", "arn:aws:iam::" + acctA + ":role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda", "sts:*", Allowed, "assume a service-linked role",
			"orgs_manage_policies_rcps.md: RCPs do not affect a service's ability to assume a service-linked role"},
		{"service assuming an ordinary role is governed", lambdaSvc, "sts:AssumeRole", "arn:aws:iam::" + acctA + ":role/Ordinary", "sts:*", ExplicitDeny, "",
			"RCPs apply to every caller, service principals included"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := docs{
				identity: []string{allow("*", "*")},
				resource: rallow(`"*"`, "*", ""),
				rcp:      [][]string{{rcpFullAccess, stmt(`"Effect":"Deny","Principal":"*","Action":"` + tc.rcpDeny + `","Resource":"*"`)}},
			}
			r, err := NewRequest(RequestInput{Principal: tc.who, Action: tc.action, Resource: tc.resource, ResourceAccount: acctA, Time: fixedTime})
			require.NoError(t, err)
			ps := d.build(t)
			x := Explain(ps, r)
			assert.Equal(t, tc.want, x.Decision, tc.why)
			assert.Equal(t, x.Decision, Evaluate(ps, r), "Evaluate and Explain agree")
			var reason string
			for _, s := range x.Skipped {
				if s.Type == policy.RCP {
					reason = s.Reason
				}
			}
			if tc.skipWhy == "" {
				assert.Empty(t, reason, tc.why)
			} else {
				assert.Contains(t, reason, tc.skipWhy, tc.why)
			}
		})
	}
}
