package sts

// The five AWS managed task policies that scope an sts:AssumeRoot session
// (TaskPolicyArn; IAM User Guide,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html,
// and STS API Reference, AssumeRoot). Only these five are accepted.
//
// Source: the AWS managed policies snapshot of the iam-dataset project
// (MIT licence) as of 2026-08-22; each policy is its version v1 as AWS
// published it (dates below), with its statements as AWS stores them.
// Package sts embeds only these five; keep them in step with AWS.

// taskPolicy is one AWS managed task policy.
type taskPolicy struct {
	name, updated, document string
}

// taskPolicies lists the task policies by name, sorted.
var taskPolicies = []taskPolicy{
	{name: "IAMAuditRootUserCredentials", updated: "2024-11-06", document: `{"Statement":[{"Effect":"Deny","NotAction":["iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetAccountSummary","iam:GetUser","iam:GetAccessKeyLastUsed"],"Resource":"*","Sid":"DenyAllOtherActionsOnAnyResource"},{"Action":["iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetUser","iam:GetAccessKeyLastUsed"],"Effect":"Deny","NotResource":"arn:aws:iam::*:root","Sid":"DenyAuditingCredentialsOnNonRootUserResource"}],"Version":"2012-10-17"}`},
	{name: "IAMCreateRootUserPassword", updated: "2024-11-06", document: `{"Statement":[{"Effect":"Deny","NotAction":["iam:CreateLoginProfile","iam:GetLoginProfile"],"Resource":"*","Sid":"DenyAllOtherActionsOnAnyResource"},{"Action":["iam:CreateLoginProfile","iam:GetLoginProfile"],"Effect":"Deny","NotResource":"arn:aws:iam::*:root","Sid":"DenyCreatingPasswordOnNonRootUserResource"}],"Version":"2012-10-17"}`},
	{name: "IAMDeleteRootUserCredentials", updated: "2024-11-06", document: `{"Statement":[{"Effect":"Deny","NotAction":["iam:DeleteAccessKey","iam:DeleteSigningCertificate","iam:DeleteLoginProfile","iam:DeactivateMFADevice","iam:DeleteVirtualMFADevice","iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetUser","iam:GetAccessKeyLastUsed"],"Resource":"*","Sid":"DenyAllOtherActionsOnAnyResource"},{"Action":["iam:DeleteAccessKey","iam:DeleteSigningCertificate","iam:DeleteLoginProfile","iam:DeactivateMFADevice","iam:DeleteVirtualMFADevice","iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetUser","iam:GetAccessKeyLastUsed"],"Effect":"Deny","NotResource":"arn:aws:iam::*:root","Sid":"DenyDeletingRootUserCredentialsOnNonRootUserResource"}],"Version":"2012-10-17"}`},
	{name: "S3UnlockBucketPolicy", updated: "2024-11-06", document: `{"Statement":[{"Effect":"Deny","NotAction":["s3:DeleteBucketPolicy","s3:PutBucketPolicy","s3:GetBucketPolicy","s3:ListAllMyBuckets"],"Resource":"*","Sid":"DenyAllOtherActionsOnAnyResource"},{"Action":["s3:DeleteBucketPolicy","s3:PutBucketPolicy","s3:GetBucketPolicy","s3:ListAllMyBuckets"],"Condition":{"StringNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}},"Effect":"Deny","Resource":"*","Sid":"DenyManagingBucketPolicyForNonRootCallers"}],"Version":"2012-10-17"}`},
	{name: "SQSUnlockQueuePolicy", updated: "2024-11-06", document: `{"Statement":[{"Effect":"Deny","NotAction":["sqs:SetQueueAttributes","sqs:GetQueueAttributes","sqs:ListQueues","sqs:GetQueueUrl"],"Resource":"*","Sid":"DenyAllOtherActionsOnAnyResource"},{"Action":["sqs:GetQueueAttributes"],"Condition":{"StringNotEqualsIfExists":{"aws:ResourceAccount":["${aws:PrincipalAccount}"]}},"Effect":"Deny","Resource":"arn:aws:sqs:*:*:*","Sid":"DenyGettingQueueAttributesOnNonOwnQueue"},{"Action":["sqs:SetQueueAttributes","sqs:GetQueueAttributes","sqs:ListQueues","sqs:GetQueueUrl"],"Condition":{"StringNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}},"Effect":"Deny","Resource":"*","Sid":"DenyActionsForNonRootUser"}],"Version":"2012-10-17"}`},
}
