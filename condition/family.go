package condition

// family groups base operators that share a value type and a pair test.
type family uint8

const (
	famInvalid family = iota
	famString
	famNumeric
	famDate
	famBool
	famBinary
	famIP
	famARN
	famNull
)

// family returns the operator family of b.
func (b Base) family() family {
	switch {
	case b >= StringEquals && b <= StringNotLike:
		return famString
	case b >= NumericEquals && b <= NumericGreaterThanEquals:
		return famNumeric
	case b >= DateEquals && b <= DateGreaterThanEquals:
		return famDate
	case b == Bool:
		return famBool
	case b == BinaryEquals:
		return famBinary
	case b == IpAddress || b == NotIpAddress:
		return famIP
	case b >= ArnEquals && b <= ArnNotLike:
		return famARN
	case b == Null:
		return famNull
	}
	return famInvalid
}

// kind names the value type of a family for messages: "a number",
// "a date", ...
func (f family) kind() string {
	switch f {
	case famNumeric:
		return "a number"
	case famDate:
		return "a date"
	case famBool:
		return "a boolean"
	case famBinary:
		return "base64"
	case famIP:
		return "an IP address"
	case famARN:
		return "an ARN"
	case famNull:
		return "true or false"
	}
	return "a string"
}

// matchOrdered tests the request value s, read by parse, against the
// policy values (numbers or instants) with the positive form of the
// ordering operator b (Numeric*, Date*), comparing by cmp. A request value
// that parse rejects is a bad request.
func matchOrdered[T any](b Base, vals []T, s string, parse func(string) (T, bool), cmp func(T, T) int) pairResult {
	d, ok := parse(s)
	if !ok {
		return badRequest
	}
	for i, v := range vals {
		if ordered(b, cmp(d, v)) {
			return matched(i)
		}
	}
	return noMatch
}

// ordered applies an ordering operator to the result of a three-way
// comparison c (request value compared with policy value: -1, 0, +1). Only
// the positive form of the base is considered; negation is applied by the
// caller.
func ordered(b Base, c int) bool {
	switch b.Positive() {
	case NumericEquals, DateEquals:
		return c == 0
	case NumericLessThan, DateLessThan:
		return c < 0
	case NumericLessThanEquals, DateLessThanEquals:
		return c <= 0
	case NumericGreaterThan, DateGreaterThan:
		return c > 0
	case NumericGreaterThanEquals, DateGreaterThanEquals:
		return c >= 0
	}
	return false
}
