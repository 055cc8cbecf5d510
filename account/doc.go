// Package account loads the state of AWS accounts as IAM exports it and
// answers questions over it offline: who can do an action on a resource
// ([Accounts.WhoCan]), what a principal can do ([Accounts.Can]) and which
// roles a principal can become ([Accounts.Reach]).
//
// The main input is the output of
//
//	aws iam get-account-authorization-details > export.json
//
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html):
// users, groups, roles, their inline policies, attached managed policies,
// permissions boundaries, tags and trust policies, and every managed
// policy with its versions. Policy documents may be JSON objects, as the
// AWS CLI and SDKs print them, or strings URL-encoded as the IAM API
// returns them. Pages of one export (--max-items / --starting-token, or
// the raw API's Marker) and the exports of several accounts are loaded
// together. Members the loader does not use are skipped, since AWS adds
// fields to this output over time.
//
// Each user's identity policies are its inline policies, its attached
// managed policies and each of its groups' inline and attached policies;
// a role's are its inline and attached policies
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html).
// Only the default version of a managed policy takes part. An attached
// AWS managed policy missing from the exports is taken from
// [Options].AWSManaged; any other missing policy or group is an error
// positioned where it is referenced.
//
// Optional inputs add resource-based policies ([Loader.AddResourcePolicies],
// [Loader.AddResourcePolicyDir]; a bucket's policy also governs its
// objects) and the organization's SCPs and RCPs with each account's place
// in the organization ([Loader.AddOrganization]).
//
// Can and Reach bound their work ([CanBudget], [ReachBudget]); past the
// bound they report what they could not decide ([Result.Unchecked],
// [Step.Undecided]) rather than leave it out.
//
// Every problem of every input is reported at once (up to
// [diag.MaxErrors], the last one counting the rest), positioned
// (file:line:col), as a [diag.ErrorList]. A problem inside a policy
// written as a string is reported at the string, with its line and column
// inside the decoded text. An input's own problems have this package's
// kinds ([ErrMissing], [ErrValue], ...); a policy's keep package policy's.
//
// A role is evaluated as a session of it, named [SessionName]: roles act
// only through sessions
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html).
package account
