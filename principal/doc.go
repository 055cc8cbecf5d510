// Package principal models who is asking: the caller of an AWS request, and
// the facts about it that IAM policy evaluation reads.
//
// Each kind of caller has its own concrete type behind the sealed
// [Principal] interface: [Root], [IAMUser], [FederatedUser] (a
// GetFederationToken session), [AssumedRole] (an AssumeRole session),
// [WebIdentity] (an AssumeRoleWithWebIdentity session), [SAML] (an
// AssumeRoleWithSAML session), [Service] (an AWS service principal) and
// [Anonymous]. [Parse] reads the string form of a principal used by scenario
// files (an ARN, a service name, "*" or "anonymous"); the constructors
// ([NewRoot], [NewIAMUser], [NewFederatedUser], [NewAssumedRole],
// [NewWebIdentity], [NewSAML], [NewService], [NewAnonymous]) take every fact
// the string form cannot carry: unique IDs, role paths, tags, token claims,
// SAML attributes and credential facts (temporary credentials, MFA, token
// issue time).
//
// A constructor validates its input and computes, once, the two things the
// engine needs:
//
//   - [Identity]: the ARNs and unique IDs a Principal or NotPrincipal element
//     can name the caller by, split into the caller itself (Direct) and the
//     role or IAM user behind a session (Indirect), plus the account, the
//     service name and the identity provider.
//   - the request-context keys AWS derives from the caller (aws:PrincipalArn,
//     aws:userid, aws:PrincipalTag/K, aws:FederatedProvider, provider keys
//     such as accounts.google.com:sub, saml:sub, aws:TokenIssueTime, ...), as
//     an immutable condition.Context. Which key exists for which kind follows
//     the presence matrix of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html and the
//     principal table of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html (IAM User Guide:
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
//
// [WebIdentity] and [SAML] values also describe the unsigned
// AssumeRoleWithWebIdentity or AssumeRoleWithSAML call that creates them:
// AssumeContext returns the keys the role's trust policy sees during that
// call (every token claim or assertion attribute, sts:RoleSessionName,
// aws:RequestTag/K and aws:TagKeys for session tags, sts:TransitiveTagKeys,
// sts:SourceIdentity).
//
// Built values are immutable and safe for concurrent use. A principal holds
// facts only: policies are never attached to it, which keeps this package
// below package policy. In the import graph principal sits above condition
// and internal/arn and below policy, the engine, sts and scenario.
package principal
