package sts

import (
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/principal"
)

// GetSessionTokenInput holds the parameters of GetSessionToken (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
type GetSessionTokenInput struct {
	// DurationSeconds is the credentials' duration: 900 to 129600, 0 for
	// the default of 43200. For the root user any longer duration is one
	// hour.
	DurationSeconds int
	// SerialNumber and TokenCode are the MFA device and its current code.
	// Given together, the credentials are MFA-authenticated:
	// aws:MultiFactorAuthPresent is true and aws:MultiFactorAuthAge counts
	// from the call.
	SerialNumber, TokenCode string
	// Time is when the call is made; the zero Time means now.
	Time time.Time
}

// GetSessionToken plays a call of GetSessionToken by an IAM user or the
// root user (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html). Other callers are refused. For those two it needs
// no permission and no policy can prevent it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): the
// call is still run through the engine, whose explanation says so.
//
// The Result's principal is the same user (or root user) on temporary
// credentials: aws:TokenIssueTime is present, aws:MultiFactorAuthPresent is
// true or false, and aws:MultiFactorAuthAge is present with MFA. Its
// Policies are the caller's, unchanged.
func GetSessionToken(caller Caller, in GetSessionTokenInput) (*Result, error) {
	p := caller.Principal
	if p == nil {
		return nil, inputError("Caller", "principal is required")
	}
	if why := callerProblem(p, actionGetSessionToken, principal.KindIAMUser, principal.KindRoot); why != "" {
		return nil, refuse(p, actionGetSessionToken, "*", why)
	}
	if err := checkCallerPolicies(&caller.Policies); err != nil {
		return nil, err
	}
	mfa, err := checkMFA(in.SerialNumber, in.TokenCode)
	if err != nil {
		return nil, err
	}
	duration, err := userDuration(in.DurationSeconds, p.Kind() == principal.KindRoot)
	if err != nil {
		return nil, err
	}
	t := callTime(in.Time)
	creds := principal.Credentials{Temporary: true, IssueTime: t, MFA: mfa}

	c := &call{principal: p, time: t, policies: iameval.PolicySet{
		Identity:            caller.Policies.Identity,
		PermissionsBoundary: caller.Policies.PermissionsBoundary,
		SCP:                 caller.Policies.SCP,
	}}
	if err := c.authorize(actionGetSessionToken, "*"); err != nil {
		return nil, err
	}

	var out principal.Principal
	var perr error
	switch u := p.(type) {
	case *principal.IAMUser:
		out, perr = principal.NewIAMUser(principal.IAMUserInput{ARN: u.ARN(), ID: u.ID(), Tags: u.Tags(), Credentials: creds})
	case *principal.Root:
		out, perr = principal.NewRoot(principal.RootInput{Account: u.Account(), Partition: u.Partition(), Credentials: creds})
	}
	if perr != nil {
		return nil, principalError(perr, "Caller", nil)
	}
	return newResult(out, newPolicySet(&caller.Policies, caller.Policies.Identity, nil), t, duration, c.checks), nil
}
