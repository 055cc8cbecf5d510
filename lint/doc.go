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
// Codes that Access Analyzer also reports are Access Analyzer's issue
// codes (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html);
// the others are this package's own. [Write] prints findings as text,
// JSON, SARIF 2.1.0 or GitHub Actions workflow commands.
//
// The checks read the document leniently through internal/jsonsrc, apart
// from package policy's strict parse, so that a document with grammar
// errors still gets every other finding.
//
// Import graph: lint imports policy and the internal packages; only the
// command builds on it.
package lint
