// Package policy parses, validates and compiles AWS IAM policy documents and
// decides, one statement at a time, whether a policy applies to a request.
//
// [Parse] reads a JSON policy document strictly (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): duplicate keys, unknown or mis-cased element names, wrong value
// types, empty strings and lists, unsupported versions, unknown condition
// operators, malformed condition values and elements the policy [Type]
// does not allow are all reported, each with a file, line and column, in one
// sorted [diag.ErrorList]. Findings that AWS accepts but that are likely mistakes
// are kept apart as warnings ([Policy.Warnings]). A policy that fails
// validation is never returned, so it can never be evaluated.
// [CheckString] reports the same problems and warnings without keeping
// the compiled policy, for validators.
//
// The compiled [Policy] is immutable and safe for concurrent use. It keeps
// no JSON values, only compiled forms (whose strings may share the memory
// of a private copy of the text): actions are lower-cased and split into a
// service prefix and a glob, resources are split into ARN segments with the
// resource part held as a glob or, when it uses policy variables, as a
// [variables.Template] (variables in the partition, region and account are
// substituted too, as AWS's own managed policies rely on, although the IAM
// User Guide allows them only after the fifth colon:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html,
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonTimestreamInfluxDBServiceRolePolicy.html;
// a colon inside ${...} does not split the ARN), conditions are a [condition.Block], and principals
// are sorted into account, ARN, unique-ID, federated, service and canonical
// entries.
//
// [Policy.Eval] matches every statement against a prepared [Request]
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html) and reports which effects apply in an
// [Outcome]. It does not combine policy types into a decision; that is the
// job of the root package iameval. Without a [Recorder] it uses an index
// built at compile time (by literal resource prefix, and by service prefix
// with a bit mask of each statement's literal actions), stops as soon as
// the outcome cannot change, and does not allocate for statements without
// policy variables. With a Recorder it visits and reports every statement;
// the Outcome is the same either way. A [BriefRecorder] gets the text of a
// result (why a statement did not match, its condition clauses) only
// where there is a missing key or an unknown clause to report, and then
// with a lean condition trace (the first failing clause and those of
// unknown truth); [Statement.Explain] gives any statement's full result
// later, [Statement.ExplainLean] the one a BriefRecorder would get.
//
// Statement indexes are 0-based everywhere: in [Statement.Index] and in the
// paths of errors (Statement[0].Effect).
//
// # Choices where the AWS documentation is silent
//
//   - An Id element in an identity, session or boundary policy is a warning,
//     not an error: the Id page says it is not allowed there, but it never
//     affects a decision.
//   - A resource-based policy must name principals; its statements may omit
//     Resource and then cover the resource the policy is attached to. VPC
//     endpoint policies must name principals and resources. An RCP accepts
//     "*" and {"AWS": "*"} as its Principal.
//   - An ARN's service segment is compared literally, except that a segment
//     of exactly "*" matches every service (needed for "arn:*", which is
//     padded to six parts).
//   - A request resource that is neither "*" nor an ARN is matched only by a
//     "*" Resource entry.
//   - AWS principal entries that are neither "*", an account ID, an ARN nor
//     a unique ID are errors; ARNs with wildcards are warned about and
//     match nothing. CanonicalUser entries match nothing, because a caller's
//     canonical ID is not among its facts.
//   - A NotPrincipal element exempts a caller only when it lists every
//     identity of the caller (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html); a Federated or
//     Service entry covers the caller itself, and the IAM user behind a
//     federated user is not one of its identities. An Allow statement with
//     NotPrincipal, which AWS no longer supports and documents as granting
//     "all principals except the one(s) specified", fails closed the other
//     way: it does not apply to a caller when any one of its identities
//     (its own ARN or ID, its role, the IAM user behind a federated user,
//     its account) is listed
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
//   - Statement positions are those of the opening and the closing brace.
//
// The document is read by internal/jsonsrc, the project's one JSON
// reader: it validates the text (positioning syntax errors), and its
// strict walker reports unknown and repeated keys, which this package
// words as policy errors.
//
// Import graph: policy imports condition, variables, principal and the
// internal packages; the root package iameval, scenario and the command
// build on it.
package policy
