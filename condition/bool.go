package condition

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/variables"
)

// parseBool reads "true" or "false", ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func parseBool(s string) (value, ok bool) {
	// The lower-case spellings, which requests and policies nearly always
	// use, are compared first: a plain compare is cheaper than EqualFold.
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// boolValue is a compiled Bool policy value: a constant, or a template
// expanded per request (Bool accepts policy variables, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
type boolValue struct {
	value bool
	tmpl  variables.Template
	dyn   bool
}

// fixedBools are the compiled values false and true, which the clauses
// of one such value share: a compiled value is never written.
var fixedBools = [2]boolValue{{value: false}, {value: true}}

// boolIndex is 1 for true and 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compileBool parses the policy values of a Bool clause. A single value
// that is a boolean without "${" (the usual {"aws:SecureTransport":
// "true"}) shares its compiled value (see fixedBools) rather than
// allocating it: variables.Parse reads such a value as its own text,
// without warnings.
func compileBool(values []string, mode variables.Mode) ([]boolValue, []error, []*ValueError) {
	if len(values) == 1 && (mode == variables.Literal || !strings.Contains(values[0], "${")) {
		if b, ok := parseBool(values[0]); ok {
			i := boolIndex(b)
			return fixedBools[i : i+1 : i+1], nil, nil
		}
	}
	out := make([]boolValue, len(values))
	var errs []error
	var warns []*ValueError
	for i, v := range values {
		t, w := variables.Parse(v, mode)
		warns = appendTemplateWarnings(warns, i, w)
		if isDynamic(t) {
			out[i] = boolValue{tmpl: t, dyn: true}
			continue
		}
		text := fixedText(t)
		b, ok := parseBool(text)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not a boolean (true or false)", v)})
			continue
		}
		out[i] = boolValue{value: b}
	}
	return out, errs, warns
}

// matchBool tests the request value s against the policy booleans.
func matchBool(vals []boolValue, s string, l Lookup) pairResult {
	want, ok := parseBool(s)
	if !ok {
		return badRequest
	}
	r := noMatch
	for i := range vals {
		v := &vals[i]
		pv := v.value
		if v.dyn {
			var buf [64]byte
			text, st := v.tmpl.AppendTextStatus(buf[:0], l)
			if st != variables.Expanded {
				r.noteStatus(i, st)
				continue
			}
			if pv, ok = parseBool(bytesString(text)); !ok {
				continue
			}
		}
		if pv == want {
			if r == noMatch {
				return matched(i) // built in registers, not copied from r
			}
			return r.match(i)
		}
	}
	return r
}
