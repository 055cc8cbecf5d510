package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/variables"
)

// evalCase is one clause evaluated against one request.
type evalCase struct {
	name string
	op   string
	vals []string
	req  any // nil: key absent; string: single value; []string: multivalued
	want bool
	why  string
	mode variables.Mode // zero: Substitute (Version 2012-10-17)
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := mustClause(t, tc.op, testKey, tc.mode, tc.vals...)
			l := requestContext(t, tc.req)
			b := NewBlock([]Clause{c})
			assert.Equal(t, tc.want, b.Eval(l, nil), "%s %v on %#v: %s", tc.op, tc.vals, tc.req, tc.why)
			var tr Trace
			assert.Equal(t, tc.want, b.Eval(l, &tr), "traced result differs: %s", tc.why)
			if assert.Len(t, tr.Clauses, 1) {
				assert.Equal(t, tc.want, tr.Clauses[0].Passed)
				list, isList := tc.req.([]string)
				assert.Equal(t, tc.req == nil || (isList && len(list) == 0), tr.Clauses[0].Missing, "reference_policies_elements_condition_operators.md: an empty list is absent")
				assert.NotEmpty(t, tr.Clauses[0].Reason)
			}
		})
	}
}

func TestEvalString(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"equals/match", "StringEquals", []string{"abc"}, "abc", true, "reference_policies_elements_condition_operators.md: StringEquals is exact", 0},
		{"equals/caseSensitive", "StringEquals", []string{"abc"}, "ABC", false, "reference_policies_elements_condition_operators.md: StringEquals is case-sensitive", 0},
		{"equals/starIsLiteral", "StringEquals", []string{"a*"}, "abc", false, "reference_policies_elements_condition_operators.md: no wildcards in StringEquals", 0},
		{"equals/literalStar", "StringEquals", []string{"a*"}, "a*", true, "reference_policies_elements_condition_operators.md: * is an ordinary character in StringEquals", 0},
		{"equals/valuesORed", "StringEquals", []string{"x", "abc"}, "abc", true, "reference_policies_multi-value-conditions.md: values of one key are ORed", 0},
		{"equals/noValueMatches", "StringEquals", []string{"x", "y"}, "abc", false, "reference_policies_multi-value-conditions.md: OR of false pairs", 0},
		{"equals/emptyString", "StringEquals", []string{""}, "", true, "reference_policies_elements_condition_operators.md: for plain operators \"\" is an ordinary value", 0},
		{"equals/absent", "StringEquals", []string{"abc"}, nil, false, "reference_policies_elements_condition_operators.md: positive operator on an absent key is false", 0},
		{"equals/multivalued", "StringEquals", []string{"abc"}, []string{"abc"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: plain operator on a list is false", 0},
		{"equalsIfExists/absent", "StringEqualsIfExists", []string{"abc"}, nil, true, "reference_policies_elements_condition_operators.md: IfExists passes an absent key", 0},
		{"equalsIfExists/present", "StringEqualsIfExists", []string{"abc"}, "x", false, "reference_policies_elements_condition_operators.md: IfExists on a present key compares", 0},
		{"equalsIfExists/match", "StringEqualsIfExists", []string{"abc"}, "abc", true, "reference_policies_elements_condition_operators.md: IfExists on a present key compares", 0},
		{"equalsIfExists/multivalued", "StringEqualsIfExists", []string{"abc"}, []string{"abc"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: false whatever the operator, IfExists included", 0},
		{"notEquals/none", "StringNotEquals", []string{"x", "y"}, "z", true, "reference_policies_multi-value-conditions.md: negated = matches none of the values", 0},
		{"notEquals/one", "StringNotEquals", []string{"x", "y"}, "y", false, "reference_policies_multi-value-conditions.md: negated fails when any value matches", 0},
		{"notEquals/absent", "StringNotEquals", []string{"x"}, nil, true, "reference_policies_elements_condition_operators.md: negated operator on an absent key is true", 0},
		{"notEquals/multivalued", "StringNotEquals", []string{"x"}, []string{"z"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: negated plain operator on a list is false too", 0},
		{"notEqualsIfExists/multivalued", "StringNotEqualsIfExists", []string{"x"}, []string{"z"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: IfExists does not rescue a list", 0},
		{"ignoreCase/match", "StringEqualsIgnoreCase", []string{"ABC"}, "abc", true, "reference_policies_elements_condition_operators.md: equal ignoring case", 0},
		{"ignoreCase/unicodeSimpleFold", "StringEqualsIgnoreCase", []string{"ΣΑΣ"}, "σας", true, "reference_policies_elements_condition_operators.md: Unicode simple case folding (strings.EqualFold)", 0},
		{"ignoreCase/noFullFold", "StringEqualsIgnoreCase", []string{"STRASSE"}, "straße", false, "reference_policies_elements_condition_operators.md: simple folding does not expand ß", 0},
		{"ignoreCase/noWildcard", "StringEqualsIgnoreCase", []string{"A*"}, "abc", false, "reference_policies_elements_condition_operators.md: no wildcards in StringEqualsIgnoreCase", 0},
		{"notEqualsIgnoreCase/equal", "StringNotEqualsIgnoreCase", []string{"ABC"}, "abc", false, "reference_policies_multi-value-conditions.md: negated twin of StringEqualsIgnoreCase", 0},
		{"notEqualsIgnoreCase/absent", "StringNotEqualsIgnoreCase", []string{"ABC"}, nil, true, "reference_policies_elements_condition_operators.md: negated operator on an absent key is true", 0},
		{"like/star", "StringLike", []string{"home/*"}, "home/alice/x", true, "reference_policies_elements_condition_operators.md: * matches any run", 0},
		{"like/starEmpty", "StringLike", []string{"home/*"}, "home/", true, "reference_policies_elements_condition_operators.md: * matches the empty run", 0},
		{"like/question", "StringLike", []string{"a?c"}, "abc", true, "reference_policies_elements_condition_operators.md: ? matches one character", 0},
		{"like/questionOne", "StringLike", []string{"a?c"}, "abbc", false, "reference_policies_elements_condition_operators.md: ? matches exactly one character", 0},
		{"like/questionRune", "StringLike", []string{"a?c"}, "aéc", true, "reference_policies_elements_condition_operators.md: ? matches one character, not one byte", 0},
		{"like/whole", "StringLike", []string{"abc"}, "xabcx", false, "reference_policies_elements_condition_operators.md: the whole value must match", 0},
		{"like/caseSensitive", "StringLike", []string{"Home/*"}, "home/x", false, "reference_policies_elements_condition_operators.md: StringLike is case-sensitive", 0},
		{"like/emptyPrefix", "StringLike", []string{""}, "", true, "reference_policies_elements_condition_operators.md: operators page matches s3:prefix [\"\"] with StringLike", 0},
		{"like/absent", "StringLike", []string{"*"}, nil, false, "reference_policies_elements_condition_operators.md: even * fails on an absent key", 0},
		{"notLike/noMatch", "StringNotLike", []string{"home/*"}, "tmp/x", true, "reference_policies_multi-value-conditions.md: StringNotLike = matches no pattern", 0},
		{"notLike/match", "StringNotLike", []string{"tmp/*", "home/*"}, "home/x", false, "reference_policies_multi-value-conditions.md: StringNotLike fails when one pattern matches", 0},
		{"notLike/absent", "StringNotLike", []string{"home/*"}, nil, true, "reference_policies_elements_condition_operators.md: negated operator on an absent key is true", 0},
		{"forAnyLike/oneMatches", "ForAnyValue:StringLike", []string{"env*"}, []string{"team", "env-x"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: ForAnyValue passes when one request value passes", 0},
		{"forAnyLike/noneMatches", "ForAnyValue:StringLike", []string{"env*"}, []string{"team"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: ForAnyValue fails when no request value passes", 0},
		{"forAnyLike/absent", "ForAnyValue:StringLike", []string{"*"}, nil, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md, reference_policies_elements_condition_operators.md: ForAnyValue on an absent key is false", 0},
		{"forAnyLike/emptyElement", "ForAnyValue:StringLike", []string{"*"}, []string{""}, false, "reference_policies_elements_condition_operators.md: [\"\"] is an empty set under a set qualifier", 0},
		{"forAnyLike/emptyString", "ForAnyValue:StringLike", []string{"*"}, "", false, "reference_policies_elements_condition_operators.md: \"\" is an empty set under a set qualifier", 0},
		{"forAnyLike/single", "ForAnyValue:StringLike", []string{"env*"}, "env-a", true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: a single value is a one-element set", 0},
		{"forAllEquals/subset", "ForAllValues:StringEquals", []string{"env", "team"}, []string{"env"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: every request value is listed", 0},
		{"forAllEquals/extra", "ForAllValues:StringEquals", []string{"env", "team"}, []string{"env", "owner"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: owner is not listed", 0},
		{"forAllEquals/absent", "ForAllValues:StringEquals", []string{"env"}, nil, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md, reference_policies_elements_condition_operators.md: ForAllValues on an absent key is true", 0},
		{"forAllEquals/emptyList", "ForAllValues:StringEquals", []string{"env"}, []string{}, true, "reference_policies_elements_condition_operators.md: an empty list is an absent key", 0},
		{"forAllEquals/emptyElement", "ForAllValues:StringEquals", []string{"env"}, []string{""}, true, "reference_policies_elements_condition_operators.md: [\"\"] is an empty set, ForAllValues passes", 0},
		{"forAllEquals/emptyString", "ForAllValues:StringEquals", []string{"env"}, "", true, "reference_policies_elements_condition_operators.md: \"\" is an empty set, ForAllValues passes", 0},
		{"forAllEquals/emptyAmongOthers", "ForAllValues:StringEquals", []string{"env"}, []string{"env", ""}, false, "reference_policies_elements_condition_operators.md covers only all-empty sets; \"\" is then an ordinary member", 0},
		{"forAllEquals/singleListed", "ForAllValues:StringEquals", []string{"env"}, "env", true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: a single value is a one-element set", 0},
		{"forAllEquals/singleNotListed", "ForAllValues:StringEquals", []string{"env"}, "x", false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: a single value is a one-element set", 0},
		{"forAllNotEquals/none", "ForAllValues:StringNotEquals", []string{"secret"}, []string{"a", "b"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: no request value equals any policy value", 0},
		{"forAllNotEquals/one", "ForAllValues:StringNotEquals", []string{"secret"}, []string{"a", "secret"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: one request value equals a policy value", 0},
		{"forAnyNotEquals/someUnlisted", "ForAnyValue:StringNotEquals", []string{"a", "b"}, []string{"a", "c"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: some request value equals none of them", 0},
		{"forAnyNotEquals/allListed", "ForAnyValue:StringNotEquals", []string{"a", "b"}, []string{"a", "b"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: every request value is listed", 0},
		{"forAllNotLikeIfExists/absent", "ForAllValues:StringNotLikeIfExists", []string{"x*"}, nil, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md, reference_policies_elements_condition_operators.md: IfExists has no effect; ForAllValues is true on absent", 0},
		{"forAnyEqualsIfExists/absent", "ForAnyValue:StringEqualsIfExists", []string{"x"}, nil, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: IfExists has no effect under ForAnyValue (re:Post report)", 0},
		{"forAllEqualsIfExists/present", "ForAllValues:StringEqualsIfExists", []string{"x"}, []string{"x", "y"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md: IfExists has no effect on a present key", 0},
	})
}

func TestEvalStringVariables(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"equals/resolved", "StringEquals", []string{"${aws:username}"}, "alice", true, "reference_policies_variables.md: the key's single value", 0},
		{"equals/keyCaseInsensitive", "StringEquals", []string{"${AWS:UserName}"}, "alice", true, "reference_policies_variables.md: variable keys are case-insensitive", 0},
		{"equals/valueCaseKept", "StringEquals", []string{"${aws:username}"}, "ALICE", false, "reference_policies_variables.md: the substituted value keeps its case", 0},
		{"equals/unresolved", "StringEquals", []string{"${aws:PrincipalTag/missing}"}, "", false, "reference_policies_variables.md: positive operator, the value matches nothing", 0},
		{"equals/unresolvedOtherMatches", "StringEquals", []string{"${aws:PrincipalTag/missing}", "x"}, "x", true, "reference_policies_variables.md: only that policy value matches nothing", 0},
		{"notEquals/unresolved", "StringNotEquals", []string{"${aws:PrincipalTag/missing}"}, "x", true, "reference_policies_variables.md: negated operator, the pair counts as not equal", 0},
		{"notEquals/unresolvedEmpty", "StringNotEquals", []string{"${aws:PrincipalTag/missing}"}, "", true, "reference_policies_variables.md: an unresolved variable is not the empty text", 0},
		{"notLike/unresolved", "StringNotLike", []string{"${aws:PrincipalTag/missing}/*"}, "x/y", true, "reference_policies_variables.md: negated operator is true", 0},
		{"equals/emptyValue", "StringEquals", []string{"a${aws:PrincipalTag/none}b"}, "ab", true, "reference_policies_variables.md: a present empty value is empty text", 0},
		{"equals/default", "StringEquals", []string{"${aws:PrincipalTag/missing, 'guest'}"}, "guest", true, "reference_policies_variables.md: default for an absent key", 0},
		{"equals/multivaluedKey", "StringEquals", []string{"${aws:TagKeys}"}, "env", false, "reference_policies_variables.md: a multivalued key has no value", 0},
		{"equals/multivaluedKeyDefault", "StringEquals", []string{"${aws:TagKeys, 'none'}"}, "none", true, "reference_policies_variables.md: a multivalued key falls back to the default", 0},
		{"equals/fixedStar", "StringEquals", []string{"${*}"}, "*", true, "reference_policies_variables.md: ${*} is *", 0},
		{"ignoreCase/resolved", "StringEqualsIgnoreCase", []string{"${aws:username}"}, "ALICE", true, "reference_policies_elements_condition_operators.md: IgnoreCase applies to substituted text", 0},
		{"like/resolved", "StringLike", []string{"home/${aws:username}/*"}, "home/alice/doc", true, "reference_policies_elements_condition_operators.md: StringLike supports variables", 0},
		{"like/otherUser", "StringLike", []string{"home/${aws:username}/*"}, "home/bob/doc", false, "reference_policies_elements_condition_operators.md: the substituted text must match", 0},
		{"like/substitutedStarLiteral", "StringLike", []string{"${aws:PrincipalTag/team}"}, "data-lake", false, "reference_policies_elements_condition_operators.md, reference_policies_variables.md: text produced by a variable is literal", 0},
		{"like/substitutedStarItself", "StringLike", []string{"${aws:PrincipalTag/team}"}, "data*", true, "reference_policies_variables.md: the literal * matches itself", 0},
		{"like/fixedStarLiteral", "StringLike", []string{"a${*}"}, "ab", false, "reference_policies_elements_condition_operators.md: ${*} is a literal *", 0},
		{"like/fixedStarItself", "StringLike", []string{"a${*}"}, "a*", true, "reference_policies_elements_condition_operators.md: ${*} is a literal *", 0},
		{"like/fixedQuestion", "StringLike", []string{"a${?}*"}, "a?xyz", true, "reference_policies_elements_condition_operators.md: ${?} literal, policy * still a wildcard", 0},
		{"like/fixedDollar", "StringLike", []string{"price${$}*"}, "price$5", true, "reference_policies_variables.md: ${$} is $", 0},
		{"like/userid", "StringLike", []string{"${aws:userid}/*"}, "123456789012:Bob/", true, "reference_policies_variables.md: s3:prefix for a federated user", 0},
		{"literalMode/equals", "StringEquals", []string{"${aws:username}"}, "${aws:username}", true, "reference_policies_variables.md: 2008-10-17 text is literal", variables.Literal},
		{"literalMode/notSubstituted", "StringEquals", []string{"${aws:username}"}, "alice", false, "reference_policies_variables.md: no substitution without 2012-10-17", variables.Literal},
		{"literalMode/likeWildcard", "StringLike", []string{"${aws:*}"}, "${aws:username}", true, "reference_policies_variables.md: * inside ${...} keeps its wildcard role", variables.Literal},
		{"forAll/variable", "ForAllValues:StringEquals", []string{"${aws:username}", "admin"}, []string{"alice", "admin"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md with variables", 0},
	})
}

func TestEvalNumeric(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"equals/decimalForm", "NumericEquals", []string{"10"}, "10.0", true, "reference_policies_elements_condition_operators.md: 10 = 10.0", 0},
		{"equals/leadingZero", "NumericEquals", []string{"10"}, "010", true, "reference_policies_elements_condition_operators.md: numeric, not textual, equality", 0},
		{"equals/negativeZero", "NumericEquals", []string{"0"}, "-0.00", true, "reference_policies_elements_condition_operators.md: -0 = 0", 0},
		{"equals/plusSign", "NumericEquals", []string{"10"}, "+10", true, "reference_policies_elements_condition_operators.md: a leading + is accepted", 0},
		{"equals/different", "NumericEquals", []string{"10"}, "10.000001", false, "reference_policies_elements_condition_operators.md: exact comparison", 0},
		{"equals/exponent", "NumericEquals", []string{"10"}, "1e1", false, "reference_policies_elements_condition_operators.md: no exponent; unparsable request value makes the pair false", 0},
		{"equals/space", "NumericEquals", []string{"10"}, " 10", false, "reference_policies_elements_condition_operators.md: no white space", 0},
		{"equals/text", "NumericEquals", []string{"10"}, "ten", false, "reference_policies_elements_condition_operators.md: unparsable request value makes the pair false", 0},
		{"notEquals/text", "NumericNotEquals", []string{"10"}, "ten", true, "reference_policies_multi-value-conditions.md: negated operator on an unparsable request value is true", 0},
		{"notEquals/different", "NumericNotEquals", []string{"10", "11"}, "12", true, "reference_policies_multi-value-conditions.md: equals none", 0},
		{"notEquals/equal", "NumericNotEquals", []string{"10"}, "10.00", false, "reference_policies_multi-value-conditions.md: equals one", 0},
		{"notEquals/absent", "NumericNotEquals", []string{"10"}, nil, true, "reference_policies_elements_condition_operators.md: negated operator on an absent key is true", 0},
		{"lessThan/less", "NumericLessThan", []string{"10"}, "9", true, "reference_policies_elements_condition_operators.md: request value < policy value", 0},
		{"lessThan/equal", "NumericLessThan", []string{"10"}, "10", false, "reference_policies_elements_condition_operators.md: strict", 0},
		{"lessThan/negative", "NumericLessThan", []string{"-3"}, "-10", true, "reference_policies_elements_condition_operators.md: signed comparison", 0},
		{"lessThan/absent", "NumericLessThan", []string{"10"}, nil, false, "reference_policies_elements_condition_operators.md: positive operator on an absent key is false", 0},
		{"lessThanIfExists/absent", "NumericLessThanIfExists", []string{"10"}, nil, true, "reference_policies_elements_condition_operators.md: IfExists", 0},
		{"lessThanEquals/equal", "NumericLessThanEquals", []string{"10"}, "10", true, "reference_policies_elements_condition_operators.md", 0},
		{"lessThanEquals/greater", "NumericLessThanEquals", []string{"10"}, "10.5", false, "reference_policies_elements_condition_operators.md", 0},
		{"greaterThan/fraction", "NumericGreaterThan", []string{"2.5"}, "2.50001", true, "reference_policies_elements_condition_operators.md: decimals", 0},
		{"greaterThan/equal", "NumericGreaterThan", []string{"2.5"}, "2.50", false, "reference_policies_elements_condition_operators.md: 2.50 = 2.5", 0},
		{"greaterThan/long", "NumericGreaterThan", []string{"123456789012345678901234567890.1"}, "123456789012345678901234567890.10000000000000000001", true, "reference_policies_elements_condition_operators.md: exact decimal comparison beyond float precision", 0},
		{"greaterThanEquals/equal", "NumericGreaterThanEquals", []string{"-3"}, "-3.0", true, "reference_policies_elements_condition_operators.md", 0},
		{"greaterThanEquals/less", "NumericGreaterThanEquals", []string{"-3"}, "-3.01", false, "reference_policies_elements_condition_operators.md", 0},
		{"multivalued", "NumericLessThan", []string{"10"}, []string{"1"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAny/one", "ForAnyValue:NumericGreaterThan", []string{"5"}, []string{"1", "7"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAll/notAll", "ForAllValues:NumericLessThan", []string{"5"}, []string{"1", "7"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAll/badValue", "ForAllValues:NumericLessThan", []string{"5"}, []string{"1", "x"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md, reference_policies_elements_condition_operators.md: an unparsable member fails", 0},
	})
}

func TestEvalDate(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"greaterThan/after", "DateGreaterThan", []string{"2020-01-01T00:00:00Z"}, "2021-06-01T12:00:00Z", true, "reference_policies_elements_condition_operators.md: token issued after T", 0},
		{"greaterThan/before", "DateGreaterThan", []string{"2020-01-01T00:00:00Z"}, "2019-06-01T12:00:00Z", false, "reference_policies_elements_condition_operators.md", 0},
		{"lessThan/before", "DateLessThan", []string{"2020-01-01T00:00:00Z"}, "2019-12-31T23:59:59Z", true, "reference_policies_elements_condition_operators.md", 0},
		{"equals/dateOnly", "DateEquals", []string{"2020-01-01"}, "2020-01-01T00:00:00Z", true, "reference_policies_elements_condition_operators.md: date-only values mean 00:00:00Z", 0},
		{"equals/yearMonth", "DateEquals", []string{"2020-01"}, "2020-01-01T00:00:00Z", true, "reference_policies_elements_condition_operators.md: YYYY-MM", 0},
		{"equals/offset", "DateEquals", []string{"2020-01-01T01:00:00+01:00"}, "2020-01-01T00:00:00Z", true, "reference_policies_elements_condition_operators.md: instants, not texts, are compared", 0},
		{"equals/negativeOffset", "DateEquals", []string{"2019-12-31T19:00-05:00"}, "2020-01-01T00:00:00Z", true, "reference_policies_elements_condition_operators.md: hh:mm form with TZD", 0},
		{"equals/epoch", "DateEquals", []string{"1577836800"}, "2020-01-01T00:00:00Z", true, "reference_policies_elements_condition_operators.md: epoch seconds", 0},
		{"equals/epochRequest", "DateEquals", []string{"2020-01-01T00:00:00Z"}, "1577836800", true, "reference_policies_elements_condition_operators.md: aws:EpochTime compared with a date", 0},
		{"equals/fourDigitsIsEpoch", "DateEquals", []string{"2020"}, "1970-01-01T00:33:40Z", true, "reference_policies_elements_condition_operators.md: an all-digit value is epoch seconds", 0},
		{"lessThanEquals/fraction", "DateLessThanEquals", []string{"2020-01-01T00:00:00.5Z"}, "2020-01-01T00:00:00.499Z", true, "reference_policies_elements_condition_operators.md: fractional seconds", 0},
		{"greaterThanEquals/equal", "DateGreaterThanEquals", []string{"2020-01-01T00:00:00Z"}, "2020-01-01T00:00:00.000Z", true, "reference_policies_elements_condition_operators.md", 0},
		{"lessThan/equal", "DateLessThan", []string{"2020-01-01T00:00:00Z"}, "2020-01-01T00:00:00Z", false, "reference_policies_elements_condition_operators.md: strict", 0},
		{"equals/garbage", "DateEquals", []string{"2020-01-01"}, "yesterday", false, "reference_policies_elements_condition_operators.md: unparsable request value makes the pair false", 0},
		{"equals/noZone", "DateEquals", []string{"2020-01-01"}, "2020-01-01T00:00:00", false, "reference_policies_elements_condition_operators.md: a time needs a TZD", 0},
		{"notEquals/garbage", "DateNotEquals", []string{"2020-01-01"}, "yesterday", true, "reference_policies_multi-value-conditions.md: negated operator on an unparsable request value is true", 0},
		{"notEquals/absent", "DateNotEquals", []string{"2020-01-01"}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"greaterThan/absent", "DateGreaterThan", []string{"2020-01-01"}, nil, false, "reference_policies_elements_condition_operators.md", 0},
		{"greaterThanIfExists/absent", "DateGreaterThanIfExists", []string{"2020-01-01"}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"multivalued", "DateGreaterThan", []string{"2020-01-01"}, []string{"2021-01-01"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAny/lessThan", "ForAnyValue:DateLessThan", []string{"2020-01-01"}, []string{"2021-01-01", "2019-01-01"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
	})
}

func TestEvalBool(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"true", "Bool", []string{"true"}, "true", true, "reference_policies_elements_condition_operators.md", 0},
		{"caseIgnored", "Bool", []string{"TRUE"}, "True", true, "reference_policies_elements_condition_operators.md: case ignored", 0},
		{"different", "Bool", []string{"true"}, "false", false, "reference_policies_elements_condition_operators.md", 0},
		{"notBoolean", "Bool", []string{"false"}, "no", false, "reference_policies_elements_condition_operators.md: any other value makes the pair false", 0},
		{"absent", "Bool", []string{"false"}, nil, false, "reference_policies_elements_condition_operators.md: Bool on an absent key is false", 0},
		{"ifExistsAbsent", "BoolIfExists", []string{"false"}, nil, true, "reference_policies_elements_condition_operators.md: BoolIfExists on an absent key is true", 0},
		{"multivalued", "Bool", []string{"true"}, []string{"true"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"variable", "Bool", []string{"${aws:PrincipalTag/flag}"}, "true", true, "reference_policies_elements_condition_operators.md: variables in Bool are supported", 0},
		{"variableUnresolved", "Bool", []string{"${aws:PrincipalTag/missing}"}, "true", false, "reference_policies_variables.md", 0},
		{"variableNotBoolean", "Bool", []string{"${aws:PrincipalTag/bad}"}, "false", false, "reference_policies_elements_condition_operators.md: a substituted non-boolean matches nothing", 0},
		{"variableDefault", "Bool", []string{"${aws:PrincipalTag/missing, 'false'}"}, "false", true, "reference_policies_variables.md", 0},
		{"forAny", "ForAnyValue:Bool", []string{"true"}, []string{"false", "true"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
	})
}

func TestEvalBinary(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"equal", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, "QmluYXJ5VmFsdWU=", true, "reference_policies_elements_condition_operators.md: bytes compared", 0},
		{"unpadded", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, "QmluYXJ5VmFsdWU", true, "reference_policies_elements_condition_operators.md: both sides decoded, so padding does not matter", 0},
		{"different", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, "T3RoZXI=", false, "reference_policies_elements_condition_operators.md", 0},
		{"notBase64", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, "!!!", false, "reference_policies_elements_condition_operators.md: invalid base64 makes the pair false", 0},
		{"absent", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, nil, false, "reference_policies_elements_condition_operators.md", 0},
		{"ifExistsAbsent", "BinaryEqualsIfExists", []string{"QmluYXJ5VmFsdWU="}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"multivalued", "BinaryEquals", []string{"QmluYXJ5VmFsdWU="}, []string{"QmluYXJ5VmFsdWU="}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAll", "ForAllValues:BinaryEquals", []string{"QmluYXJ5VmFsdWU=", "T3RoZXI="}, []string{"T3RoZXI=", "QmluYXJ5VmFsdWU="}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
	})
}

func TestEvalIP(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"inBlock", "IpAddress", []string{"203.0.113.0/24"}, "203.0.113.9", true, "reference_policies_elements_condition_operators.md", 0},
		{"outsideBlock", "IpAddress", []string{"203.0.113.0/24"}, "198.51.100.1", false, "reference_policies_elements_condition_operators.md", 0},
		{"bareV4", "IpAddress", []string{"203.0.113.9"}, "203.0.113.9", true, "reference_policies_elements_condition_operators.md: bare IPv4 is /32", 0},
		{"bareV4Other", "IpAddress", []string{"203.0.113.9"}, "203.0.113.10", false, "reference_policies_elements_condition_operators.md: bare IPv4 is /32", 0},
		{"hostBitsMasked", "IpAddress", []string{"203.0.113.9/24"}, "203.0.113.200", true, "reference_policies_elements_condition_operators.md: host bits are masked off", 0},
		{"v6", "IpAddress", []string{"2001:db8::/32"}, "2001:DB8:0:1::5", true, "reference_policies_elements_condition_operators.md: hex case and :: compression irrelevant", 0},
		{"bareV6", "IpAddress", []string{"2001:db8::1"}, "2001:db8::2", false, "reference_policies_elements_condition_operators.md: bare IPv6 is /128", 0},
		{"bareV6Same", "IpAddress", []string{"2001:DB8::1"}, "2001:db8:0:0:0:0:0:1", true, "reference_policies_elements_condition_operators.md: bare IPv6 is /128", 0},
		{"otherFamily", "IpAddress", []string{"203.0.113.0/24"}, "2001:db8::1", false, "reference_policies_elements_condition_operators.md: other family is not in the range", 0},
		{"otherFamilyNot", "NotIpAddress", []string{"203.0.113.0/24"}, "2001:db8::1", true, "reference_policies_elements_condition_operators.md: NotIpAddress true for the other family", 0},
		{"allV6NotV4", "IpAddress", []string{"::/0"}, "203.0.113.9", false, "reference_policies_elements_condition_operators.md: ::/0 holds no IPv4 address", 0},
		{"allV4", "IpAddress", []string{"0.0.0.0/0"}, "203.0.113.9", true, "reference_policies_elements_condition_operators.md", 0},
		{"notAddress", "IpAddress", []string{"0.0.0.0/0"}, "localhost", false, "reference_policies_elements_condition_operators.md: a non-address request value makes the pair false", 0},
		{"notAddressNot", "NotIpAddress", []string{"0.0.0.0/0"}, "localhost", true, "reference_policies_multi-value-conditions.md: negated operator on an unparsable request value is true", 0},
		{"cidrRequest", "IpAddress", []string{"0.0.0.0/0"}, "203.0.113.0/24", false, "reference_policies_elements_condition_operators.md: a request value is an address, not a block", 0},
		{"zonedRequest", "IpAddress", []string{"fe80::/10"}, "fe80::1%eth0", false, "reference_policies_elements_condition_operators.md: a zoned address is not a plain address", 0},
		{"absent", "IpAddress", []string{"0.0.0.0/0"}, nil, false, "reference_policies_elements_condition_operators.md: key absent (VPC endpoint) is false", 0},
		{"notAbsent", "NotIpAddress", []string{"0.0.0.0/0"}, nil, true, "reference_policies_elements_condition_operators.md: NotIpAddress true when the key is absent", 0},
		{"ifExistsAbsent", "IpAddressIfExists", []string{"0.0.0.0/0"}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"multivalued", "IpAddress", []string{"0.0.0.0/0"}, []string{"203.0.113.9"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"forAnyNot", "ForAnyValue:NotIpAddress", []string{"10.0.0.0/8"}, []string{"10.1.1.1", "203.0.113.9"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
	})
}

func TestEvalARN(t *testing.T) {
	t.Parallel()
	const finance = "arn:aws:someservice:*:111122223333:finance/*"
	runEvalCases(t, []evalCase{
		{"like/match", "ArnLike", []string{finance}, "arn:aws:someservice:us-east-2:111122223333:finance/a", true, "reference_policies_elements_condition_operators.md: operators page example", 0},
		{"like/starStaysInComponent", "ArnLike", []string{finance}, "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/d", false, "reference_policies_elements_condition_operators.md: * never crosses a component boundary", 0},
		{"stringLike/crosses", "StringLike", []string{finance}, "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/d", true, "reference_policies_elements_condition_operators.md: StringLike with the same pattern matches", 0},
		{"equals/isGlob", "ArnEquals", []string{finance}, "arn:aws:someservice:us-east-2:111122223333:finance/a", true, "reference_policies_elements_condition_operators.md: ArnEquals ≡ ArnLike", 0},
		{"like/resourceColons", "ArnLike", []string{"arn:aws:s3:::bucket/*"}, "arn:aws:s3:::bucket/a:b:c", true, "reference_policies_elements_condition_operators.md: the resource may contain colons", 0},
		{"like/caseSensitive", "ArnLike", []string{"arn:aws:iam::*:role/Admin"}, "arn:aws:iam::111122223333:role/admin", false, "reference_policies_elements_condition_operators.md: case-sensitive", 0},
		{"like/question", "ArnLike", []string{"arn:aws:iam::11112222333?:role/*"}, "arn:aws:iam::111122223333:role/x", true, "reference_policies_elements_condition_operators.md: ? in a component", 0},
		{"like/allStars", "ArnLike", []string{"arn:*:s3:*:*:*"}, "arn:aws:s3:::b", true, "reference_policies_elements_condition_operators.md: empty components match *", 0},
		{"like/notARN", "ArnLike", []string{"arn:*:*:*:*:*"}, "not-an-arn", false, "reference_policies_elements_condition_operators.md: fewer than six components makes the pair false", 0},
		{"notLike/notARN", "ArnNotLike", []string{"arn:*:*:*:*:*"}, "not-an-arn", true, "reference_policies_multi-value-conditions.md: negated operator on an unparsable request value is true", 0},
		{"like/policyNotARN", "ArnLike", []string{"*"}, "arn:aws:s3:::b", false, "reference_policies_elements_condition_operators.md: a policy value with fewer than six components matches nothing", 0},
		{"notLike/policyNotARN", "ArnNotLike", []string{"*"}, "arn:aws:s3:::b", true, "reference_policies_elements_condition_operators.md, reference_policies_multi-value-conditions.md: it is then not like the request value", 0},
		{"notEquals/absent", "ArnNotEquals", []string{finance}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"like/absent", "ArnLike", []string{finance}, nil, false, "reference_policies_elements_condition_operators.md", 0},
		{"likeIfExists/absent", "ArnLikeIfExists", []string{finance}, nil, true, "reference_policies_elements_condition_operators.md", 0},
		{"like/multivalued", "ArnLike", []string{finance}, []string{"arn:aws:someservice:us-east-2:111122223333:finance/a"}, false, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
		{"like/variableAccount", "ArnLike", []string{"arn:aws:iam::${aws:PrincipalAccount}:role/*"}, "arn:aws:iam::111122223333:role/x", true, "reference_policies_elements_condition_operators.md: Arn* supports variables", 0},
		{"like/variableOtherAccount", "ArnLike", []string{"arn:aws:iam::${aws:PrincipalAccount}:role/*"}, "arn:aws:iam::999999999999:role/x", false, "reference_policies_elements_condition_operators.md", 0},
		{"equals/variableWholeARN", "ArnEquals", []string{"${aws:PrincipalArn}"}, "arn:aws:iam::111122223333:role/path/Admin", true, "variables are substituted before the ARN is split", 0},
		{"like/variableWithColon", "ArnLike", []string{"arn:aws:s3:::b/${aws:userid}/*"}, "arn:aws:s3:::b/123456789012:Bob/x", true, "reference_policies_variables.md: aws:userid's colon in the resource part", 0},
		{"like/variableStarLiteral", "ArnLike", []string{"arn:aws:s3:::b/${aws:PrincipalTag/team}"}, "arn:aws:s3:::b/data-x", false, "reference_policies_elements_condition_operators.md: variable text is literal", 0},
		{"like/variableUnresolved", "ArnLike", []string{"arn:aws:s3:::b/${aws:PrincipalTag/missing}"}, "arn:aws:s3:::b/", false, "reference_policies_variables.md", 0},
		{"notLike/variableUnresolved", "ArnNotLike", []string{"arn:aws:s3:::b/${aws:PrincipalTag/missing}"}, "arn:aws:s3:::b/", true, "reference_policies_variables.md: negated operator is true", 0},
		{"like/fixedStar", "ArnLike", []string{"arn:aws:s3:::${*}"}, "arn:aws:s3:::*", true, "reference_policies_elements_condition_operators.md: ${*} is a literal *", 0},
		{"like/fixedStarLiteral", "ArnLike", []string{"arn:aws:s3:::${*}"}, "arn:aws:s3:::x", false, "reference_policies_elements_condition_operators.md: ${*} is a literal *", 0},
		{"forAll", "ForAllValues:ArnLike", []string{"arn:aws:s3:::a*", "arn:aws:s3:::b*"}, []string{"arn:aws:s3:::a1", "arn:aws:s3:::b2"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md", 0},
	})
}

func TestEvalNull(t *testing.T) {
	t.Parallel()
	runEvalCases(t, []evalCase{
		{"true/absent", "Null", []string{"true"}, nil, true, "reference_policies_elements_condition_operators.md: Null true on an absent key", 0},
		{"true/present", "Null", []string{"true"}, "x", false, "reference_policies_elements_condition_operators.md: Null true on a present key", 0},
		{"false/absent", "Null", []string{"false"}, nil, false, "reference_policies_elements_condition_operators.md: Null false on an absent key", 0},
		{"false/present", "Null", []string{"false"}, "x", true, "reference_policies_elements_condition_operators.md: Null false on a present key", 0},
		{"caseIgnored", "Null", []string{"TRUE"}, nil, true, "reference_policies_elements_condition_operators.md: value case ignored", 0},
		{"true/emptyString", "Null", []string{"true"}, "", true, "reference_policies_elements_condition_operators.md: \"\" counts as null for Null", 0},
		{"true/emptyElement", "Null", []string{"true"}, []string{""}, true, "reference_policies_elements_condition_operators.md: [\"\"] counts as null for Null", 0},
		{"true/emptyList", "Null", []string{"true"}, []string{}, true, "reference_policies_elements_condition_operators.md: an empty list is absent", 0},
		{"false/list", "Null", []string{"false"}, []string{"a", "b"}, true, "reference_policies_condition-single-vs-multi-valued-context-keys.md: a multivalued key with values is present", 0},
		{"bothValues", "Null", []string{"true", "false"}, "x", true, "reference_policies_elements_condition_operators.md: several values are ORed", 0},
	})
}
