// Package variables parses and expands IAM policy variables: ${key},
// ${key, 'default'} and the fixed ${*}, ${?} and ${$}
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
//
// A policy value is parsed once into a [Template] when the policy is
// compiled; each request only fills it in through a [Lookup], so the
// request path does no parsing. Whether "${" starts a variable at all is
// decided at parse time by the [Mode]: only "Version": "2012-10-17"
// policies substitute variables, and under 2008-10-17 (or with no
// Version) the text is plain ([Literal]).
//
// Text produced by a variable is literal: a "*" in a tag value never acts
// as a wildcard. [Template.AppendPattern] therefore produces an escaped
// glob for internal/wildcard.MatchEscaped, in which the policy's own "*"
// and "?" stay wildcards and everything a variable produced is escaped.
//
// The package sits at the bottom of iameval's import graph: it knows
// nothing of conditions or principals and reads values only through the
// one-method [Lookup] interface, which condition.Context satisfies.
package variables
