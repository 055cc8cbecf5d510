package condition

import "fmt"

// fixedNulls are the compiled values false and true, which the Null
// clauses of one value share: a compiled value is never written.
var fixedNulls = [2]bool{false, true}

// compileNull parses the policy values of a Null clause: true means "key
// absent", false "key present with a non-null value"; case is ignored
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html). Variables are not substituted.
func compileNull(values []string) ([]bool, []error) {
	if len(values) == 1 {
		// A single value shares its compiled value (see fixedNulls).
		if b, ok := parseBool(values[0]); ok {
			i := boolIndex(b)
			return fixedNulls[i : i+1 : i+1], nil
		}
	}
	out := make([]bool, len(values))
	var errs []error
	for i, v := range values {
		b, ok := parseBool(v)
		if !ok {
			errs = append(errs, &ValueError{Index: i, Err: fmt.Errorf("%q is not true or false", v)})
			continue
		}
		out[i] = b
	}
	return out, errs
}

// A looked-up key counts as null for Null when it is absent, an empty
// list, or only empty strings ("" and [""], https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).

// allEmpty reports whether every string of v is empty (true for an empty
// list).
func allEmpty(v *Value) bool {
	for i := range v.Len() {
		if v.At(i) != "" {
			return false
		}
	}
	return true
}

// matchNull reports whether one of the policy values agrees with the
// presence of the key. Several values are ORed.
func matchNull(nulls []bool, null bool) pairResult {
	for i, want := range nulls {
		if want == null {
			return matched(i)
		}
	}
	return noMatch
}
