package principal

import "slices"

// AssumedRoleInput holds the facts of an AssumeRole session for
// [NewAssumedRole].
type AssumedRoleInput struct {
	// RoleARN is the role's ARN with its path:
	// arn:aws:iam::ACCOUNT:role/PATH/NAME. Required.
	RoleARN string
	// RoleID is the role's unique ID (AROA...); "" when unknown, which
	// leaves aws:userid absent.
	RoleID string
	// SessionName is the RoleSessionName (2 to 64 characters of
	// [\w+=,.@-]). Required.
	SessionName string
	// SourceIdentity is the session's source identity (set by this call or
	// inherited through role chaining); "" for none.
	SourceIdentity string
	// RoleTags are the role's tags.
	RoleTags map[string]string
	// InheritedTags are the transitive session tags inherited from the
	// calling role session (role chaining, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html). They override role
	// tags and stay transitive.
	InheritedTags map[string]string
	// SessionTags are the Tags passed to AssumeRole. They override role
	// tags with the same key ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html) and may not repeat an
	// inherited key.
	SessionTags map[string]string
	// TransitiveTagKeys are the TransitiveTagKeys passed to AssumeRole; each
	// must name a session tag.
	TransitiveTagKeys []string
	// Credentials describe the session's credentials: IssueTime, and MFA
	// and MFAAge when AssumeRole was called with MFA.
	Credentials Credentials
}

// AssumedRole is a session created by sts:AssumeRole (also an EC2 instance
// role, whose session name is the instance ID). Build it with
// [NewAssumedRole] or [Parse].
type AssumedRole struct {
	roleSession
	transitiveKeys []string
}

// NewAssumedRole validates in and returns the role session.
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:PrincipalArn = the role ARN with path, aws:PrincipalAccount = the
// role's account, aws:PrincipalType = AssumedRole, aws:userid =
// ROLEID:SESSION when the role ID is known, aws:PrincipalTag/K for the role
// tags overlaid by inherited and session tags, aws:PrincipalIsAWSService =
// false, aws:SourceIdentity when set, aws:MultiFactorAuthPresent,
// aws:MultiFactorAuthAge with MFA, and aws:TokenIssueTime when known.
func NewAssumedRole(in AssumedRoleInput) (*AssumedRole, error) {
	const k = KindAssumedRole
	s, err := newRoleSession(sessionFacts{
		kind:                k,
		roleARN:             in.RoleARN,
		roleID:              in.RoleID,
		sessionName:         in.SessionName,
		sessionNameField:    "sessionName",
		sourceIdentity:      in.SourceIdentity,
		sourceIdentityField: "sourceIdentity",
		roleTags:            in.RoleTags,
		inherited:           in.InheritedTags,
		sessionTags:         in.SessionTags,
		transitiveKeys:      in.TransitiveTagKeys,
		creds:               in.Credentials,
		mfa:                 true,
	})
	if err != nil {
		return nil, err
	}
	if p := tagsProblem(in.InheritedTags); p != "" {
		return nil, fieldError(k, "inheritedTags", "%s", p)
	}
	if fld, p := sessionTagsProblem(in.SessionTags, in.InheritedTags, in.TransitiveTagKeys); p != "" {
		return nil, fieldError(k, fld, "%s", p)
	}
	r := &AssumedRole{roleSession: s, transitiveKeys: clone(in.TransitiveTagKeys)}
	b := newKeyset()
	r.addKeys(b, true)
	ctx, p := b.build()
	if p != "" {
		return nil, fieldError(k, "tags", "%s", p)
	}
	r.ctx = ctx
	return r, nil
}

// Kind returns KindAssumedRole.
func (r *AssumedRole) Kind() Kind { return KindAssumedRole }

// TransitiveTagKeys returns the TransitiveTagKeys passed to AssumeRole (a
// new slice).
func (r *AssumedRole) TransitiveTagKeys() []string { return slices.Clone(r.transitiveKeys) }
