package simulate

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
)

// conditionPolicy allows s3:GetObject under one condition clause.
func conditionPolicy(operator, key, value string) string {
	return fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{%q:{%q:%s}}}]}`,
		operator, key, value)
}

func TestContextKeyTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ      string
		values   []string
		operator string
		key      string
		policy   string // the condition's value(s) as JSON
		want     iameval.Decision
		why      string
	}{
		{"string", []string{"home/pat/"}, "StringLike", "s3:prefix", `"home/*"`, iameval.Allowed, "a string value"},
		{"stringList", []string{"Dept", "Project"}, "ForAllValues:StringEquals", "aws:TagKeys", `["Dept","Project","Owner"]`, iameval.Allowed,
			"a List type is multivalued: every value is in the set"},
		{"stringList", []string{"Dept", "Secret"}, "ForAllValues:StringEquals", "aws:TagKeys", `["Dept","Project"]`, iameval.ImplicitDeny,
			"one value outside the set fails ForAllValues"},
		{"numeric", []string{"5"}, "NumericLessThan", "s3:max-keys", `"10"`, iameval.Allowed, "numbers compare as numbers"},
		{"numericList", []string{"20", "5.5"}, "ForAnyValue:NumericLessThan", "s3:max-keys", `"10"`, iameval.Allowed, "one value below the bound"},
		{"boolean", []string{"true"}, "Bool", "aws:SecureTransport", `"true"`, iameval.Allowed, "a boolean"},
		{"boolean", []string{"FALSE"}, "Bool", "aws:SecureTransport", `"true"`, iameval.ImplicitDeny, "booleans ignore case: FALSE is false"},
		{"booleanList", []string{"false", "true"}, "ForAnyValue:Bool", "aws:MultiFactorAuthPresent", `"true"`, iameval.Allowed, "one true value"},
		{"ip", []string{"192.0.2.10"}, "IpAddress", "aws:SourceIp", `"192.0.2.0/24"`, iameval.Allowed, "an address inside the block"},
		{"ip", []string{"2001:db8::1"}, "IpAddress", "aws:SourceIp", `"192.0.2.0/24"`, iameval.ImplicitDeny, "an IPv6 address is in no IPv4 block"},
		{"ipList", []string{"198.51.100.1", "192.0.2.10"}, "ForAnyValue:IpAddress", "aws:SourceIp", `"192.0.2.0/24"`, iameval.Allowed, "one address inside"},
		{"binary", []string{"QmluYXJ5"}, "BinaryEquals", "s3:x-amz-meta-blob", `"QmluYXJ5"`, iameval.Allowed, "base64 compared as bytes"},
		{"binaryList", []string{"AAE=", "QmluYXJ5"}, "ForAnyValue:BinaryEquals", "s3:x-amz-meta-blob", `"QmluYXJ5"`, iameval.Allowed, "one equal value"},
		{"date", []string{"2024-06-01T12:00:00Z"}, "DateGreaterThan", "aws:TokenIssueTime", `"2024-01-01T00:00:00Z"`, iameval.Allowed, "an ISO 8601 date"},
		{"date", []string{"1717243200"}, "DateGreaterThan", "aws:TokenIssueTime", `"2024-01-01T00:00:00Z"`, iameval.Allowed, "epoch seconds are a date"},
		{"dateList", []string{"2023-01-01", "2024-06-01"}, "ForAnyValue:DateGreaterThan", "aws:TokenIssueTime", `"2024-01-01T00:00:00Z"`, iameval.Allowed, "one later date"},
	}
	for _, tc := range tests {
		t.Run(tc.typ+" "+tc.why, func(t *testing.T) {
			t.Parallel()
			r := only(t, simulateOK(t, &Input{
				PolicyInputList: []string{conditionPolicy(tc.operator, tc.key, tc.policy)},
				ActionNames:     []string{"s3:GetObject"},
				ContextEntries:  []ContextEntry{{ContextKeyName: tc.key, ContextKeyValues: tc.values, ContextKeyType: tc.typ}},
			}))
			assert.Equal(t, tc.want, r.EvalDecision, "%s (ContextKeyType %s)", tc.why, tc.typ)
			assert.Empty(t, r.MissingContextValues, "the key was given")
		})
	}
}

func TestContextKeyTypeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ    string
		values []string
		path   string
		why    string
	}{
		{"numeric", []string{"ten"}, "ContextEntries[0].ContextKeyValues[0]", "numeric values are decimals"},
		{"numeric", []string{"1e3"}, "ContextEntries[0].ContextKeyValues[0]", "no exponents (reference_policies_elements_condition_operators.md)"},
		{"numericList", []string{"1", "x"}, "ContextEntries[0].ContextKeyValues[1]", "every value of a List type is checked"},
		{"boolean", []string{"yes"}, "ContextEntries[0].ContextKeyValues[0]", "booleans are true or false"},
		{"ip", []string{"192.0.2.0/24"}, "ContextEntries[0].ContextKeyValues[0]", "a request carries an address, not a CIDR block"},
		{"ipList", []string{"300.1.1.1"}, "ContextEntries[0].ContextKeyValues[0]", "not an IP address"},
		{"binary", []string{"not base64!"}, "ContextEntries[0].ContextKeyValues[0]", "binary values are base64"},
		{"date", []string{"yesterday"}, "ContextEntries[0].ContextKeyValues[0]", "dates are ISO 8601 or epoch seconds"},
		{"string", []string{"a", "b"}, "ContextEntries[0].ContextKeyValues", "a single-valued type takes one value: use stringList"},
		{"date", nil, "ContextEntries[0].ContextKeyValues", "a single-valued type needs its value"},
		{"String", []string{"a"}, "ContextEntries[0].ContextKeyType", "type names are case-sensitive (ContextKeyTypeEnum)"},
		{"", []string{"a"}, "ContextEntries[0].ContextKeyType", "the type is required"},
	}
	for _, tc := range tests {
		_, err := Simulate(&Input{
			PolicyInputList: []string{allowAll},
			ActionNames:     []string{"s3:GetObject"},
			ContextEntries:  []ContextEntry{{ContextKeyName: "s3:x", ContextKeyValues: tc.values, ContextKeyType: tc.typ}},
		})
		list := errorList(t, err)
		require.Len(t, list, 1, "%s: %v", tc.why, err)
		assert.Equal(t, tc.path, list[0].Path, tc.why)
		assert.ErrorIs(t, err, ErrValue, tc.why)
	}
}

func TestEmptyListLeavesTheKeyOut(t *testing.T) {
	t.Parallel()
	r := only(t, simulateOK(t, &Input{
		PolicyInputList: []string{conditionPolicy("ForAnyValue:StringEquals", "aws:TagKeys", `"Dept"`)},
		ActionNames:     []string{"s3:GetObject"},
		ContextEntries:  []ContextEntry{{ContextKeyName: "aws:TagKeys", ContextKeyValues: []string{}, ContextKeyType: "stringList"}},
	}))
	assert.Equal(t, iameval.ImplicitDeny, r.EvalDecision, "ForAnyValue over no values is false")
	assert.Equal(t, []string{"aws:TagKeys"}, r.MissingContextValues, "an empty list is an absent key (condition.NewContext)")
}
