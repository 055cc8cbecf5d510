// Package iameval evaluates AWS IAM policies as AWS does: given the
// policies that bear on a request and the request itself, it answers
// "allowed", "explicitDeny" or "implicitDeny" (the vocabulary of the AWS
// policy simulator) and, on demand, why.
//
// Build a [PolicySet] from policies parsed with package policy, a
// [Request] with [NewRequest] (a principal from package principal, an
// action, a resource ARN and the caller's context keys), then call
// [Evaluate] for the decision or [Explain] for the decision with its
// [Explanation]. Both run one evaluator; Explain only switches on a
// collector, so the two never disagree. Policy sets and requests are
// immutable once built and may be shared by any number of goroutines.
// A caller that authorizes in a loop (a proxy, an emulator) builds its
// requests with a [RequestBuilder] instead, from plain strings, in memory
// the builder reuses: such a request is valid until the builder's next
// Reset.
//
// The package is the only one that knows the decision algorithm
// (from the IAM User Guide pages on policy evaluation logic,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html, the
// Organizations SCP and RCP pages and the KMS key-policy page):
//
//   - Outcomes fixed by the credentials: sts:GetCallerIdentity is always
//     allowed for a signed caller, sts:GetSessionToken for IAM users and
//     root; role sessions cannot call GetFederationToken or GetSessionToken,
//     federated users cannot call IAM or STS (except GetCallerIdentity),
//     GetSessionToken credentials cannot call IAM without MFA nor STS other
//     than AssumeRole, the root user cannot call AssumeRole.
//   - Policy selection: SCPs for signed callers that are not
//     service-linked roles (a PolicySet with SCP levels means a governed
//     member account); RCPs for the services on the RCP table, not for
//     service-linked roles or AWS managed KMS keys.
//   - An applicable Deny in any consulted policy denies.
//   - Gates: every RCP level (RCPFullAWSAccess is always attached, so
//     RCPs only deny), every SCP level and every VPC endpoint policy must
//     allow.
//   - Grants: identity, boundary and session policies combined with
//     the resource policy according to who it names (the caller directly,
//     its role or federating user, or its account), the same-account or
//     cross-account rule, and the per-service "resource policy required"
//     table (KMS key policies, role trust policies).
//   - Anything else is an implicit deny; a failed gate names the policy
//     type that blocked.
//
// # Fidelity
//
// Implemented as the AWS pages above settle it: a missing SCP allow is implicitDeny
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); a federated user without session policy has no identity-side
// permissions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); several session policies are unioned (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); a Deny with
// NotPrincipal exempts a caller only when every one of its identities is
// listed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html), and an Allow with NotPrincipal does not apply to a caller
// when any one of them is (see below); a
// same-account grant to a role-session ARN is not limited by the session
// policy (as AWS documents, unlike cloud-copilot/iam-simulate).
//
// Choices where AWS documentation is silent:
//
//   - An unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML call (and
//     the sts:TagSession / sts:SetSourceIdentity it authorizes on its own
//     role) is decided by the trust policy alone; the token holder can be
//     named only by its identity provider (Federated) or "*", never by the
//     role or session ARN or the account. Any other principal making these
//     calls is refused (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
//   - GetSessionToken restrictions apply to every IAM user or root user on
//     temporary credentials, since the principal facts do not distinguish
//     GetSessionToken from console credentials.
//   - An AWS managed KMS key is recognised only by an alias/aws/ resource.
//   - An SCP or RCP level without any policy is invalid input (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
//   - Anonymous callers reach only requests AWS serves unsigned (S3, SNS,
//     SQS, API Gateway invocations, Lambda function URLs, OpenSearch Service
//     domain HTTP requests es:ESHttp*, MediaStore object reads; the table
//     in anonymous.go cites each page) and make no STS call, so a Principal "*" trust or key policy does not let them in.
//     sts:AssumeRole and the AssumeRoleWith* calls need a role ARN as
//     their resource.
//   - A policy variable in the partition, region or account of a Resource
//     ARN (arn:*:kms:*:${aws:PrincipalAccount}:key/*) is substituted. The
//     IAM User Guide allows variables only after the fifth colon
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html),
//     but AWS's managed policy AmazonTimestreamInfluxDBServiceRolePolicy
//     (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonTimestreamInfluxDBServiceRolePolicy.html)
//     and the Amazon Q Business guide
//     (https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/iam-roles.html)
//     rely on it; plain text would make such a Deny never fire. The
//     validation warning says so.
//   - Fail closed where the request leaves a condition unknown: a key AWS
//     sets on every request (aws:SecureTransport, aws:SourceIp unless the
//     request came through a VPC endpoint, aws:RequestedRegion,
//     aws:UserAgent; always_keys.go cites each page) that the input neither
//     gives nor declares absent, a plain operator on a multivalued value,
//     and ForAnyValue:...IfExists on an absent key make the clause unknown:
//     an Allow statement does not apply, a Deny statement does, and
//     Explanation.Unknown names the clause and the key to supply.
//     aws:RequestedRegion defaults to the resource ARN's region, and to
//     us-east-1 for IAM
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion).
//     RequestInput.UnsuppliedAbsent takes such keys as absent instead, as
//     the AWS policy simulator does (package simulate uses it).
//   - Role chaining: a role session's transitive tag overrides the role's
//     tag of the same key in the new session's principal tags, as AWS
//     documents
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining).
//     The override holds while the target role's trust policy decides
//     the call: the role's aws:ResourceTag/K and iam:ResourceTag/K given in
//     the context take the transitive tag's value.
//   - S3 Block Public Access (RequestInput.S3BlockPublicAccess): with
//     RestrictPublicBuckets on at any level, a bucket policy that is public
//     by S3's definition (policy.Policy.PublicStatement) grants nothing to
//     callers outside the bucket owner's account other than AWS service
//     principals
//     (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
//     ACL settings and BlockPublicPolicy do not change decisions: ACLs are
//     not modelled and the request does not carry a new policy.
//   - aws:TokenIssueTime is present for every principal on temporary
//     credentials; when its facts do not give the issue time, the request
//     time stands for it.
//   - A resource ARN whose account field is not an account ID (AWS-owned
//     resources such as arn:aws:iam::aws:policy/...) belongs to no account
//     and falls back to the principal's, so the request is not
//     cross-account.
//   - A token or assertion presented for a role other than the one its
//     principal describes is evaluated with that role's facts
//     (principal.Federated.ForRole).
//
// # Rules AWS enforces beyond the policy text
//
// Each rule names its AWS source; the explanation of a request it decides
// names the rule.
//
//   - NotPrincipal with Allow grants "all principals except the one(s)
//     specified" and is no longer supported by AWS
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
//     Fail closed in both directions: a Deny with NotPrincipal exempts a
//     caller only when every one of its identities is listed; an Allow with
//     NotPrincipal does not apply when any one of them (session ARN, role
//     ARN, user ARN, federated-user ARN or the IAM user behind it, account)
//     is listed. The policy validator still warns about Allow with
//     NotPrincipal.
//   - Resource control policies govern only the services on AWS's list
//     (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html),
//     held in one table with its source and date (rcp_services.go). They do
//     not apply to AWS managed KMS keys, to the kms:RetireGrant permission
//     (https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html),
//     to service-linked roles, nor to an AWS service assuming its
//     service-linked role. When RCPs are not applied, [Explanation].Skipped
//     says why.
//   - Some requests AWS refuses whatever the policies say, even to an
//     administrator allowed "*": changes to AWS managed policies
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies);
//     edits of service-linked roles, their deletion other than through
//     iam:DeleteServiceLinkedRole, and attaching a service-linked role's
//     policy to another entity
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html);
//     changes to roles under /aws-reserved/ (IAM Identity Center,
//     https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html);
//     creating, updating or deleting KMS aliases under alias/aws/
//     (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html).
//     The decision is implicitDeny and [Explanation].Reason names the rule
//     and its page; protections.go holds the one table of refused actions.
//     Passing a service-linked role (iam:PassRole) is left to the policies:
//     AWS documents that it needs the permission
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
//     The IAM policy simulator does not model these refusals;
//     [RequestInput].IgnoreProtections (iameval simulate --mirror-simulator)
//     decides from the policies alone, as it does.
//   - sts:AssumeRoot on a member account's root user
//     (arn:PARTITION:iam::MEMBER:root) is decided by the caller's identity
//     side and SCPs (and the member's RCPs): the member account has no
//     resource policy to consult. Root credentials can never call it, and
//     only IAM users and role sessions can. That the caller's account is
//     the management or delegated administrator account is an organization
//     fact requests do not carry; sts.AssumeRoot checks it. The root session
//     it creates (a principal.Root with AssumedRoot) is limited by its task
//     policy, given as its session policy: AWS's five task policies deny
//     only, so their Deny statements limit it, and a session policy with an
//     Allow statement must also allow; a root session without a task policy
//     is refused
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
//   - A service-linked role is exempt from SCPs and RCPs. A role session is
//     service-linked when its role ARN has the /aws-service-role/ path, or,
//     when the session is given by its session ARN alone (which has no
//     path), when the role's name begins with AWSServiceRoleFor, the prefix
//     of every service-linked role
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
//     To describe a customer role that happens to carry that prefix, give
//     the session as an AssumedRole with its role ARN.
//
// Known differences from AWS: the engine evaluates one action on one
// resource; an STS call that AWS authorizes as several actions
// (AssumeRole with TagSession and SetSourceIdentity) is several requests.
// Conditions a service adds on its own (EC2 tag-on-create checks, S3 ACLs,
// KMS grants) are not modelled.
//
// In the import graph the package sits above policy, principal, condition
// and variables and below sts, scenario and the command.
package iameval
