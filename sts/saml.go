package sts

import (
	"fmt"
	"strings"
	"time"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// AssumeRoleWithSAMLInput holds the parameters of AssumeRoleWithSAML other
// than RoleArn, which is the [Role] (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
type AssumeRoleWithSAMLInput struct {
	// ProviderARN is the PrincipalArn parameter: the IAM SAML provider
	// arn:aws:iam::ACCOUNT:saml-provider/NAME. Required.
	ProviderARN string
	// Assertion holds the attributes of the SAMLAssertion, each a string
	// or a list. AWS-defined attributes keep their full names
	// (principal.AttributeRole, principal.AttributeRoleSessionName,
	// principal.AttributePrincipalTag+K, ...), with case-sensitive names;
	// other entries name saml: keys without the prefix: "sub" (the NameID),
	// "sub_type", "aud" (the Recipient), "iss" (the Issuer), ... The Role
	// attribute must pair the role with ProviderARN, and RoleSessionName is
	// required. PrincipalTag attributes are session tags and require
	// sts:TagSession; a SourceIdentity attribute requires
	// sts:SetSourceIdentity.
	Assertion map[string]condition.Value
	// Policy is the inline session policy, parsed as policy.Session, or nil.
	Policy *policy.Policy
	// ManagedPolicies are the managed session policies named by the
	// PolicyArns parameter (at most 10), parsed as policy.Session.
	ManagedPolicies []*policy.Policy
	// DurationSeconds is the session duration: 900 up to the role's
	// MaxSessionDuration, 0 for the default of 3600.
	DurationSeconds int
	// Context holds further request-context keys of the call. They
	// override the keys derived from the assertion.
	Context condition.Context
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// AssumeRoleWithSAML plays the unsigned AssumeRoleWithSAML call of a SAML
// assertion holder (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
//
// Only the role's trust policy (and the RCPs of the role's account) decide:
// sts:AssumeRoleWithSAML on the role ARN, plus sts:TagSession when the
// assertion has PrincipalTag attributes and sts:SetSourceIdentity when it
// has a SourceIdentity attribute. The trust policy names the caller by the
// SAML provider ARN (a Federated element) and sees the saml: keys of the
// assertion (principal.SAML.AssumeContext).
//
// The Result's principal is a *principal.SAML whose session name is the
// RoleSessionName attribute and whose tags are the role's tags overlaid by
// the PrincipalTag attributes; its Policies hold the role's identity
// policies, the session policies passed, the role's boundary and the SCPs
// of the role's account.
func AssumeRoleWithSAML(role Role, in AssumeRoleWithSAMLInput) (*Result, error) {
	const field = "SAMLAssertion"
	if err := role.check(); err != nil {
		return nil, err
	}
	if in.ProviderARN == "" {
		return nil, inputError("PrincipalArn", "required: the IAM SAML provider ARN")
	}
	if _, ok := in.Assertion[principal.AttributeRole]; !ok {
		return nil, inputError(field, fmt.Sprintf("attribute %q is required: it pairs the role with the provider", principal.AttributeRole))
	}
	name, ok := in.Assertion[principal.AttributeRoleSessionName]
	if !ok || name.Len() != 1 {
		return nil, inputError(field, fmt.Sprintf("attribute %q is required, with one value", principal.AttributeRoleSessionName))
	}
	session, err := sessionPolicies(in.Policy, in.ManagedPolicies)
	if err != nil {
		return nil, err
	}
	tags := 0
	for k := range in.Assertion {
		if strings.HasPrefix(k, principal.AttributePrincipalTag) {
			tags++
		}
	}
	if err := checkCount(field, "tags", tags); err != nil {
		return nil, err
	}
	duration, err := roleDuration(in.DurationSeconds, &role, false)
	if err != nil {
		return nil, err
	}
	t := callTime(in.Time)
	s, perr := principal.NewSAML(principal.SAMLInput{
		RoleARN:     role.ARN,
		RoleID:      role.ID,
		Provider:    in.ProviderARN,
		Attributes:  in.Assertion,
		RoleTags:    role.Tags,
		Credentials: principal.Credentials{IssueTime: t},
	})
	if perr != nil {
		return nil, principalError(perr, field, map[string]string{
			"roleArn": "Role.ARN", "roleId": "Role.ID", "tags": "Role.Tags", "provider": "PrincipalArn",
		})
	}
	checks, aerr := authorizeUnsigned(s, &role, in.Context, t, actionAssumeRoleWithSAML, tags > 0, s.SourceIdentity() != "")
	if aerr != nil {
		return nil, aerr
	}
	return newResult(s, role.sessionPolicySet(session), t, duration, checks), nil
}
