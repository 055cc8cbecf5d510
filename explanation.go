package iameval

import (
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// Explanation says why a request got its decision. It is plain data: every
// field is exported, carries a JSON tag and has a stable JSON form (the
// `explanation` object of `iameval test --json`); empty lists are nil and
// omitted. [Explain] returns it; [Explanation.String] renders it as text.
//
// The JSON form:
//
//	{
//	  "decision": "implicitDeny" | "explicitDeny" | "allowed",
//	  "reason": "...",                       // fixed outcomes and invalid input only
//	  "unknownAction": "...",                // implicitDeny of an action AWS does not have (ExplainOptions.CheckAction)
//	  "request": {"principal": "...", "principalType": "IAMUser", "action": "...",
//	              "resource": "...", "resourceAccount": "...", "unsigned": true},
//	  "deciding": [StatementRef...],         // explicitDeny: the matching Deny statements;
//	                                         // allowed: the Allow statements that carried each required type
//	  "decidingMore": 12,                    // deciding statements ExplainOptions.ListLimit left out
//	  "missingAllow": ["identity", ...],     // implicitDeny: the policy types that lacked an allow
//	  "closest": [NearMiss...],              // implicitDeny: the allows that came closest, best first
//	  "missingKeys": ["aws:SourceIp", ...],  // keys evaluated statements looked up and the request lacks
//	  "missingKeysMore": 12,                 // missing keys ExplainOptions.ListLimit left out
//	  "unknown": ["...", ...],               // condition clauses whose truth the request does not determine
//	  "withheld": ["...", ...],              // grants a rule beyond the policies withheld
//	  "types": [TypeDetail...],              // per policy type: its own decision (EvalDecisionDetails)
//	  "skipped": [Skipped...],               // policy types given but not consulted, and why
//	  "allowedByOrganizations": true,        // present when SCPs or RCPs were consulted
//	  "allowedByPermissionsBoundary": true,  // present when a permissions boundary was consulted
//	  "statements": [EvaluatedStatement...]  // ExplainWith(..., ExplainOptions{Statements: true}) only
//	}
type Explanation struct {
	// Decision is the decision; it always equals what [Evaluate] returns.
	Decision Decision `json:"decision"`
	// Reason explains a decision fixed before any policy is read
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, and the refusals AWS enforces whatever the
	// policies say, naming the rule and its AWS page), an sts:AssumeRoot
	// session refused for want of a task policy, or a request or policy
	// set that cannot be evaluated.
	Reason string `json:"reason,omitempty"`
	// UnknownAction says, for an implicit deny, that the requested action
	// is not one of AWS's ("s3:GetObjcet is not an action of Amazon S3
	// (did you mean s3:GetObject?)"); AWS never grants it. Only
	// [ExplainWith] with [ExplainOptions].CheckAction fills it.
	UnknownAction string `json:"unknownAction,omitempty"`
	// Request summarises the request.
	Request RequestSummary `json:"request"`
	// Deciding lists, for explicitDeny, every Deny statement that matched;
	// for allowed, the Allow statements that carried each policy type the
	// decision needed (like the simulator's MatchedStatements).
	Deciding []StatementRef `json:"deciding,omitempty"`
	// DecidingMore counts the deciding statements that
	// [ExplainOptions].ListLimit left out of Deciding.
	DecidingMore int `json:"decidingMore,omitempty"`
	// MissingAllow lists, for implicitDeny, the policy types whose allow
	// was missing, in policy-type order: "identity", "session",
	// "permissionsBoundary", "resource", "scp", "vpcEndpoint".
	MissingAllow []policy.Type `json:"missingAllow,omitempty"`
	// Closest lists, for implicitDeny, the Allow statements of the types in
	// MissingAllow that came closest to applying, best first (at most
	// [MaxClosest]).
	Closest []NearMiss `json:"closest,omitempty"`
	// MissingKeys lists the context keys that evaluated statements looked up
	// (in conditions and policy variables) and the request did not carry,
	// spelled as in the first policy that used them, sorted ignoring case
	// (the simulator's MissingContextValues).
	MissingKeys []string `json:"missingKeys,omitempty"`
	// MissingKeysMore counts the missing keys that
	// [ExplainOptions].ListLimit left out of MissingKeys.
	MissingKeysMore int `json:"missingKeysMore,omitempty"`
	// Unknown lists, one sentence each, the condition clauses whose truth
	// the request does not determine, with the statement they belong to
	// and what to supply: a key AWS sets on every request that was not
	// given, a plain operator on a multivalued value, ForAnyValue:...IfExists
	// on an absent key. Such a clause made its Allow statement not apply
	// and its Deny statement apply (condition.Block.EvalFor).
	Unknown []string `json:"unknown,omitempty"`
	// Withheld lists, one sentence each, the grants that a rule AWS
	// enforces beyond the policies withheld from this request, naming the
	// rule and its AWS page (S3 Block Public Access RestrictPublicBuckets).
	Withheld []string `json:"withheld,omitempty"`
	// Types gives each consulted policy type's own decision, in
	// policy-type order (the simulator's EvalDecisionDetails).
	Types []TypeDetail `json:"types,omitempty"`
	// Skipped lists the policy types the set holds that the request does
	// not consult, with the rule that excludes them.
	Skipped []Skipped `json:"skipped,omitempty"`
	// AllowedByOrganizations is set when SCPs or RCPs were consulted: true
	// when no SCP or RCP denied and every SCP level allowed (the
	// simulator's OrganizationsDecisionDetail).
	AllowedByOrganizations *bool `json:"allowedByOrganizations,omitempty"`
	// AllowedByPermissionsBoundary is set when a permissions boundary was
	// consulted: true when it allowed and did not deny (the simulator's
	// PermissionsBoundaryDecisionDetail).
	AllowedByPermissionsBoundary *bool `json:"allowedByPermissionsBoundary,omitempty"`
	// Statements lists every statement the evaluation consulted, in
	// evaluation order (policy type by policy type, document order within
	// a policy), with its match and condition results. Only [ExplainWith]
	// with [ExplainOptions].Statements fills it; [Explain] leaves it nil,
	// so it is absent from the JSON form. The text form does not show it
	// ([EvaluatedStatement.String] renders one entry).
	Statements []EvaluatedStatement `json:"statements,omitempty"`
}

// MaxClosest is the most statements [Explanation].Closest lists.
const MaxClosest = 5

// RequestSummary identifies the request an [Explanation] is about.
type RequestSummary struct {
	// Principal is the caller's ARN (the service name for a service
	// principal, "" for an anonymous caller).
	Principal string `json:"principal"`
	// PrincipalType is the principal's kind: "IAMUser", "AssumedRole", ...
	PrincipalType string `json:"principalType"`
	// Action is the action as given.
	Action string `json:"action"`
	// Resource is the resource ARN or "*".
	Resource string `json:"resource"`
	// ResourceAccount is the account that owns the resource.
	ResourceAccount string `json:"resourceAccount"`
	// Unsigned is true for the unsigned AssumeRoleWithWebIdentity /
	// AssumeRoleWithSAML call of a token or assertion holder.
	Unsigned bool `json:"unsigned,omitempty"`
}

// StatementRef identifies one statement of one policy.
type StatementRef struct {
	// PolicyID is the policy's id ("AdminAccess", "identity[2]").
	PolicyID string `json:"policyId"`
	// PolicyType is where the policy is attached.
	PolicyType policy.Type `json:"policyType"`
	// Level is the organization level of an SCP or RCP, counted from 1 at
	// the organization root; 0 (omitted) for other types.
	Level int `json:"level,omitempty"`
	// Index is the statement's 0-based index in the policy.
	Index int `json:"index"`
	// Sid is the statement's Sid, if any.
	Sid string `json:"sid,omitempty"`
	// Effect is "Allow" or "Deny".
	Effect policy.Effect `json:"effect"`
	// Pos is where the statement starts; End where it ends. Both give
	// file, line and column (column counted in characters), without a
	// byte offset (see [diag.Position.LineColumn]).
	Pos diag.Position `json:"pos"`
	End diag.Position `json:"end"`
}

// NearMiss is an Allow statement that did not apply, with the element that
// stopped it. Statements rank by how far matching got: a failed Condition
// is closer than a failed Resource, then Action, then Principal.
type NearMiss struct {
	StatementRef
	// Failed is the element that did not match: "Principal", "Action",
	// "Resource" or "Condition".
	Failed string `json:"failed"`
	// Detail says why, e.g. `action "s3:PutObject" not in Action`.
	Detail string `json:"detail,omitempty"`
	// At is where the failed element is written: the key of the first
	// failing condition clause when Failed is "Condition", else the key of
	// the failed element ("Action", "NotResource", ...), or the statement's
	// start when that element is absent.
	At diag.Position `json:"at"`
	// MissingKeys are the context keys the statement looked up and the
	// request lacks, in the order it looked them up.
	MissingKeys []string `json:"missingKeys,omitempty"`
	// MissingKeysMore counts the missing keys that
	// [ExplainOptions].ListLimit left out of MissingKeys.
	MissingKeysMore int `json:"missingKeysMore,omitempty"`
}

// TypeDetail is one consulted policy type's own decision: explicitDeny when
// one of its Deny statements matched; allowed when it allowed (for SCP
// levels and VPC endpoint policies: every level or policy allowed; RCPs, to
// which RCPFullAWSAccess is always attached, allow unless they deny);
// implicitDeny otherwise.
type TypeDetail struct {
	Type     policy.Type `json:"type"`
	Decision Decision    `json:"decision"`
	// Levels gives each SCP or RCP level's decision, root first.
	Levels []Decision `json:"levels,omitempty"`
}

// Skipped is a policy type the set holds that the request does not consult.
type Skipped struct {
	Type   policy.Type `json:"type"`
	Reason string      `json:"reason"`
}

// ExplainOptions switches on optional parts of an [Explanation]. The zero
// value gives what [Explain] returns.
type ExplainOptions struct {
	// Statements fills [Explanation].Statements: every statement the
	// evaluation consulted, how far it matched, its condition clause
	// results and, for a statement that only its Condition kept from
	// applying, the decision the request would have got had it applied.
	// Each such statement costs one more evaluation of the request.
	Statements bool
	// CheckAction, when set, is asked about the requested action when the
	// decision is an implicit deny: it returns "" for an action AWS has,
	// else a sentence such as "s3:GetObjcet is not an action of Amazon S3
	// (did you mean s3:GetObject?)", which fills [Explanation].UnknownAction.
	// Package catalog's Catalog.CheckAction is one; the engine does not
	// import the catalogue itself, so that programs that only evaluate stay
	// small.
	CheckAction func(action string) string
	// ListLimit, when positive, keeps at most that many entries in
	// Deciding and in the MissingKeys of the explanation and of each of
	// its Closest (the first ones) and counts the others in DecidingMore
	// and MissingKeysMore: what a summary shows
	// ([Explanation.String] lists [TextListLimit] of each), without lists
	// of 100,000 statements or keys for a hostile policy (issue 15).
	ListLimit int
}

// EvaluatedStatement is how one consulted statement fared: whether it
// applied, which element stopped it, the result of each condition clause
// when its Condition was evaluated, and what the decision would have been
// had it applied.
type EvaluatedStatement struct {
	StatementRef
	// Applies reports whether every element of the statement matched.
	Applies bool `json:"applies"`
	// Failed is the first element that did not match: "Principal",
	// "Action", "Resource" or "Condition"; "" when the statement applies.
	Failed string `json:"failed,omitempty"`
	// Detail says why it failed, as in [NearMiss].
	Detail string `json:"detail,omitempty"`
	// Clauses are the results of the statement's condition clauses, in
	// policy order, when its Condition was evaluated (Principal, Action and
	// Resource matched); every clause is evaluated, not only up to the
	// first that fails.
	Clauses []ClauseResult `json:"clauses,omitempty"`
	// IfApplied is set for a statement that Failed at its Condition: the
	// decision the request would have got had the statement applied, all
	// else equal. It differs from the Explanation's Decision exactly when
	// the statement's Condition is what kept the decision from changing.
	IfApplied *Decision `json:"ifApplied,omitempty"`
}

// ClauseResult is the result of one condition clause: one operator and
// condition key of a statement's Condition element.
type ClauseResult struct {
	// Index is the clause's 0-based place in the Condition element, in
	// source order: operator by operator, key by key.
	Index int `json:"index"`
	// Operator is the operator in its canonical spelling
	// ("ForAnyValue:StringLike").
	Operator string `json:"operator"`
	// Key is the condition key as written in the policy.
	Key string `json:"key"`
	// Values are the policy values; RequestValues the request's, nil when
	// the key is absent.
	Values        []string `json:"values,omitempty"`
	RequestValues []string `json:"requestValues,omitempty"`
	// Passed reports whether the clause held.
	Passed bool `json:"passed"`
	// Missing reports whether the key was absent from the request.
	Missing bool `json:"missing,omitempty"`
	// Unknown reports that the request does not determine the clause: a
	// key AWS sets on every request was not given, a plain operator met a
	// multivalued value, or ForAnyValue:...IfExists met an absent key. The
	// clause then holds for a Deny statement and fails for an Allow.
	Unknown bool `json:"unknown,omitempty"`
	// Reason names the rule that decided, in words.
	Reason string `json:"reason,omitempty"`
}
