// Package outcome is the seam between package policy and the engine (the
// root package) on the evaluation hot path. policy.Policy.Eval returns a
// policy.Outcome, a struct of five booleans that the compiler keeps in
// memory: it stores the fields one byte at a time and copies them as a
// word, which stalls the CPU (a failed store-to-load forward) on every
// call. The engine instead takes a policy's outcome as Bits, which travel
// in a register, through Eval, without that form becoming public API.
// The package imports nothing of iameval's and is internal.
package outcome

// Bits is a policy.Outcome, one bit per field.
type Bits uint8

// The fields of policy.Outcome.
const (
	Deny          Bits = 1 << iota // some Deny statement applies
	Allow                          // some Allow statement applies
	AllowDirect                    // ... with a direct principal match
	AllowIndirect                  // ... with an indirect principal match
	AllowAccount                   // ... with a match by account
)

// What EvalList says about a list of policies, in the same Bits.
const (
	AnyAllow Bits = 1 << (iota + 5) // some policy of the list allows
	AllAllow                        // every policy of the list allows
)

// Has reports whether every bit of b is set in o.
func (o Bits) Has(b Bits) bool { return o&b == b }

// Eval is package policy's evaluation without a recorder, a
// func(*policy.Policy, *policy.Request) Bits that package policy sets
// when it is initialised. It is typed any because this package sits
// below policy; the engine asserts its type once.
var Eval any

// EvalList is package policy's evaluation of a list of policies of one
// type without a recorder, a func([]*policy.Policy, *policy.Request) Bits
// that package policy sets when it is initialised: Deny when a policy
// denies (evaluation stops there; AllAllow is then unset and AnyAllow
// says whether a policy before it allowed), AnyAllow and AllAllow as
// named. It reads the request once for the whole list.
var EvalList any
