package sts

import (
	"time"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// GetFederationTokenInput holds the parameters of GetFederationToken
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html; STS API Reference).
type GetFederationTokenInput struct {
	// Name is the federated user's name: 2 to 32 characters of
	// [\w+=,.@-]. It becomes arn:PARTITION:sts::ACCOUNT:federated-user/NAME
	// and aws:userid ACCOUNT:NAME. Required.
	Name string
	// Policy is the inline session policy (the Policy parameter), parsed as
	// policy.Session, or nil.
	Policy *policy.Policy
	// ManagedPolicies are the managed session policies named by the
	// PolicyArns parameter (at most 10), parsed as policy.Session. Without
	// any session policy the federated user has no permissions beyond
	// resource policies that name it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
	ManagedPolicies []*policy.Policy
	// Tags are session tags (at most 50; never transitive). They add
	// aws:RequestTag/K and aws:TagKeys to the call and require
	// sts:TagSession, and override the calling user's tags with the same
	// key ignoring case.
	Tags map[string]string
	// DurationSeconds is the session duration: 900 to 129600, 0 for the
	// default of 43200. For the root user any longer duration is one hour.
	DurationSeconds int
	// Context holds further request-context keys of the call (aws:SourceIp,
	// aws:PrincipalOrgID, ...). They override the keys this package derives.
	Context condition.Context
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// GetFederationToken plays an IAM user's (or the root user's) call of
// GetFederationToken (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
//
// The caller must be an IAM user or the root user; any other caller is
// refused. The call is authorized as sts:GetFederationToken on
// arn:PARTITION:sts::ACCOUNT:federated-user/NAME against the caller's
// identity policies, permissions boundary and SCPs (no resource policy),
// with aws:RequestTag/K and aws:TagKeys when Tags are passed; Tags also
// require sts:TagSession, evaluated against the same federated-user ARN
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html: "*" and federated-user/* both work).
//
// The Result's principal is a *principal.FederatedUser whose UserARN is the
// caller and whose tags are the caller's tags overlaid by Tags. Its Policies
// hold the caller's identity policies, the session policies passed, the
// caller's boundary and SCPs: the federated user's effective permissions
// are the caller's identity policies intersected with the session policies
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html). For a root
// caller, which has no identity policies but full access, Identity holds a
// policy "RootFullAccess" allowing every action, so that the session
// policies alone limit the federated user.
func GetFederationToken(caller Caller, in GetFederationTokenInput) (*Result, error) {
	p := caller.Principal
	if p == nil {
		return nil, inputError("Caller", "principal is required")
	}
	partition, account := partitionOf(p), p.Account()
	resource := "arn:" + partition + ":sts::" + account + ":federated-user/" + in.Name
	if why := callerProblem(p, actionGetFederationToken, principal.KindIAMUser, principal.KindRoot); why != "" {
		return nil, refuse(p, actionGetFederationToken, resource, why)
	}
	if err := checkCallerPolicies(&caller.Policies); err != nil {
		return nil, err
	}
	session, ierr := sessionPolicies(in.Policy, in.ManagedPolicies)
	if ierr != nil {
		return nil, ierr
	}
	if err := checkCount("Tags", "tags", len(in.Tags)); err != nil {
		return nil, err
	}
	root := p.Kind() == principal.KindRoot
	duration, ierr := userDuration(in.DurationSeconds, root)
	if ierr != nil {
		return nil, ierr
	}
	t := callTime(in.Time)

	fu := principal.FederatedUserInput{
		Account:     account,
		Partition:   partition,
		Name:        in.Name,
		UserARN:     p.ARN(),
		SessionTags: in.Tags,
		Credentials: principal.Credentials{IssueTime: t},
	}
	if u, ok := p.(*principal.IAMUser); ok {
		fu.UserID = u.ID()
		fu.UserTags = u.Tags()
	}
	fed, err := principal.NewFederatedUser(fu)
	if err != nil {
		return nil, principalError(err, "Caller", map[string]string{"name": "Name", "tags": "Tags"})
	}

	k := keys{}
	k.requestTags(in.Tags)
	ctx, err := k.context(in.Context)
	if err != nil {
		return nil, err
	}
	c := &call{principal: p, context: ctx, time: t, policies: callerSide(&caller.Policies)}
	if err := c.authorizeCall(actionGetFederationToken, resource, len(in.Tags) > 0, false); err != nil {
		return nil, err
	}

	identity := caller.Policies.Identity
	if root {
		identity = []*policy.Policy{rootFullAccess}
	}
	return newResult(fed, newPolicySet(&caller.Policies, identity, session), t, duration, c.checks), nil
}

// rootFullAccess stands for the root user's full access (evaluation-logic
// "Root: true") as the identity side of a federated user the root user
// created.
var rootFullAccess = mustPolicy("RootFullAccess", policy.Identity,
	`{"Version":"2012-10-17","Statement":[{"Sid":"RootUserHasFullAccess","Effect":"Allow","Action":"*","Resource":"*"}]}`)

// mustPolicy parses a policy that is part of this package; it cannot fail.
func mustPolicy(id string, t policy.Type, doc string) *policy.Policy {
	p, err := policy.Parse([]byte(doc), policy.Source{ID: id, Type: t})
	if err != nil {
		panic("sts: built-in policy " + id + ": " + err.Error())
	}
	return p
}
