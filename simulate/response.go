package simulate

import "github.com/iameval/iameval"

// Response is the SimulatePolicyResponse of the IAM API: one
// [EvaluationResult] per action and resource, actions in the order of
// ActionNames, resources in the order of ResourceArns for each action. Its
// JSON form (field names, order and types) is what
// `aws iam simulate-custom-policy` prints.
type Response struct {
	EvaluationResults []EvaluationResult `json:"EvaluationResults"`
	// IsTruncated is true when MaxItems cut the results short; Marker then
	// asks for the next page.
	IsTruncated bool   `json:"IsTruncated"`
	Marker      string `json:"Marker,omitempty"`
}

// EvaluationResult is the result of simulating one action on one resource.
type EvaluationResult struct {
	// EvalActionName is the action as given.
	EvalActionName string `json:"EvalActionName"`
	// EvalResourceName is the resource ARN as given, or "*".
	EvalResourceName string `json:"EvalResourceName"`
	// EvalDecision is allowed, explicitDeny or implicitDeny.
	EvalDecision iameval.Decision `json:"EvalDecision"`
	// MatchedStatements are, for explicitDeny, the Deny statements that
	// matched; for allowed, the Allow statements that carried each policy
	// type the decision needed; empty for implicitDeny.
	MatchedStatements []Statement `json:"MatchedStatements"`
	// MissingContextValues are the context keys that evaluated statements
	// looked up and the request lacked. As in AWS, they are listed here for
	// the resource "*" and under ResourceSpecificResults for an ARN.
	MissingContextValues []string `json:"MissingContextValues"`
	// OrganizationsDecisionDetail is present when SCPs or RCPs were given
	// (iameval extension parameters) and consulted.
	OrganizationsDecisionDetail *OrganizationsDecisionDetail `json:"OrganizationsDecisionDetail,omitempty"`
	// PermissionsBoundaryDecisionDetail is present when a permissions
	// boundary was given and consulted.
	PermissionsBoundaryDecisionDetail *PermissionsBoundaryDecisionDetail `json:"PermissionsBoundaryDecisionDetail,omitempty"`
	// EvalDecisionDetails gives, for a cross-account request, each policy
	// type's own decision, keyed by source policy type ("IAM Policy",
	// "Resource Policy", ...). As in AWS it is empty for a same-account
	// request on a resource ARN and absent for a same-account request on
	// "*".
	EvalDecisionDetails map[string]iameval.Decision `json:"EvalDecisionDetails,omitzero"`
	// ResourceSpecificResults holds, for a resource ARN, the result on that
	// resource; absent for "*".
	ResourceSpecificResults []ResourceSpecificResult `json:"ResourceSpecificResults,omitempty"`
	// IamevalWarnings is an iameval extension: what AWS's Service
	// Authorization Reference (package catalog) says against the pair —
	// an action AWS does not have, a resource ARN that fits none of the
	// action's resource types, an ARN given to an action that takes no
	// resource. The decision is still the policies' own, as the
	// simulator API gives it.
	IamevalWarnings []string `json:"IamevalWarnings,omitempty"`
}

// ResourceSpecificResult is the result of simulating an action on one
// resource ARN.
type ResourceSpecificResult struct {
	EvalResourceName                  string                             `json:"EvalResourceName"`
	EvalResourceDecision              iameval.Decision                   `json:"EvalResourceDecision"`
	MatchedStatements                 []Statement                        `json:"MatchedStatements"`
	MissingContextValues              []string                           `json:"MissingContextValues"`
	EvalDecisionDetails               map[string]iameval.Decision        `json:"EvalDecisionDetails,omitempty"`
	PermissionsBoundaryDecisionDetail *PermissionsBoundaryDecisionDetail `json:"PermissionsBoundaryDecisionDetail,omitempty"`
}

// Statement identifies a statement of an input policy that decided a
// result.
type Statement struct {
	// SourcePolicyID names the input policy: PolicyInputList.N,
	// PermissionsBoundaryPolicyInputList.1, ResourcePolicy,
	// IamevalServiceControlPolicyInputList.LEVEL.N or
	// IamevalResourceControlPolicyInputList.LEVEL.N.
	SourcePolicyID string `json:"SourcePolicyId"`
	// SourcePolicyType is one of the Source* constants.
	SourcePolicyType string `json:"SourcePolicyType"`
	// StartPosition and EndPosition are where the statement is in the
	// policy text, as the simulator reports them (see the package
	// documentation).
	StartPosition Position `json:"StartPosition"`
	EndPosition   Position `json:"EndPosition"`
}

// Position is a place in a policy text: 1-based line and column, in the
// shape of the policy simulator's StartPosition and EndPosition
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Position.html).
// It counts lines as the simulator's JSON reader does, where a lone
// carriage return also starts a line; the module's own diagnostics use
// [diag.Position], which counts line feeds only.
type Position struct {
	Line   int `json:"Line"`
	Column int `json:"Column"`
}

// OrganizationsDecisionDetail says whether the organization's policies
// allowed the request.
type OrganizationsDecisionDetail struct {
	// AllowedByOrganizations is true when no SCP or RCP denied and every
	// SCP level allowed.
	AllowedByOrganizations bool `json:"AllowedByOrganizations"`
}

// PermissionsBoundaryDecisionDetail says whether the permissions boundary
// allowed the request.
type PermissionsBoundaryDecisionDetail struct {
	// AllowedByPermissionsBoundary is true when the boundary allowed the
	// request and did not deny it.
	AllowedByPermissionsBoundary bool `json:"AllowedByPermissionsBoundary"`
}

// The SourcePolicyType values iameval reports. The IAM API's
// PolicySourceType enumeration (user, group, role, aws-managed,
// user-managed, resource, none) is not what the service returns for
// SimulateCustomPolicy: its responses carry "IAM Policy" for
// PolicyInputList entries, "Resource Policy" for ResourcePolicy and
// "Permissions Boundary Policy" for the boundary, which iameval
// reproduces. The SCP and RCP names are iameval's, for its extension
// parameters.
const (
	SourceIAMPolicy                 = "IAM Policy"
	SourceResourcePolicy            = "Resource Policy"
	SourcePermissionsBoundaryPolicy = "Permissions Boundary Policy"
	SourceServiceControlPolicy      = "Service Control Policy"
	SourceResourceControlPolicy     = "Resource Control Policy"
)

// clone returns a copy of d (nil for nil).
func (d *PermissionsBoundaryDecisionDetail) clone() *PermissionsBoundaryDecisionDetail {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}
