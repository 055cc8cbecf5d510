package condition

import (
	"errors"
	"fmt"
	"strings"
)

// SetQualifier is the optional ForAnyValue: or ForAllValues: prefix of a
// condition operator (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html). The zero value is NoSet.
type SetQualifier uint8

// The set qualifiers.
const (
	NoSet        SetQualifier = iota // no prefix: the request value is a single value
	ForAnyValue                      // ForAnyValue: at least one request value passes
	ForAllValues                     // ForAllValues: every request value passes
)

// String returns "ForAnyValue", "ForAllValues", or "" for NoSet.
func (s SetQualifier) String() string {
	switch s {
	case NoSet:
		return ""
	case ForAnyValue:
		return "ForAnyValue"
	case ForAllValues:
		return "ForAllValues"
	}
	return fmt.Sprintf("SetQualifier(%d)", uint8(s))
}

// Base is the base condition operator, without set qualifier or IfExists
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html). The zero Base is invalid.
type Base uint8

// The base operators of the IAM condition language.
const (
	StringEquals Base = iota + 1
	StringNotEquals
	StringEqualsIgnoreCase
	StringNotEqualsIgnoreCase
	StringLike
	StringNotLike
	NumericEquals
	NumericNotEquals
	NumericLessThan
	NumericLessThanEquals
	NumericGreaterThan
	NumericGreaterThanEquals
	DateEquals
	DateNotEquals
	DateLessThan
	DateLessThanEquals
	DateGreaterThan
	DateGreaterThanEquals
	Bool
	BinaryEquals
	IpAddress
	NotIpAddress
	ArnEquals
	ArnLike
	ArnNotEquals
	ArnNotLike
	Null
	baseEnd
)

var baseNames = [baseEnd]string{
	StringEquals:              "StringEquals",
	StringNotEquals:           "StringNotEquals",
	StringEqualsIgnoreCase:    "StringEqualsIgnoreCase",
	StringNotEqualsIgnoreCase: "StringNotEqualsIgnoreCase",
	StringLike:                "StringLike",
	StringNotLike:             "StringNotLike",
	NumericEquals:             "NumericEquals",
	NumericNotEquals:          "NumericNotEquals",
	NumericLessThan:           "NumericLessThan",
	NumericLessThanEquals:     "NumericLessThanEquals",
	NumericGreaterThan:        "NumericGreaterThan",
	NumericGreaterThanEquals:  "NumericGreaterThanEquals",
	DateEquals:                "DateEquals",
	DateNotEquals:             "DateNotEquals",
	DateLessThan:              "DateLessThan",
	DateLessThanEquals:        "DateLessThanEquals",
	DateGreaterThan:           "DateGreaterThan",
	DateGreaterThanEquals:     "DateGreaterThanEquals",
	Bool:                      "Bool",
	BinaryEquals:              "BinaryEquals",
	IpAddress:                 "IpAddress",
	NotIpAddress:              "NotIpAddress",
	ArnEquals:                 "ArnEquals",
	ArnLike:                   "ArnLike",
	ArnNotEquals:              "ArnNotEquals",
	ArnNotLike:                "ArnNotLike",
	Null:                      "Null",
}

// baseByLower maps the lower-case spelling of every base to the base.
var baseByLower = func() map[string]Base {
	m := make(map[string]Base, baseEnd)
	for b := StringEquals; b < baseEnd; b++ {
		m[strings.ToLower(baseNames[b])] = b
	}
	return m
}()

// Valid reports whether b is one of the defined base operators.
func (b Base) Valid() bool {
	return b >= StringEquals && b < baseEnd
}

// String returns the canonical spelling of b, such as "StringLike".
func (b Base) String() string {
	if b.Valid() {
		return baseNames[b]
	}
	return fmt.Sprintf("Base(%d)", uint8(b))
}

// Negated reports whether b is a negated operator, true when the request
// value matches none of the policy values (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike,
// NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals, ArnNotLike.
func (b Base) Negated() bool {
	switch b {
	case StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike,
		NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals, ArnNotLike:
		return true
	}
	return false
}

// Positive returns the positive twin of a negated operator (StringEquals for
// StringNotEquals, IpAddress for NotIpAddress, ...) and b itself otherwise.
func (b Base) Positive() Base {
	switch b {
	case StringNotEquals:
		return StringEquals
	case StringNotEqualsIgnoreCase:
		return StringEqualsIgnoreCase
	case StringNotLike:
		return StringLike
	case NumericNotEquals:
		return NumericEquals
	case DateNotEquals:
		return DateEquals
	case NotIpAddress:
		return IpAddress
	case ArnNotEquals:
		return ArnEquals
	case ArnNotLike:
		return ArnLike
	}
	return b
}

// AllowsVariables reports whether policy values of b may contain policy
// variables: String*, Arn* and Bool (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html). For the other
// operators ${...} is plain text, which then fails to parse.
func (b Base) AllowsVariables() bool {
	switch b.family() {
	case famString, famARN, famBool:
		return true
	}
	return false
}

// Operator is a parsed condition operator such as
// ForAllValues:StringLikeIfExists. The zero Operator is invalid.
type Operator struct {
	Set      SetQualifier
	Base     Base
	IfExists bool
}

// ErrUnknownOperator is wrapped by every error [ParseOperator] returns.
var ErrUnknownOperator = errors.New("unknown condition operator")

const (
	prefixForAllValues = "forallvalues:"
	prefixForAnyValue  = "foranyvalue:"
	suffixIfExists     = "ifexists"
)

// ParseOperator parses a condition operator name of the form
// [ForAllValues:|ForAnyValue:]Base[IfExists] (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
// Matching ignores case; compare the name with [Operator.String] to detect a
// non-canonical spelling. Unknown names, IfExists on Null and set qualifiers
// on Null are rejected with an error wrapping [ErrUnknownOperator].
func ParseOperator(name string) (Operator, error) {
	var op Operator
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			// Operator names are ASCII; strings.ToLower would map the
			// Kelvin sign to k.
			return Operator{}, fmt.Errorf("%w %q", ErrUnknownOperator, name)
		}
	}
	rest := strings.ToLower(name)
	switch {
	case strings.HasPrefix(rest, prefixForAllValues):
		op.Set, rest = ForAllValues, rest[len(prefixForAllValues):]
	case strings.HasPrefix(rest, prefixForAnyValue):
		op.Set, rest = ForAnyValue, rest[len(prefixForAnyValue):]
	}
	base, ok := baseByLower[rest]
	if !ok && strings.HasSuffix(rest, suffixIfExists) {
		base, ok = baseByLower[rest[:len(rest)-len(suffixIfExists)]]
		op.IfExists = true
	}
	if !ok {
		return Operator{}, fmt.Errorf("%w %q", ErrUnknownOperator, name)
	}
	op.Base = base
	if base == Null && op.IfExists {
		return Operator{}, fmt.Errorf("%w %q: IfExists is not allowed on Null", ErrUnknownOperator, name)
	}
	if base == Null && op.Set != NoSet {
		return Operator{}, fmt.Errorf("%w %q: %s is not allowed on Null", ErrUnknownOperator, name, op.Set)
	}
	return op, nil
}

// Valid reports whether o could have been returned by [ParseOperator].
func (o Operator) Valid() bool {
	if !o.Base.Valid() || o.Set > ForAllValues {
		return false
	}
	return o.Base != Null || (!o.IfExists && o.Set == NoSet)
}

// Negated reports whether the base operator is negated (see [Base.Negated]).
func (o Operator) Negated() bool {
	return o.Base.Negated()
}

// String returns the canonical spelling of o, such as
// "ForAllValues:StringLikeIfExists".
func (o Operator) String() string {
	var b strings.Builder
	if o.Set != NoSet {
		b.WriteString(o.Set.String())
		b.WriteByte(':')
	}
	b.WriteString(o.Base.String())
	if o.IfExists {
		b.WriteString("IfExists")
	}
	return b.String()
}
