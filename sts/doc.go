// Package sts plays the AWS Security Token Service calls that create
// principals, as library calls: each call is first authorized the way STS
// authorizes it, then returns the principal it creates together with the
// policies that decide that principal's later requests.
//
// The calls follow the IAM User Guide
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html) and
// the STS API Reference:
//
//   - [GetFederationToken]: an IAM user (or the root user) mints a federated
//     user. The call is authorized as sts:GetFederationToken on
//     arn:PARTITION:sts::ACCOUNT:federated-user/NAME against the caller's
//     identity policies, permissions boundary and SCPs, plus sts:TagSession
//     when Tags are passed. The federated user's later requests are decided
//     by the caller's identity policies intersected with the session
//     policies passed to the call.
//   - [AssumeRole]: an IAM user or a role session (role chaining) assumes a
//     role. sts:AssumeRole, and sts:TagSession / sts:SetSourceIdentity when
//     the call sets tags or a source identity, must each be allowed by the
//     role's trust policy combined with the caller's identity side
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html, role trust rule). Transitive session tags and the
//     source identity pass on through chaining; an inherited tag overrides
//     the role's tag of the same key, in the new session's principal tags
//     and in the role's resource tags its trust policy sees
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining).
//   - [AssumeRoleWithWebIdentity] and [AssumeRoleWithSAML]: the unsigned
//     calls of a token or assertion holder, decided by the trust policy
//     alone with the claims or assertion attributes as context keys. Session
//     tags come only from the token's https://aws.amazon.com/tags claim or
//     the assertion's PrincipalTag attributes; there is no Tags parameter.
//   - [GetSessionToken]: an IAM user or the root user gets temporary
//     credentials for itself; no policy can prevent it.
//   - [AssumeRoot]: an IAM user or role of the organization's management
//     account (or delegated administrator for IAM) obtains a short-term
//     root session in a member account, scoped by one of the five AWS task
//     policies ([TaskPolicy]), which becomes the session's session policy
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
//
// Every call returns a [Result] or an error. A refusal by policy (or by a
// rule STS applies before reading policies, such as the root user calling
// AssumeRole) is a *[DeniedError] carrying the engine's
// iameval.Explanation; input that STS would reject as malformed (a name of
// the wrong length, more than 50 tags, a chained session longer than one
// hour, ...) is an *[InputError], which wraps [ErrInvalidInput]. The
// names and tags of the session a call creates are checked once, by the
// package principal constructor that builds it; an InputError then names
// the STS parameter that carried the fact (RoleSessionName, Tags,
// TransitiveTagKeys, SourceIdentity, ...) and wraps the constructor's
// *principal.Error.
//
// Policies are not attached to principals (package principal holds facts
// only), so each call takes the policies it needs: a [Caller] pairs the
// calling principal with its identity side, a [Role] holds the role's
// facts, trust policy and permission policies. A Result's Policies hold the
// new principal's side of later requests (identity, session, boundary and
// SCP policies); the target side (resource policy, RCPs, VPC endpoint
// policies) belongs to each later request and is added by the caller of
// iameval.Evaluate.
//
// In the import graph sts sits above the engine (package iameval), policy,
// principal and condition, and below iamtest and the command.
package sts
