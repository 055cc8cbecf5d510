// Package condition implements the IAM condition language: the Condition
// element of a policy statement, its operators, and the request context the
// operators read.
//
// The package has three parts:
//
//   - Request values. [Value] holds one string (a single-valued context key)
//     or a list of strings (a multivalued key such as aws:TagKeys).
//     [Context] is an immutable, case-insensitive map of context keys, built
//     by [NewContext] or a reusable [Builder] (whose SetAll and Set put
//     caller-supplied keys over the keys a principal sets). It implements
//     [Lookup], which is all the evaluator needs, and satisfies
//     variables.Lookup.
//   - Operators. [ParseOperator] reads the grammar
//     [ForAllValues:|ForAnyValue:]Base[IfExists] into an [Operator].
//   - Compiled conditions. [NewClause] compiles one operator/key/values entry,
//     parsing every policy value for its operator once (numbers, instants,
//     CIDR prefixes, base64, globs, ARN components, ${...} templates);
//     [NewBlock] ANDs clauses into the Condition element, and [Block.Eval]
//     evaluates it against a request without allocating. Passing a [Trace]
//     records why each clause passed or failed (a lean one, only the first
//     failing clause and those of unknown truth); the result never differs.
//
// Semantics follow the IAM User Guide pages "IAM JSON policy elements:
// Condition operators", "Multivalued context keys" and "Single-valued vs.
// multivalued context keys", as summarised in https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html of this
// repository: negated operators are true when the key is absent, IfExists
// makes an absent key pass, ForAllValues passes on an absent or empty set and
// ForAnyValue fails, and an unparsable request value makes its pair false.
//
// Where the request does not determine a clause the result is unknown and
// the engine fails closed ([Block.EvalFor]): an Allow statement does not
// apply and a Deny statement does. That covers a key AWS sets on every
// request whose value was not given ([UnknownValue]); a plain operator on a
// multivalued request value, which AWS does not define
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html);
// and ForAnyValue:...IfExists on an absent key, where the IfExists rule
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists)
// and the ForAnyValue rule disagree. [Block.Eval] is the Allow reading.
//
// The package knows no JSON and reports no source positions: policy values
// arrive as text and a malformed one is reported as a [*ValueError] carrying
// its index, which package policy turns into a positioned error.
//
// In the import graph condition sits above package variables and
// internal/wildcard and internal/arn, and below principal, policy and the
// engine.
package condition
