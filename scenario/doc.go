// Package scenario loads and runs scenario files: authorization unit tests
// written as JSON, each a set of policies plus cases that name a principal,
// an action, a resource, a request context and the decision AWS would reach.
// The format is a public contract, summarised below; `iameval test` runs
// these files, and [Load] lets the same files drive `go test` in any
// project.
//
// A file is an object
//
//	{"name": "...", "policies": POLICY SET, "principal": PRINCIPAL, "cases": [CASE, ...]}
//
// or a bare array of CASEs. A POLICY SET has the optional keys identity,
// session, permissionsBoundary, resource, scp, rcp and vpcEndpoint; a
// POLICY is a document object, a JSON string holding the document,
// {"file": "relative.json"}, or {"id": "Name", "document": ...} /
// {"id": "Name", "file": ...}. Without an id a policy is named by its type
// and place: identity[2], scp[0][1], permissionsBoundary. A case's
// "policies" replaces the file's set key by key, and a key set to null
// removes the file's policies of that type; an empty list is the same as an
// absent key. A PRINCIPAL is an ARN string (see [principal.Parse]) or an
// object with "type" and that type's facts, which map onto the
// constructors of package principal:
//
//	Root           account, partition, assumedRoot, temporary, issueTime, mfa, mfaAge
//	IAMUser        arn, id, tags, temporary, issueTime, mfa, mfaAge
//	FederatedUser  account, partition, name, userArn, userId, userTags, sessionTags, issueTime
//	AssumedRole    roleArn, roleId, sessionName, sourceIdentity, tags, inheritedTags,
//	               sessionTags, transitiveTagKeys, issueTime, mfa, mfaAge
//	WebIdentity    roleArn, roleId, sessionName, provider, claims, tags,
//	               sessionTags, transitiveTagKeys, issueTime
//	SAML           roleArn, roleId, sessionName, provider, attributes, tags,
//	               sessionTags, transitiveTagKeys, issueTime
//	Service        service
//	Anonymous      (none)
//
// A case may also give "s3BlockPublicAccess", an extension of the format:
//
//	{"account": {"restrictPublicBuckets": true}, "bucket": {...}, "accessPoint": {...}}
//
// each level an object of the four S3 settings blockPublicAcls,
// ignorePublicAcls, blockPublicPolicy and restrictPublicBuckets (booleans,
// absent is false); see iameval.S3BlockPublicAccess.
//
// Session tags have one spelling for every session kind: "sessionTags" (tag
// key to value) and "transitiveTagKeys", as the AssumeRole parameters
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// The forms the credentials carry them in are accepted too: a web
// identity token's claims."https://aws.amazon.com/tags", a SAML
// assertion's PrincipalTag and TransitiveTagKeys attributes, and
// "tags" for a FederatedUser's session tags; give each session's tags one
// way only. For a role session, "tags" are the role's tags, which session
// tags override; for an IAMUser, the user's tags. issueTime is an RFC 3339
// time and mfaAge a number of seconds.
//
// Loading is strict, because a typo must never turn a test off: unknown
// keys anywhere (a misspelt "expect"), repeated keys, values of the wrong
// type, a missing principal, action or resource, invalid policies and
// requests the engine rejects are all reported by [Load] as a
// [diag.ErrorList] holding every problem, each positioned as
// file:line:col. Policies embedded in the scenario file, as objects or as
// JSON strings, are positioned in the scenario file's own coordinates.
// errors.Is tells the file's own problems, of this package's kinds
// ([ErrUnknownKey], [ErrMissing], ...), from a policy's, which keep package
// policy's kinds (policy.ErrUnknownElement, ...).
// One bad case does not hide the others: [Load] still returns the File,
// where a case with problems carries them in [Case.Err] and problems
// outside any case are in [File.Errors].
//
// [File.Run] evaluates every case with [iameval.Explain] and returns a
// [Report], which marshals to the `iameval test --json` document:
//
//	{"results": [{"file", "case", "decision", "expect", "pass", "explanation", "line", "column"}, ...],
//	 "passed": N, "failed": N, "errors": N}
//
// An explanation lists at most [ReportListLimit] deciding statements and
// missing context keys, and counts the rest. [Files.RunEach] loads and
// runs a file case by case, handing on each result as it comes and
// keeping no case, for files of any number of cases.
//
// A case without "expect" is evaluated and reported, counted as passed,
// and never fails. A case or file that could not run is an error result
// with "decision": null and an "error" object. [Report.WriteJUnit] writes
// the same results as JUnit XML.
//
// [MeasureCoverage] is unit-test coverage for policies: over the cases of
// a suite it reports which statements and which condition clauses decided
// at least one case (see [Coverage] for the precise rule), the report that
// `iameval test --coverage` prints.
//
// # Scenarios over an account
//
// An iameval extension of the format: a top-level "accounts" object,
//
//	"accounts": {"exports": ["export.json"], "resourcePolicies": ["policies.json"], "organizations": ["org.json"]}
//
// names outputs of `aws iam get-account-authorization-details` and the
// optional inputs of package account, relative to the scenario file. A
// principal ARN may then name any user or role of the exports (a role ARN
// stands for a session of the role), and each case's POLICY SET starts
// from what the accounts give its request: the principal's identity
// policies, boundary and SCPs, the resource's policy (a role's trust
// policy) and the RCPs of the resource's account. The file's and the
// case's "policies" replace those key by key. Files without "accounts"
// read as before.
//
// In the import graph scenario sits above the engine (package iameval) and
// the packages below it, and below cmd/iameval and iamtest.
package scenario
