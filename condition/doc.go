// Package condition implements the IAM condition language: the Condition
// element of a policy statement, its operators, and the request context the
// operators read.
//
// The package has three parts:
//
//   - Request values. [Value] holds one string (a single-valued context key)
//     or a list of strings (a multivalued key such as aws:TagKeys).
//     [Context] is an immutable, case-insensitive map of context keys;
//     [Layers] stacks several contexts so that caller-supplied keys win over
//     keys derived from the principal. Both implement [Lookup], which is all
//     the evaluator needs, and both satisfy variables.Lookup.
//   - Operators. [ParseOperator] reads the grammar
//     [ForAllValues:|ForAnyValue:]Base[IfExists] into an [Operator].
//   - Compiled conditions. [NewClause] compiles one operator/key/values entry,
//     parsing every policy value for its operator once (numbers, instants,
//     CIDR prefixes, base64, globs, ARN components, ${...} templates);
//     [NewBlock] ANDs clauses into the Condition element, and [Block.Eval]
//     evaluates it against a request without allocating. Passing a [Trace]
//     records why each clause passed or failed; the result never differs.
//
// Semantics follow the IAM User Guide pages "IAM JSON policy elements:
// Condition operators", "Multivalued context keys" and "Single-valued vs.
// multivalued context keys", as summarised in spec/conditions.md of this
// repository: negated operators are true when the key is absent, IfExists
// makes an absent key pass, ForAllValues passes on an absent or empty set and
// ForAnyValue fails, a plain operator on a multivalued request value is
// false, and an unparsable request value makes its pair false.
//
// The package knows no JSON and reports no source positions: policy values
// arrive as text and a malformed one is reported as a [*ValueError] carrying
// its index, which package policy turns into a positioned error.
//
// In the import graph condition sits above package variables and
// internal/wildcard and internal/arn, and below principal, policy and the
// engine.
package condition
