// Package lint validates policy documents the way IAM Access Analyzer's
// policy validation does
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html):
// [Check] returns every finding of a document in one run, each with a
// stable issue code, one of Access Analyzer's four severities (ERROR,
// SECURITY_WARNING, WARNING, SUGGESTION), the exact file:line:col of the
// offending key or value and, where one is known, a fix.
//
// The findings are, together:
//
//   - the grammar errors and warnings of package policy, each given a code
//     ([Rules] lists them all);
//   - checks against AWS's Service Authorization Reference (package
//     catalog): an unknown service or action, with "did you mean
//     s3:GetObject?"; an action pattern that matches no action; an
//     unknown condition key; a key none of the statement's actions
//     supports; an operator of the wrong type for the key (StringEquals on
//     a Date key, IpAddress on a String key); IfExists on a key every
//     request has; ForAllValues with a single-valued key; a resource that
//     matches none of the resource types of the statement's actions; a
//     specific resource on an action that supports only "*";
//   - security warnings: every action on every resource, iam:PassRole on
//     every role without iam:PassedToService, Allow with NotAction,
//     NotResource or NotPrincipal, Principal "*" without a condition in a
//     resource-based policy, and actions that let a principal raise its
//     own permissions allowed on "*" (the list and its sources are in
//     escalation.go);
//   - redundancy: an action or resource listed twice or covered by another
//     entry, a statement another statement covers, an Allow that an
//     unconditional Deny of the same policy cancels, repeated Sids.
//
// Every AWS managed policy validates without an ERROR or a WARNING (a
// test checks it). Where AWS's own policies contradict the reference,
// the reference is taken to be incomplete: a service, action or
// condition key the reference lacks but a managed policy uses is only a
// suggestion (NOT_IN_REFERENCE), and so are the resource-type and
// wildcard-only checks, which the reference's ARN formats and
// resource lists make unreliable (AWS's managed policies trip them
// hundreds of times). Likewise, string operators on ARN and Bool keys
// and ARN operators on String keys are accepted, as AWS's own policies
// use them.
//
// Codes that Access Analyzer also reports are Access Analyzer's issue
// codes (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html);
// the others are this package's own. [Write] prints findings as text,
// JSON, SARIF 2.1.0 or GitHub Actions workflow commands.
//
// The checks read the document leniently through internal/jsonsrc, apart
// from package policy's strict parse, so that a document with grammar
// errors still gets every other finding.
//
// Import graph: lint imports catalog, managed, policy, condition and the
// internal packages; only the command builds on it.
package lint
