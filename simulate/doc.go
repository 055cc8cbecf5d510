// Package simulate is an offline stand-in for the AWS IAM policy simulator:
// it reads the input of `aws iam simulate-custom-policy --cli-input-json`
// (the SimulateCustomPolicy request of the IAM API), evaluates every action
// on every resource with the iameval engine, and returns the response the
// simulator returns, in its JSON shape.
//
//	in, err := simulate.ParseInput(doc, "input.json") // positioned errors
//	resp, err := simulate.Simulate(in)
//	out, _ := json.MarshalIndent(resp, "", "    ")
//
// # Input
//
// The parameters are those of SimulateCustomPolicy (botocore
// data/iam/2010-05-08/service-2.json, SimulateCustomPolicyRequest):
// PolicyInputList (required, identity policies as JSON strings),
// PermissionsBoundaryPolicyInputList (at most one boundary), ActionNames
// (required, no wildcards), ResourceArns (default ["*"]), ResourcePolicy,
// ResourceOwner, CallerArn, ContextEntries, ResourceHandlingOption,
// MaxItems and Marker. Names are case-sensitive; an unknown or repeated
// key, a value of the wrong type, an empty string for an optional
// parameter, and every invalid policy, action, resource, caller or context
// value is an error positioned in the document (file:line:col). A problem
// inside a policy string is positioned twice: in the document, at the
// character or escape sequence it was read from, and in the policy text
// (PolicyInputList.1:3:18), as the simulator counts lines and columns.
// The errors are a [diag.ErrorList] of this package's kinds ([ErrUnknownKey],
// [ErrPolicy], ...); an [ErrPolicy] problem's Cause is package policy's
// error. [Position], the StartPosition and EndPosition of a statement in
// the simulator's response, keeps AWS's shape (line and column only).
// Policy texts may hold only tab, line feed, carriage return and U+0020 to
// U+00FF, the character set the IAM API accepts.
//
// ContextEntries take every ContextKeyType of the API: string, numeric,
// boolean, ip, binary and date, and their List forms. A single-valued type
// takes exactly one value; a List type makes the key multivalued (an empty
// list leaves the key out). Values are checked the way the condition
// operators read them: numbers as decimals, booleans as true or false,
// ip as one IPv4 or IPv6 address (not a CIDR block), binary as base64,
// date as ISO 8601 or epoch seconds. An aws:CurrentTime or aws:EpochTime
// entry also sets the time of the request, so that the other of the two
// keys agrees with it.
//
// # Output
//
// [Simulate] returns one EvaluationResult per action and resource (actions
// in the order given, each over the resources in the order given):
//
//   - EvalDecision is allowed, explicitDeny or implicitDeny.
//   - MatchedStatements lists, for explicitDeny, the Deny statements that
//     matched and, for allowed, the Allow statements that carried each
//     policy type the decision needed (the identity-policy or
//     resource-policy statement that granted, and the boundary statement
//     and each SCP level's statement that let it through); it is empty
//     for implicitDeny. SourcePolicyId is the simulator's name of the input:
//     PolicyInputList.N (1-based), PermissionsBoundaryPolicyInputList.1 or
//     ResourcePolicy. SourcePolicyType is "IAM Policy", "Resource Policy"
//     or "Permissions Boundary Policy", the values the service returns
//     (not the PolicySourceType enumeration of the API model).
//   - StartPosition and EndPosition are 1-based lines and columns in the
//     policy text, where the simulator's JSON reader stands: EndPosition
//     just after the statement's closing brace; StartPosition just after
//     the "[" of the Statement list for the first statement, just after
//     the previous statement's closing brace for the others, and just
//     after the opening brace when Statement is a single object. For
//     {"Version":"2012-10-17","Statement":{...}} on one line that is Column
//     38 to one past the last brace, as in the AWS CLI reference example.
//   - Keys AWS sets on every request (aws:SecureTransport, aws:SourceIp,
//     aws:RequestedRegion, aws:UserAgent) that ContextEntries does not give
//     are unknown: a condition on them makes an Allow not apply and a Deny
//     apply. With Input.MirrorSimulator they are absent, as in the
//     simulator (iameval.RequestInput.UnsuppliedAbsent).
//   - MissingContextValues lists the context keys that evaluated
//     statements looked up and the request did not carry. As in AWS it is
//     filled for the resource "*"; for a resource ARN it is empty and the
//     keys are in the ResourceSpecificResults entry of that resource.
//   - PermissionsBoundaryDecisionDetail is present when a boundary was
//     given and applied to the caller.
//   - EvalDecisionDetails gives each policy type's own decision for a
//     cross-account request ("IAM Policy", "Resource Policy", ...; the
//     resource side is implicitDeny when there is no resource policy); as
//     in AWS it is empty for a same-account request on a resource ARN and
//     absent for a same-account request on "*".
//   - ResourceSpecificResults holds, for a resource ARN, the result on
//     that resource.
//   - IsTruncated is false: every result is returned.
//
// # Where iameval goes further than the simulator
//
// Decisions follow the runtime evaluation logic of AWS
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html), reported in the simulator's vocabulary:
//
//   - CallerArn may be any principal iameval reads (principal.Parse): the
//     root user, an IAM user, a role session
//     (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), a federated user,
//     a service principal, "*" or "anonymous". AWS accepts only an IAM
//     user ARN. The principal-derived keys (aws:PrincipalArn,
//     aws:username, aws:userid when known, aws:PrincipalType, ...) are set
//     from it.
//   - Cross-account requests are evaluated as AWS evaluates them at run
//     time: the caller's account and the resource's account must both
//     allow. The resource's account is the one in its ARN, else
//     ResourceOwner, else the caller's.
//   - A ResourcePolicy is evaluated for every resource, also a role's
//     trust policy for sts:AssumeRole on a role ARN, which the simulator
//     does not simulate.
//   - Two extension parameters give organization policies:
//     IamevalServiceControlPolicyInputList (the SCPs of the caller's
//     account) and IamevalResourceControlPolicyInputList (the RCPs of the
//     resource owner's account), each a list of organization levels from
//     the root down to the account, each level a list of policy strings.
//     Their statements are named IamevalServiceControlPolicyInputList.L.N
//     ("Service Control Policy") and
//     IamevalResourceControlPolicyInputList.L.N ("Resource Control
//     Policy"), and OrganizationsDecisionDetail reports them. SCPs with
//     global condition keys are evaluated like any other (the simulator
//     skips them).
//
// # Where iameval differs from the simulator
//
//   - Without CallerArn the caller is the IAM user
//     arn:PARTITION:iam::ACCOUNT:user/iameval-simulated-caller
//     ([DefaultCallerName]) of the account that owns each resource (the
//     account in the ARN, else ResourceOwner, else [DefaultAccount]), so
//     every request is same-account, as in the simulator. Its derived keys
//     are set: ${aws:username} expands to iameval-simulated-caller where
//     the simulator reports aws:username as a missing context value. Give
//     CallerArn, or ContextEntries for those keys, when that matters.
//   - A ResourcePolicy needs CallerArn, as in AWS; a resource policy that
//     does not fit a resource is not rejected.
//   - ResourceHandlingOption is checked (one of the four EC2-VPC scenarios)
//     and requires ResourceArns to hold the EC2 resources its scenario
//     lists; each action and resource is still evaluated on its own.
//   - MaxItems (1 to 1000) and Marker page the results as the IAM API
//     does (IsTruncated, Marker); without MaxItems every result is
//     returned, as the AWS CLI prints them, where the API would stop at
//     100. A Marker is the index of the next result.
//   - ContextKeyType is required, and a single-valued type takes exactly
//     one value.
//   - MatchedStatements of an explicitDeny lists only the Deny statements,
//     as the API documentation says; recorded simulator responses
//     sometimes also list the identity-policy Allow next to a
//     resource-policy Deny.
//   - OrganizationsDecisionDetail appears only with the extension
//     parameters: SimulateCustomPolicy has no organization input.
package simulate
