package iameval

import (
	"fmt"

	"github.com/iameval/iameval/policy"
)

// PolicySet holds the parsed policies that bear on a request, grouped by
// where AWS attaches them. The zero PolicySet means "no policies" and denies
// every request that needs a grant.
//
// A PolicySet is read-only during evaluation: any number of goroutines may
// call [Evaluate] and [Explain] with the same set at once (concurrent reads
// are safe), but changing a field while evaluations run is a data race, as
// for a Go map.
type PolicySet struct {
	// Identity holds the principal's identity-based policies (a user's own
	// and its groups', a role's; for a federated user, the policies of the
	// IAM user that called GetFederationToken). Ignored for the root user,
	// anonymous callers, service principals and unsigned
	// AssumeRoleWithWebIdentity / AssumeRoleWithSAML calls.
	Identity []*policy.Policy
	// Session holds the session policies passed to AssumeRole* or
	// GetFederationToken, or the task policy of an sts:AssumeRoot session.
	// Only role sessions, federated users and AssumeRoot sessions have
	// them; for other principals they are ignored. Several session
	// policies are unioned.
	Session []*policy.Policy
	// PermissionsBoundary is the principal's permissions boundary, or nil.
	PermissionsBoundary *policy.Policy
	// Resource is the resource-based policy of the target resource (bucket
	// policy, key policy, a role's trust policy ...), or nil.
	Resource *policy.Policy
	// SCP holds the service control policies of the caller's account, one
	// inner slice per level from the organization root down to the account.
	// A nil or empty SCP means the caller's account is not governed by SCPs
	// (not in an organization, or its management account). Each level must
	// hold at least one policy.
	SCP [][]*policy.Policy
	// RCP holds the resource control policies of the resource owner's
	// account, shaped like SCP. RCPFullAWSAccess is taken as always attached
	// to every level, so RCP levels can only deny. Each level must hold at
	// least one policy.
	RCP [][]*policy.Policy
	// VPCEndpoint holds the VPC endpoint policies on the request's path;
	// each must allow.
	VPCEndpoint []*policy.Policy
}

// Validate reports whether ps is well formed: no nil policies, every policy
// parsed for the type of the field that holds it, and no empty SCP or RCP
// level (an organization level always has a policy attached).
// [Evaluate] performs the same check and denies an invalid set with the
// reason in [Explanation].Reason.
func (ps *PolicySet) Validate() error {
	if ps == nil {
		return nil
	}
	if msg := ps.problem(); msg != "" {
		return fmt.Errorf("invalid policy set: %s", msg)
	}
	return nil
}

// problem returns a description of what makes ps invalid, or "". It does not
// allocate when ps is valid.
func (ps *PolicySet) problem() string {
	if ps.valid() {
		return ""
	}
	for i, p := range ps.Identity {
		if msg := checkPolicy(p, policy.Identity); msg != "" {
			return fmt.Sprintf("identity[%d] %s", i, msg)
		}
	}
	for i, p := range ps.Session {
		if msg := checkPolicy(p, policy.Session); msg != "" {
			return fmt.Sprintf("session[%d] %s", i, msg)
		}
	}
	if ps.PermissionsBoundary != nil {
		if msg := checkPolicy(ps.PermissionsBoundary, policy.PermissionsBoundary); msg != "" {
			return "permissionsBoundary " + msg
		}
	}
	if ps.Resource != nil {
		if msg := checkPolicy(ps.Resource, policy.Resource); msg != "" {
			return "resource " + msg
		}
	}
	if msg := checkLevels("scp", ps.SCP, policy.SCP); msg != "" {
		return msg
	}
	if msg := checkLevels("rcp", ps.RCP, policy.RCP); msg != "" {
		return msg
	}
	for i, p := range ps.VPCEndpoint {
		if msg := checkPolicy(p, policy.VPCEndpoint); msg != "" {
			return fmt.Sprintf("vpcEndpoint[%d] %s", i, msg)
		}
	}
	return ""
}

func checkLevels(name string, levels [][]*policy.Policy, t policy.Type) string {
	for l, level := range levels {
		if len(level) == 0 {
			return fmt.Sprintf("%s level %d has no policy (every organization level has at least one)", name, l)
		}
		for i, p := range level {
			if msg := checkPolicy(p, t); msg != "" {
				return fmt.Sprintf("%s[%d][%d] %s", name, l, i, msg)
			}
		}
	}
	return ""
}

func checkPolicy(p *policy.Policy, want policy.Type) string {
	if p == nil {
		return "is nil"
	}
	if got := p.Type(); got != want {
		return fmt.Sprintf("was parsed as a %s policy, not %s", got, want)
	}
	return ""
}

// valid reports whether ps is well formed, the test of problem without
// its messages: a loop of comparisons that every evaluation runs.
func (ps *PolicySet) valid() bool {
	return allOfType(ps.Identity, policy.Identity) && allOfType(ps.Session, policy.Session) &&
		(ps.PermissionsBoundary == nil || ps.PermissionsBoundary.Type() == policy.PermissionsBoundary) &&
		(ps.Resource == nil || ps.Resource.Type() == policy.Resource) &&
		levelsOfType(ps.SCP, policy.SCP) && levelsOfType(ps.RCP, policy.RCP) &&
		allOfType(ps.VPCEndpoint, policy.VPCEndpoint)
}

// allOfType reports whether every policy of ps is non-nil and of type t.
func allOfType(ps []*policy.Policy, t policy.Type) bool {
	for _, p := range ps {
		if p == nil || p.Type() != t {
			return false
		}
	}
	return true
}

// levelsOfType reports whether every level holds a policy and only
// non-nil policies of type t.
func levelsOfType(levels [][]*policy.Policy, t policy.Type) bool {
	for _, level := range levels {
		if len(level) == 0 || !allOfType(level, t) {
			return false
		}
	}
	return true
}
