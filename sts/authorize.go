package sts

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Pages the refusals of STS calls cite.
const (
	pageTempRequest           = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html"
	pageAssumeRoleAPI         = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html"
	pageGetFederationTokenAPI = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html"
	pageSourceIdentity        = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html"
)

// Context keys of the STS calls (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
const (
	keyRoleSessionName   = "sts:RoleSessionName"
	keyExternalID        = "sts:ExternalId"
	keySourceIdentity    = "sts:SourceIdentity"
	keyTransitiveTagKeys = "sts:TransitiveTagKeys"
)

// Actions an STS call is authorized as (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
const (
	actionAssumeRole                = "sts:AssumeRole"
	actionAssumeRoleWithWebIdentity = "sts:AssumeRoleWithWebIdentity"
	actionAssumeRoleWithSAML        = "sts:AssumeRoleWithSAML"
	actionGetFederationToken        = "sts:GetFederationToken"
	actionGetSessionToken           = "sts:GetSessionToken"
	actionTagSession                = "sts:TagSession"
	actionSetSourceIdentity         = "sts:SetSourceIdentity"
)

// call is one STS call being authorized: the principal that makes it, the
// request context its actions share, the policies that decide them and the
// explanations gathered so far.
type call struct {
	principal principal.Principal
	context   condition.Context
	time      time.Time
	policies  iameval.PolicySet
	checks    []*iameval.Explanation
}

// authorize evaluates one action of the call on resource. It returns a
// *DeniedError when the action is not allowed.
func (c *call) authorize(action, resource string) error {
	r, err := iameval.NewRequest(iameval.RequestInput{
		Principal: c.principal,
		Action:    action,
		Resource:  resource,
		Context:   c.context,
		Time:      c.time,
	})
	if err != nil {
		return &InputError{Field: "Context", Msg: err.Error(), Err: err}
	}
	x := iameval.Explain(&c.policies, r)
	if x.Decision != iameval.Allowed {
		return &DeniedError{Action: action, Resource: resource, Explanation: x}
	}
	c.checks = append(c.checks, x)
	return nil
}

// authorizeCall authorizes the call as action on resource, then as
// sts:TagSession when it passes session tags and as sts:SetSourceIdentity
// when it sets a source identity: each a separate evaluation that must
// allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html).
func (c *call) authorizeCall(action, resource string, tags, sourceIdentity bool) error {
	if err := c.authorize(action, resource); err != nil {
		return err
	}
	if tags {
		if err := c.authorize(actionTagSession, resource); err != nil {
			return err
		}
	}
	if sourceIdentity {
		return c.authorize(actionSetSourceIdentity, resource)
	}
	return nil
}

// callerSide returns the caller's identity side of ps (identity, session,
// boundary and SCP policies), which decides the caller's own calls.
func callerSide(ps *iameval.PolicySet) iameval.PolicySet {
	return iameval.PolicySet{
		Identity:            ps.Identity,
		Session:             ps.Session,
		PermissionsBoundary: ps.PermissionsBoundary,
		SCP:                 ps.SCP,
	}
}

// newPolicySet returns the policies of a new principal: identity, the
// session policies passed to the call, and the boundary and SCPs of ps.
// The slices are copies, so appending to them leaves ps untouched.
func newPolicySet(ps *iameval.PolicySet, identity, session []*policy.Policy) iameval.PolicySet {
	return iameval.PolicySet{
		Identity:            slices.Clone(identity),
		Session:             session,
		PermissionsBoundary: ps.PermissionsBoundary,
		SCP:                 slices.Clone(ps.SCP),
	}
}

// newResult returns the Result of a call that issued credentials to p at
// t for seconds.
func newResult(p principal.Principal, ps iameval.PolicySet, t time.Time, seconds int, checks []*iameval.Explanation) *Result {
	return &Result{
		Principal:  p,
		Policies:   ps,
		IssueTime:  t,
		Expiration: t.Add(time.Duration(seconds) * time.Second),
		Checks:     checks,
	}
}

// refuse returns the *DeniedError of a call STS refuses before reading any
// policy because of who calls it (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func refuse(p principal.Principal, action, resource, reason string) *DeniedError {
	account := ""
	if a, ok := arn.Parse(resource); ok {
		account = a.Account
	}
	if account == "" {
		account = p.Account()
	}
	return &DeniedError{Action: action, Resource: resource, Explanation: &iameval.Explanation{
		Decision: iameval.ImplicitDeny,
		Reason:   reason,
		Request: iameval.RequestSummary{
			Principal:       p.ARN(),
			PrincipalType:   p.Kind().String(),
			Action:          action,
			Resource:        resource,
			ResourceAccount: account,
		},
	}}
}

// keys collects the context keys an STS call adds to its request, spelled
// as AWS documents them.
type keys map[string]condition.Value

func (k keys) str(key, v string) {
	if v != "" {
		k[key] = condition.StringValue(v)
	}
}

// requestTags adds aws:RequestTag/K for each tag and aws:TagKeys listing
// the keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
func (k keys) requestTags(tags map[string]string) {
	if len(tags) == 0 {
		return
	}
	names := slices.Sorted(maps.Keys(tags))
	for _, t := range names {
		k[condition.PrefixRequestTag+t] = condition.StringValue(tags[t])
	}
	k[condition.KeyTagKeys] = condition.ListValue(names...)
}

// mfa adds the MFA keys of a call made with SerialNumber and TokenCode.
func (k keys) mfa() {
	k[condition.KeyMultiFactorAuthPresent] = condition.StringValue("true")
	k[condition.KeyMultiFactorAuthAge] = condition.StringValue("0")
}

// context returns the call's keys overlaid by the keys the caller of this
// package supplied (which win, as in a scenario case's context), as one
// Context.
func (k keys) context(user condition.Context) (condition.Context, error) {
	m := make(map[string]condition.Value, len(k)+user.Len())
	for key, v := range k {
		m[condition.NormalizeKey(key)] = v
	}
	user.Each(func(key string, v condition.Value) {
		m[condition.NormalizeKey(key)] = v
	})
	ctx, err := condition.NewContext(m)
	if err != nil {
		return condition.Context{}, &InputError{Field: "Context", Msg: err.Error(), Err: err}
	}
	return ctx, nil
}

// callTime returns the time of a call: t, or now when t is zero, in UTC
// and whole seconds as STS reports it.
func callTime(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Second)
}

// partitionOf returns the ARN partition of a principal ("aws" when it has
// none).
func partitionOf(p principal.Principal) string {
	if q, ok := p.(interface{ Partition() string }); ok && q.Partition() != "" {
		return q.Partition()
	}
	return "aws"
}

// credentialsOf returns the credential facts of a principal, if it has any.
func credentialsOf(p principal.Principal) principal.Credentials {
	if q, ok := p.(interface{ Credentials() principal.Credentials }); ok {
		return q.Credentials()
	}
	return principal.Credentials{}
}

// principalError wraps an error of a principal constructor, which checks
// the names and tags of the session a call creates, as an *InputError of
// the STS parameter that carried the rejected fact: params maps the
// constructor's field (principal.Error.Field: "sessionName", "sessionTags",
// ...) to the parameter, and the message is the constructor's; other
// errors are reported as def, with the constructor's whole message.
func principalError(err error, def string, params map[string]string) *InputError {
	var e *principal.Error
	if errors.As(err, &e) {
		if f, ok := params[e.Field]; ok {
			return &InputError{Field: f, Msg: e.Msg, Err: err}
		}
	}
	return &InputError{Field: def, Msg: err.Error(), Err: err}
}

// sessionParams maps the fields of the role session constructors to the
// parameters of the assume calls.
var sessionParams = map[string]string{
	"roleArn":           "Role.ARN",
	"roleId":            "Role.ID",
	"tags":              "Role.Tags",
	"sessionName":       "RoleSessionName",
	"sourceIdentity":    "SourceIdentity",
	"sessionTags":       "Tags",
	"transitiveTagKeys": "TransitiveTagKeys",
}

// kindList renders kinds for messages: "IAMUser or Root".
func kindList(kinds []principal.Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.String()
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// callerProblem returns why a caller may not make the call named action,
// or "" when its kind may.
func callerProblem(p principal.Principal, action string, allowed ...principal.Kind) string {
	k := p.Kind()
	if r, ok := p.(*principal.Root); ok && r.AssumedRoot() {
		return "an sts:AssumeRoot session can perform only the actions of its task policy, not " + action
	}
	for _, a := range allowed {
		if k == a {
			return ""
		}
	}
	switch k {
	case principal.KindRoot:
		if action == actionAssumeRole {
			return "the root user cannot call sts:AssumeRole; STS refuses it before evaluating policies (" + pageAssumeRoleAPI + ")"
		}
	case principal.KindFederatedUser:
		return "a federated user (GetFederationToken credentials) cannot call STS operations other than GetCallerIdentity (" + pageGetFederationTokenAPI + ")"
	case principal.KindAssumedRole, principal.KindWebIdentity, principal.KindSAML:
		return "a role session cannot call sts:GetFederationToken or sts:GetSessionToken (" + pageAssumeRoleAPI + ")"
	case principal.KindAnonymous:
		return action + " must be signed by an AWS principal; an anonymous caller cannot call it"
	}
	return fmt.Sprintf("%s can be called only by %s, not by a %s principal (%s)", action, kindList(allowed), k, pageTempRequest)
}
