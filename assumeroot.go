package iameval

import (
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Centralized root access (IAM User Guide, "Perform a privileged task on an
// AWS Organizations member account",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html,
// and the STS API Reference, AssumeRoot):
//
//   - sts:AssumeRoot is called by an IAM user or a role session of the
//     organization's management account or of the delegated administrator
//     account for IAM, on a member account's root user
//     (arn:PARTITION:iam::MEMBER:root). "You cannot use root user
//     credentials to call sts:AssumeRoot." The member account has no
//     resource policy to consult: the caller's identity side (identity
//     policies, boundary, session policies) and SCPs decide, and the
//     member's RCPs can still deny. That the caller's account is the
//     management or delegated administrator account and that centralized
//     root access is enabled are organization facts a request does not
//     carry; package sts (AssumeRoot) checks them.
//   - The root session AssumeRoot creates is scoped by its task policy
//     (TaskPolicyArn, one of five AWS managed policies under
//     arn:aws:iam::aws:policy/root-task/), applied as a session policy. The
//     task policies hold Deny statements only, so for such a session the
//     session policies limit by their Deny statements, and, when one of them
//     has an Allow statement, must also allow. A root session without a task
//     policy does not exist in AWS: it is refused every request.

// pageAssumeRoot is the AWS page of centralized root access.
const pageAssumeRoot = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html"

// isAssumedRoot reports whether p is a root session created by
// sts:AssumeRoot.
func isAssumedRoot(p principal.Principal) bool {
	r, ok := p.(*principal.Root)
	return ok && r.AssumedRoot()
}

// isRootARN reports whether res is an account's root user ARN.
func isRootARN(res arn.ARN, hasARN bool) bool {
	return hasARN && res.Service == "iam" && res.Region == "" && arn.IsAccountID(res.Account) && res.Resource == "root"
}

// assumeRootRefusal returns why STS refuses an sts:AssumeRoot call before
// reading policies, or "" when policies decide.
func assumeRootRefusal(f *facts) string {
	switch {
	case f.kind == principal.KindRoot:
		return "root user credentials cannot call sts:AssumeRoot (" + pageAssumeRoot + ")"
	case f.kind != principal.KindIAMUser && !f.kind.IsRoleSession():
		return "sts:AssumeRoot is called by an IAM user or role of the management account or the delegated administrator account for IAM, not by a " + f.kind.String() + " principal (" + pageAssumeRoot + ")"
	case f.rp != rpIdentityOnly:
		return "sts:AssumeRoot needs the member account's root user ARN (arn:PARTITION:iam::ACCOUNT:root) as its resource (" + pageAssumeRoot + ")"
	}
	return ""
}

// taskPolicySP reports whether the session policies of an AssumeRoot
// session leave the request to the root user's default access: some
// session policy allows it, or none has an Allow statement (the AWS task
// policies deny only).
func taskPolicySP(session []*policy.Policy, allow bool) bool {
	if allow {
		return true
	}
	for _, p := range session {
		if p.HasAllow() {
			return false
		}
	}
	return true
}

// noTaskPolicy is the reason an AssumeRoot session without session policy
// is refused.
const noTaskPolicy = "an sts:AssumeRoot session is scoped by its task policy (TaskPolicyArn), applied as a session policy; none was given (scenario key session), and AWS creates no root session without one (" + pageAssumeRoot + ")"
