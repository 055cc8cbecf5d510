package sts

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/iamname"
	"github.com/iameval/iameval/policy"
)

// Limits of the STS API Reference (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html).
const (
	maxManagedPolicies = 10 // PolicyArns
	maxTags            = 50 // at most 50 session tags: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html

	defaultRoleSession = 3600   // AssumeRole* DurationSeconds default, IAM MaxSessionDuration default
	maxRoleSession     = 43200  // IAM MaxSessionDuration upper bound
	minDuration        = 900    // every call
	chainedMax         = 3600   // role chaining, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
	userTokenDefault   = 43200  // GetFederationToken, GetSessionToken default
	userTokenMax       = 129600 // GetFederationToken, GetSessionToken maximum
	rootTokenMax       = 3600   // root user: at most one hour
)

// checkName checks a parameter against [\w+=,.@-]{minLen,maxLen} plus the
// characters of extra: ExternalId and SerialNumber, which no principal
// carries. The names of the session a call creates (RoleSessionName, Name,
// SourceIdentity) are checked by the principal constructors.
func checkName(field, s string, minLen, maxLen int, extra string) *InputError {
	if len(s) < minLen || len(s) > maxLen {
		return inputError(field, fmt.Sprintf("%q must have %d to %d characters", s, minLen, maxLen))
	}
	if !iamname.Chars(s, extra) {
		return inputError(field, fmt.Sprintf("%q may contain only letters, digits and _+=,.@-%s", s, extra))
	}
	return nil
}

// checkCount checks that at most 50 items of what (tags, keys) were passed
// in the parameter field: the STS limit of Tags and TransitiveTagKeys
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// Everything else about tags (characters, lengths, keys unique ignoring
// case, transitive keys naming tags) is checked once, by the principal
// constructors, whose errors principalError maps to the parameters.
func checkCount(field, what string, n int) *InputError {
	if n > maxTags {
		return inputError(field, fmt.Sprintf("%d %s passed; at most %d are allowed", n, what, maxTags))
	}
	return nil
}

// sessionPolicies checks the inline Policy and the managed policies (at most
// 10, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html) and returns them as one list: every one must be a
// session policy.
func sessionPolicies(inline *policy.Policy, managed []*policy.Policy) ([]*policy.Policy, *InputError) {
	if len(managed) > maxManagedPolicies {
		return nil, inputError("PolicyArns", fmt.Sprintf("%d managed session policies passed; at most %d are allowed", len(managed), maxManagedPolicies))
	}
	var out []*policy.Policy
	if inline != nil {
		if inline.Type() != policy.Session {
			return nil, inputError("Policy", fmt.Sprintf("policy %q is a %s policy; parse it as a session policy", inline.ID(), inline.Type()))
		}
		out = append(out, inline)
	}
	for i, p := range managed {
		if p == nil {
			return nil, inputError("PolicyArns", fmt.Sprintf("policy %d is nil", i))
		}
		if p.Type() != policy.Session {
			return nil, inputError("PolicyArns", fmt.Sprintf("policy %q is a %s policy; parse it as a session policy", p.ID(), p.Type()))
		}
		out = append(out, p)
	}
	return out, nil
}

// roleDuration resolves DurationSeconds of an assume call: 0 means one
// hour; otherwise 900 up to the role's maximum session duration, and at
// most one hour for a chained session.
func roleDuration(requested int, role *Role, chained bool) (int, *InputError) {
	maxDur := role.maxSession()
	if chained {
		maxDur = chainedMax
	}
	if requested == 0 {
		return defaultRoleSession, nil
	}
	if requested < minDuration {
		return 0, inputError("DurationSeconds", fmt.Sprintf("%d is less than the minimum of %d seconds", requested, minDuration))
	}
	if requested > maxDur {
		if chained {
			return 0, inputError("DurationSeconds", fmt.Sprintf("%d exceeds the 1 hour session limit for roles assumed by role chaining", requested))
		}
		return 0, inputError("DurationSeconds", fmt.Sprintf("%d exceeds the role's maximum session duration of %d seconds", requested, maxDur))
	}
	return requested, nil
}

// userDuration resolves DurationSeconds of GetFederationToken and
// GetSessionToken: 0 means 12 hours; 900 to 129600 seconds. For the root
// user a longer duration is cut to one hour, as STS does ("If the specified
// duration is longer than one hour, the session obtained by using root user
// credentials defaults to one hour").
func userDuration(requested int, root bool) (int, *InputError) {
	d := requested
	if d == 0 {
		d = userTokenDefault
	}
	if d < minDuration || d > userTokenMax {
		return 0, inputError("DurationSeconds", fmt.Sprintf("%d is outside %d to %d seconds", requested, minDuration, userTokenMax))
	}
	if root && d > rootTokenMax {
		d = rootTokenMax
	}
	return d, nil
}

// checkMFA checks SerialNumber and TokenCode: both or neither; the serial
// number 9 to 256 characters of [\w+=/:,.@-], the code six digits. It
// reports whether MFA was given.
func checkMFA(serial, code string) (bool, *InputError) {
	if serial == "" && code == "" {
		return false, nil
	}
	if serial == "" {
		return false, inputError("SerialNumber", "required with TokenCode")
	}
	if code == "" {
		return false, inputError("TokenCode", "required with SerialNumber")
	}
	if err := checkName("SerialNumber", serial, 9, 256, "/:"); err != nil {
		return false, err
	}
	if len(code) != 6 || strings.Trim(code, "0123456789") != "" {
		return false, inputError("TokenCode", fmt.Sprintf("%q is not six digits", code))
	}
	return true, nil
}

// checkCallerPolicies rejects target-side policies in a caller's set.
func checkCallerPolicies(ps *iameval.PolicySet) *InputError {
	if ps.Resource != nil || len(ps.RCP) > 0 || len(ps.VPCEndpoint) > 0 {
		return inputError("Caller.Policies", "a caller's policies are its identity side (identity, session, permissionsBoundary, scp); resource, rcp and vpcEndpoint belong to the target of a request")
	}
	return validateSet("Caller.Policies", ps)
}

// validateSet wraps PolicySet.Validate.
func validateSet(field string, ps *iameval.PolicySet) *InputError {
	if err := ps.Validate(); err != nil {
		return &InputError{Field: field, Msg: err.Error(), Err: err}
	}
	return nil
}

// check validates the role: a role ARN, a trust policy of type resource, a
// maximum session duration in range and permission policies without
// session, resource or VPC endpoint policies.
func (r *Role) check() *InputError {
	a, ok := arn.Parse(r.ARN)
	if !ok || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") {
		return inputError("Role.ARN", fmt.Sprintf("%q is not a role ARN arn:aws:iam::ACCOUNT:role/PATH/NAME", r.ARN))
	}
	if r.TrustPolicy == nil {
		return inputError("Role.TrustPolicy", "required: every role has a trust policy")
	}
	if r.TrustPolicy.Type() != policy.Resource {
		return inputError("Role.TrustPolicy", fmt.Sprintf("policy %q is a %s policy; parse it as a resource policy", r.TrustPolicy.ID(), r.TrustPolicy.Type()))
	}
	if r.MaxSessionDuration != 0 && (r.MaxSessionDuration < defaultRoleSession || r.MaxSessionDuration > maxRoleSession) {
		return inputError("Role.MaxSessionDuration", fmt.Sprintf("%d is outside %d to %d seconds", r.MaxSessionDuration, defaultRoleSession, maxRoleSession))
	}
	if len(r.Policies.Session) > 0 || r.Policies.Resource != nil || len(r.Policies.VPCEndpoint) > 0 {
		return inputError("Role.Policies", "session policies come from the call and the trust policy from TrustPolicy; session, resource and vpcEndpoint must be empty")
	}
	if err := checkCount("Role.Tags", "tags", len(r.Tags)); err != nil {
		return err
	}
	return validateSet("Role.Policies", &r.Policies)
}

// maxSession returns the role's maximum session duration in seconds.
func (r *Role) maxSession() int {
	if r.MaxSessionDuration == 0 {
		return defaultRoleSession
	}
	return r.MaxSessionDuration
}
