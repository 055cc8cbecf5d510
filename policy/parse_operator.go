package policy

import (
	"sync"

	"github.com/iameval/iameval/condition"
)

// canonicalOperators maps the canonical spelling of every valid condition
// operator ("ForAnyValue:StringLikeIfExists") to the operator, built once
// per process: almost every policy spells its operators canonically, and
// finding them here skips condition.ParseOperator's lower-casing and
// Operator.String's formatting (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
var canonicalOperators = sync.OnceValue(func() map[string]condition.Operator {
	m := make(map[string]condition.Operator, 256)
	for b := condition.StringEquals; b.Valid(); b++ {
		for _, set := range [...]condition.SetQualifier{condition.NoSet, condition.ForAnyValue, condition.ForAllValues} {
			for _, ifExists := range [...]bool{false, true} {
				op := condition.Operator{Set: set, Base: b, IfExists: ifExists}
				if op.Valid() {
					m[op.String()] = op
				}
			}
		}
	}
	return m
})
