package iameval

import "github.com/iameval/iameval/principal"

// Pages the fixed outcomes cite.
const (
	pageTempRequest        = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html"
	pageAssumeRole         = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html"
	pageGetCallerIdentity  = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"
	pageGetFederationToken = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html"
	pageGetSessionToken    = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html"
)

// fixedOutcome applies https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html: outcomes fixed by the kind of
// credentials before any policy is read (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
// and the STS API reference page of each call). ok is false when policies decide.
func fixedOutcome(p principal.Principal, f *facts) (d Decision, reason string, ok bool) {
	kind := f.kind
	signed := kind != principal.KindAnonymous && !f.unsigned
	sts := f.service == "sts"
	iam := f.service == "iam"

	if sts && f.name == "getcalleridentity" && signed {
		return Allowed, "sts:GetCallerIdentity needs no permission and cannot be denied for a signed caller (" + pageGetCallerIdentity + ")", true
	}
	if sts && f.name == "assumerolewithwebidentity" && !f.unsigned {
		return ImplicitDeny, "sts:AssumeRoleWithWebIdentity is an unsigned call made with a web identity token; only a WebIdentity principal (the token holder) can make it", true
	}
	if sts && f.name == "assumerolewithsaml" && !f.unsigned {
		return ImplicitDeny, "sts:AssumeRoleWithSAML is an unsigned call made with a SAML assertion; only a SAML principal (the assertion holder) can make it", true
	}
	if kind == principal.KindAnonymous {
		if sts {
			return ImplicitDeny, "STS operations need signed requests; an anonymous caller can make none of them (" + pageTempRequest + ")", true
		}
		if !acceptsAnonymous(f.service, f.name) {
			return ImplicitDeny, anonymousRefusal(f.service, f.name), true
		}
	}
	if sts && f.rp != rpRoleTrust && (f.name == "assumerole" || f.name == "assumerolewithwebidentity" || f.name == "assumerolewithsaml") {
		return ImplicitDeny, "sts:" + f.name + " needs the ARN of the role to assume as its resource (arn:PARTITION:iam::ACCOUNT:role/NAME)", true
	}
	if sts && f.name == "assumeroot" {
		if why := assumeRootRefusal(f); why != "" {
			return ImplicitDeny, why, true
		}
	}
	switch {
	case kind == principal.KindFederatedUser && iam:
		return ImplicitDeny, "a federated user (GetFederationToken credentials) cannot call IAM API operations (" + pageGetFederationToken + ")", true
	case kind == principal.KindFederatedUser && sts:
		return ImplicitDeny, "a federated user (GetFederationToken credentials) cannot call STS operations other than GetCallerIdentity (" + pageGetFederationToken + ")", true
	case kind.IsRoleSession() && !f.unsigned && sts && (f.name == "getfederationtoken" || f.name == "getsessiontoken"):
		return ImplicitDeny, "a role session cannot call sts:GetFederationToken or sts:GetSessionToken (" + pageAssumeRole + ")", true
	}
	if gst, mfa := sessionTokenCredentials(p); gst {
		switch {
		case iam && !mfa:
			return ImplicitDeny, "GetSessionToken credentials obtained without MFA cannot call IAM API operations (" + pageGetSessionToken + ")", true
		case sts && f.name != "assumerole" && !partOfAssumeRole(f):
			return ImplicitDeny, "GetSessionToken credentials can call only sts:AssumeRole and sts:GetCallerIdentity among STS operations (" + pageGetSessionToken + ")", true
		}
	}
	if kind == principal.KindRoot && sts && f.name == "assumerole" {
		return ImplicitDeny, "the root user cannot call sts:AssumeRole; STS refuses it before evaluating policies (" + pageAssumeRole + ")", true
	}
	// An sts:AssumeRoot session is scoped by its task policy (assumeroot.go):
	// it does not get the root user's unconditional GetSessionToken.
	if sts && f.name == "getsessiontoken" && (kind == principal.KindIAMUser || kind == principal.KindRoot) && !f.assumedRoot {
		return Allowed, "sts:GetSessionToken needs no permission and policies cannot prevent it for an IAM user or the root user (" + pageGetSessionToken + ")", true
	}
	return 0, "", false
}

// sessionTokenCredentials reports whether an IAM user or root user signs
// with temporary credentials of its own (GetSessionToken) and whether MFA
// authenticated them. The principal package marks GetSessionToken and
// console sign-in credentials alike as Temporary; the engine applies the
// GetSessionToken restrictions (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html) to both, since allowing what AWS
// refuses is the worse mistake. AssumeRoot sessions are not GetSessionToken
// credentials.
func sessionTokenCredentials(p principal.Principal) (gst, mfa bool) {
	switch v := p.(type) {
	case *principal.IAMUser:
		c := v.Credentials()
		return c.Temporary, c.MFA
	case *principal.Root:
		if v.AssumedRoot() {
			return false, false
		}
		c := v.Credentials()
		return c.Temporary, c.MFA
	}
	return false, false
}

// partOfAssumeRole reports whether an STS action is one of the extra
// permissions that an AssumeRole call is authorized for on the role being
// assumed (sts:TagSession with Tags, sts:SetSourceIdentity with a source
// identity; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html). They are not API operations of their own, so the
// GetSessionToken rule "STS only AssumeRole and GetCallerIdentity" does not
// refuse them.
func partOfAssumeRole(f *facts) bool {
	return (f.name == "tagsession" || f.name == "setsourceidentity") && f.rp == rpRoleTrust
}
