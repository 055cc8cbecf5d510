package sts

import (
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// WebIdentityToken is what AssumeRoleWithWebIdentity reads from the
// WebIdentityToken parameter: the identity provider and the token's claims.
type WebIdentityToken struct {
	// Provider names the identity provider: a provider built into AWS
	// (accounts.google.com, graph.facebook.com, www.amazon.com,
	// cognito-identity.amazonaws.com), an IAM OIDC provider ARN
	// arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH, or the bare HOST/PATH of
	// that provider in the role's account. Required.
	Provider string
	// Claims are the token's claims other than the two below, each a
	// string or, for a multivalued claim such as Cognito amr, a list. They
	// are the provider keys (HOST/PATH:sub, accounts.google.com:aud, ...)
	// during the call.
	Claims map[string]condition.Value
	// Tags is the https://aws.amazon.com/tags claim: the only source of
	// session tags for a web identity session (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html). Tags require
	// sts:TagSession in the trust policy.
	Tags principal.TagsClaim
	// SourceIdentity is the https://aws.amazon.com/source_identity claim,
	// or "". It requires sts:SetSourceIdentity in the trust policy.
	SourceIdentity string
}

// AssumeRoleWithWebIdentityInput holds the parameters of
// AssumeRoleWithWebIdentity other than RoleArn, which is the [Role]
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html). There is deliberately no Tags, TransitiveTagKeys,
// SourceIdentity or ExternalId field: the API has no such parameters, and
// session tags and the source identity come only from the token.
type AssumeRoleWithWebIdentityInput struct {
	// RoleSessionName is the session name: 2 to 64 characters of
	// [\w+=,.@-]. Required.
	RoleSessionName string
	// Token is the web identity token. Required.
	Token WebIdentityToken
	// Policy is the inline session policy, parsed as policy.Session, or nil.
	Policy *policy.Policy
	// ManagedPolicies are the managed session policies named by the
	// PolicyArns parameter (at most 10), parsed as policy.Session.
	ManagedPolicies []*policy.Policy
	// DurationSeconds is the session duration: 900 up to the role's
	// MaxSessionDuration, 0 for the default of 3600.
	DurationSeconds int
	// Context holds further request-context keys of the call (aws:SourceIp,
	// ...). They override the keys derived from the token.
	Context condition.Context
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// AssumeRoleWithWebIdentity plays the unsigned AssumeRoleWithWebIdentity
// call of a web identity token holder (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
//
// No AWS principal makes the call, so only the role's trust policy (and the
// RCPs of the role's account) decide: sts:AssumeRoleWithWebIdentity on the
// role ARN, plus sts:TagSession when the token has a tags claim and
// sts:SetSourceIdentity when it has a source-identity claim. The trust
// policy names the caller only by its identity provider (a Federated
// element) and sees the keys of principal.WebIdentity.AssumeContext: every
// claim as PROVIDER:claim, aws:FederatedProvider, sts:RoleSessionName,
// aws:RequestTag/K and aws:TagKeys for the token's tags,
// sts:TransitiveTagKeys, sts:SourceIdentity and the role's tags.
//
// The Result's principal is a *principal.WebIdentity whose tags are the
// role's tags overlaid by the token's tags; its Policies hold the role's
// identity policies, the session policies passed, the role's boundary and
// the SCPs of the role's account.
func AssumeRoleWithWebIdentity(role Role, in AssumeRoleWithWebIdentityInput) (*Result, error) {
	if err := role.check(); err != nil {
		return nil, err
	}
	session, err := sessionPolicies(in.Policy, in.ManagedPolicies)
	if err != nil {
		return nil, err
	}
	if err := checkCount("WebIdentityToken", "tags", len(in.Token.Tags.PrincipalTags)); err != nil {
		return nil, err
	}
	if err := checkCount("WebIdentityToken", "transitive tag keys", len(in.Token.Tags.TransitiveTagKeys)); err != nil {
		return nil, err
	}
	duration, err := roleDuration(in.DurationSeconds, &role, false)
	if err != nil {
		return nil, err
	}
	t := callTime(in.Time)
	w, perr := principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN:        role.ARN,
		RoleID:         role.ID,
		SessionName:    in.RoleSessionName,
		Provider:       in.Token.Provider,
		Claims:         in.Token.Claims,
		TagsClaim:      in.Token.Tags,
		SourceIdentity: in.Token.SourceIdentity,
		RoleTags:       role.Tags,
		Credentials:    principal.Credentials{IssueTime: t},
	})
	if perr != nil {
		return nil, principalError(perr, "WebIdentityToken", webIdentityParams)
	}
	checks, aerr := authorizeUnsigned(w, &role, in.Context, t, actionAssumeRoleWithWebIdentity, len(in.Token.Tags.PrincipalTags) > 0, in.Token.SourceIdentity != "")
	if aerr != nil {
		return nil, aerr
	}
	return newResult(w, role.sessionPolicySet(session), t, duration, checks), nil
}

// webIdentityParams maps the fields of principal.NewWebIdentity to the
// parameters of AssumeRoleWithWebIdentity: the token's claims, tags and
// source identity are all WebIdentityToken.
var webIdentityParams = map[string]string{
	"roleArn":     "Role.ARN",
	"roleId":      "Role.ID",
	"tags":        "Role.Tags",
	"sessionName": "RoleSessionName",
}

// authorizeUnsigned authorizes the unsigned call of a token or assertion
// holder against the role's trust policy alone (and the RCPs of the role's
// account): action, then sts:TagSession when the token or assertion
// carries tags, then sts:SetSourceIdentity when it carries a source
// identity. The engine reads the holder's AssumeContext for these actions.
func authorizeUnsigned(p principal.Principal, role *Role, user condition.Context, t time.Time, action string, tags, sourceIdentity bool) ([]*iameval.Explanation, error) {
	ctx, err := keys{}.context(user)
	if err != nil {
		return nil, err
	}
	c := &call{principal: p, context: ctx, time: t, policies: iameval.PolicySet{
		Resource: role.TrustPolicy,
		RCP:      role.Policies.RCP,
	}}
	if err := c.authorizeCall(action, role.ARN, tags, sourceIdentity); err != nil {
		return nil, err
	}
	return c.checks, nil
}
