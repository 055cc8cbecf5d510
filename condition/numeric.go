package condition

import "fmt"

// decimal is an exact decimal number held as digit strings that point into
// the text it was parsed from, so parsing a request value never allocates.
// intDigits has no leading zeros and fracDigits no trailing zeros; zero is
// represented with both empty and neg false.
type decimal struct {
	neg        bool
	intDigits  string
	fracDigits string
}

// parseDecimal parses an integer or decimal number with an optional sign:
// [+-]?[0-9]+(\.[0-9]+)? (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html). Exponents, hex, Inf,
// NaN, white space and a bare point are rejected.
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return decimal{}, false
	}
	intPart := s[start:i]
	fracPart := ""
	if i < len(s) {
		if s[i] != '.' {
			return decimal{}, false
		}
		i++
		fs := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == fs || i != len(s) {
			return decimal{}, false
		}
		fracPart = s[fs:i]
	}
	for len(intPart) > 0 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	for len(fracPart) > 0 && fracPart[len(fracPart)-1] == '0' {
		fracPart = fracPart[:len(fracPart)-1]
	}
	d.intDigits, d.fracDigits = intPart, fracPart
	if d.isZero() {
		d.neg = false
	}
	return d, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (d decimal) isZero() bool { return d.intDigits == "" && d.fracDigits == "" }

// cmp compares d with e exactly: -1 when d < e, 0 when equal, +1 when d > e.
func (d decimal) cmp(e decimal) int {
	if d.neg != e.neg {
		if d.neg {
			return -1
		}
		return 1
	}
	c := cmpMagnitude(d, e)
	if d.neg {
		return -c
	}
	return c
}

// cmpMagnitude compares the absolute values of d and e.
func cmpMagnitude(d, e decimal) int {
	if len(d.intDigits) != len(e.intDigits) {
		if len(d.intDigits) < len(e.intDigits) {
			return -1
		}
		return 1
	}
	if c := cmpStrings(d.intDigits, e.intDigits); c != 0 {
		return c
	}
	// Without trailing zeros, the fraction digit strings compare
	// lexicographically as numbers do: a proper prefix is smaller.
	return cmpStrings(d.fracDigits, e.fracDigits)
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns d in canonical form: no leading or trailing zeros beyond
// what is needed, "-" only for negative numbers.
func (d decimal) String() string {
	s := d.intDigits
	if s == "" {
		s = "0"
	}
	if d.fracDigits != "" {
		s += "." + d.fracDigits
	}
	if d.neg {
		s = "-" + s
	}
	return s
}

// compileNumeric parses the policy values of a Numeric* clause.
func compileNumeric(values []string) ([]decimal, []error) {
	out := make([]decimal, len(values))
	var errs []error
	for i, v := range values {
		d, ok := parseDecimal(v)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not a number (integer or decimal)", v)})
			continue
		}
		out[i] = d
	}
	return out, errs
}
