package sts

import (
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Caller is the principal that calls [GetFederationToken], [AssumeRole] or
// [GetSessionToken], with the policies of its own side of every request it
// makes.
type Caller struct {
	// Principal is the caller: an IAM user, the root user or a role
	// session, depending on the call. Required.
	Principal principal.Principal
	// Policies are the caller's identity policies, the session policies
	// of its session (role sessions and federated users), its permissions
	// boundary and the SCPs of its account: the fields Identity, Session,
	// PermissionsBoundary and SCP. The target side of a request (Resource,
	// RCP, VPCEndpoint) is supplied by each call (a role's trust policy,
	// the role account's RCPs) and must be empty here. The Policies of a
	// previous [Result] fit as they are.
	Policies iameval.PolicySet
}

// Role is an IAM role to assume: its facts, its trust policy and the
// policies that decide the requests of its sessions.
type Role struct {
	// ARN is the role's ARN with its path:
	// arn:aws:iam::ACCOUNT:role/PATH/NAME. Required.
	ARN string
	// ID is the role's unique ID (AROA...); "" when unknown, which leaves
	// aws:userid absent in the session's requests.
	ID string
	// Tags are the role's tags: iam:ResourceTag/K and aws:ResourceTag/K
	// during the assume call, aws:PrincipalTag/K (under session tags) in
	// the session's requests.
	Tags map[string]string
	// MaxSessionDuration is the role's maximum session duration in
	// seconds, 3600 to 43200; 0 means the IAM default of 3600.
	MaxSessionDuration int
	// TrustPolicy is the role's trust policy (the role's resource-based
	// policy), parsed as policy.Resource. Required.
	TrustPolicy *policy.Policy
	// Policies are the role's permission policies (Identity), its
	// permissions boundary (PermissionsBoundary), the SCPs of its account
	// (SCP) and the RCPs of its account (RCP, consulted for the assume
	// calls, which STS subjects to RCPs). Session policies come from the
	// call and the trust policy from TrustPolicy, so Session, Resource and
	// VPCEndpoint must be empty.
	Policies iameval.PolicySet
}

// Result is what a successful STS call creates.
type Result struct {
	// Principal is the new principal: a *principal.FederatedUser,
	// *principal.AssumedRole, *principal.WebIdentity or *principal.SAML,
	// or, for GetSessionToken, the caller again (*principal.IAMUser or
	// *principal.Root) on temporary credentials.
	Principal principal.Principal
	// Policies are the new principal's side of its later requests: the
	// identity policies, the session policies passed to the call, the
	// permissions boundary and the SCPs of its account. Add the target
	// side (Resource, RCP, VPCEndpoint) for each request before calling
	// iameval.Evaluate.
	Policies iameval.PolicySet
	// IssueTime is when the credentials were issued (aws:TokenIssueTime).
	IssueTime time.Time
	// Expiration is when the credentials expire: IssueTime plus the
	// granted duration.
	Expiration time.Time
	// Checks explain each action the call was authorized as, in the order
	// evaluated (for AssumeRole: sts:AssumeRole, then sts:TagSession and
	// sts:SetSourceIdentity when they applied). Every one is allowed.
	Checks []*iameval.Explanation
}
