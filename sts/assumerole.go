package sts

import (
	"fmt"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// AssumeRoleInput holds the parameters of AssumeRole other than RoleArn,
// which is the [Role] (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html; STS API Reference).
type AssumeRoleInput struct {
	// RoleSessionName is the session name: 2 to 64 characters of
	// [\w+=,.@-] (sts:RoleSessionName). Required.
	RoleSessionName string
	// Policy is the inline session policy, parsed as policy.Session, or nil.
	Policy *policy.Policy
	// ManagedPolicies are the managed session policies named by the
	// PolicyArns parameter (at most 10), parsed as policy.Session.
	ManagedPolicies []*policy.Policy
	// Tags are session tags (at most 50). They add aws:RequestTag/K and
	// aws:TagKeys to the call and require sts:TagSession. A key equal
	// (ignoring case) to a transitive tag the calling session passes on
	// makes the call fail (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
	Tags map[string]string
	// TransitiveTagKeys name the Tags that pass on to sessions this session
	// assumes next (sts:TransitiveTagKeys).
	TransitiveTagKeys []string
	// ExternalID is the ExternalId parameter (sts:ExternalId): 2 to 1224
	// characters of [\w+=,.@:/-], or "".
	ExternalID string
	// SourceIdentity sets the source identity (sts:SourceIdentity, then
	// aws:SourceIdentity): 2 to 64 characters of [\w+=,.@-], not beginning
	// with aws:. It requires sts:SetSourceIdentity. A calling session that
	// has a source identity passes it on; it cannot be changed.
	SourceIdentity string
	// SerialNumber and TokenCode are the MFA device and its current code.
	// Given together, the call is MFA-authenticated:
	// aws:MultiFactorAuthPresent is true in the call and in the session.
	SerialNumber, TokenCode string
	// DurationSeconds is the session duration: 900 up to the role's
	// MaxSessionDuration, 0 for the default of 3600. A chained session
	// (the caller is a role session) lasts at most one hour; asking for more
	// fails the call.
	DurationSeconds int
	// Context holds further request-context keys of the call
	// (aws:PrincipalOrgID, aws:SourceIp, ...). They override the keys this
	// package derives.
	Context condition.Context
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// AssumeRole plays a call of AssumeRole by an IAM user or a role session
// (role chaining) (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
//
// The root user, federated users and other callers are refused. The call
// is authorized as sts:AssumeRole on the role ARN, and as sts:TagSession
// when Tags are passed and sts:SetSourceIdentity when a source identity is
// set or passed on, each a separate evaluation that must allow. Each
// evaluation consults the role's trust policy as the resource policy, the
// caller's identity side (identity, session, boundary and SCP policies)
// and the RCPs of the role's account, and combines them by the role trust
// rule of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html. The trust policy sees the caller's own keys
// and sts:RoleSessionName, sts:ExternalId, sts:SourceIdentity,
// aws:RequestTag/K, aws:TagKeys, sts:TransitiveTagKeys, the MFA keys of the
// call, and iam:ResourceTag/K and aws:ResourceTag/K for the role's tags;
// a transitive tag inherited from the calling session overrides the role's
// tag of the same key there too (see keys.chainedResourceTags).
//
// The Result's principal is a *principal.AssumedRole whose tags are the
// role's tags overlaid by the inherited transitive tags and Tags; it keeps
// the caller's source identity. Its Policies hold the role's identity
// policies, the session policies passed, the role's boundary and the SCPs of
// the role's account: the caller's own policies play no further part.
func AssumeRole(caller Caller, role Role, in AssumeRoleInput) (*Result, error) {
	p := caller.Principal
	if p == nil {
		return nil, inputError("Caller", "principal is required")
	}
	if err := role.check(); err != nil {
		return nil, err
	}
	if why := callerProblem(p, actionAssumeRole, principal.KindIAMUser,
		principal.KindAssumedRole, principal.KindWebIdentity, principal.KindSAML); why != "" {
		return nil, refuse(p, actionAssumeRole, role.ARN, why)
	}
	if err := checkCallerPolicies(&caller.Policies); err != nil {
		return nil, err
	}
	if in.ExternalID != "" {
		if err := checkName("ExternalId", in.ExternalID, 2, 1224, ":/"); err != nil {
			return nil, err
		}
	}
	session, err := sessionPolicies(in.Policy, in.ManagedPolicies)
	if err != nil {
		return nil, err
	}
	if err := checkCount("Tags", "tags", len(in.Tags)); err != nil {
		return nil, err
	}
	if err := checkCount("TransitiveTagKeys", "keys", len(in.TransitiveTagKeys)); err != nil {
		return nil, err
	}
	mfa, err := checkMFA(in.SerialNumber, in.TokenCode)
	if err != nil {
		return nil, err
	}

	// Role chaining (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html): the calling session passes on its
	// transitive tags, which Tags may not repeat (NewAssumedRole checks
	// it), and its source identity.
	var inherited map[string]string
	sourceIdentity := in.SourceIdentity
	rs, chained := p.(principal.RoleSession)
	if chained {
		inherited = rs.TransitiveTags()
		if si := rs.SourceIdentity(); si != "" {
			if sourceIdentity != "" && sourceIdentity != si {
				return nil, inputError("SourceIdentity", fmt.Sprintf("%q differs from the source identity %q of the calling session, which cannot be changed once set ("+pageSourceIdentity+")", sourceIdentity, si))
			}
			sourceIdentity = si
		}
	}
	duration, err := roleDuration(in.DurationSeconds, &role, chained)
	if err != nil {
		return nil, err
	}
	t := callTime(in.Time)

	// MFA: given in this call, or carried by the caller's own credentials.
	creds := principal.Credentials{IssueTime: t}
	if mfa {
		creds.MFA = true
	} else if cc := credentialsOf(p); cc.MFA {
		creds.MFA, creds.MFAAge = true, cc.MFAAge
	}
	s, perr := principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN:           role.ARN,
		RoleID:            role.ID,
		SessionName:       in.RoleSessionName,
		SourceIdentity:    sourceIdentity,
		RoleTags:          role.Tags,
		InheritedTags:     inherited,
		SessionTags:       in.Tags,
		TransitiveTagKeys: in.TransitiveTagKeys,
		Credentials:       creds,
	})
	if perr != nil {
		return nil, principalError(perr, "Role", sessionParams)
	}

	k := keys{}
	k.str(keyRoleSessionName, in.RoleSessionName)
	k.str(keyExternalID, in.ExternalID)
	k.str(keySourceIdentity, sourceIdentity)
	k.requestTags(in.Tags)
	if len(in.TransitiveTagKeys) > 0 {
		k[keyTransitiveTagKeys] = condition.ListValue(in.TransitiveTagKeys...)
	}
	k.chainedResourceTags(role.Tags, inherited)
	if mfa {
		k.mfa()
	}
	ctx, cerr := k.context(in.Context)
	if cerr != nil {
		return nil, cerr
	}
	c := &call{principal: p, context: ctx, time: t, policies: callerSide(&caller.Policies)}
	c.policies.Resource, c.policies.RCP = role.TrustPolicy, role.Policies.RCP
	if err := c.authorizeCall(actionAssumeRole, role.ARN, len(in.Tags) > 0, sourceIdentity != ""); err != nil {
		return nil, err
	}
	return newResult(s, role.sessionPolicySet(session), t, duration, c.checks), nil
}

// sessionPolicySet returns the policies of the role's sessions: the role's
// identity policies, the session policies passed, its boundary and the SCPs
// of its account.
func (r *Role) sessionPolicySet(session []*policy.Policy) iameval.PolicySet {
	return newPolicySet(&r.Policies, r.Policies.Identity, session)
}
