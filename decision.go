package iameval

import "fmt"

// Decision is the outcome of evaluating a request, in the vocabulary of the
// AWS policy simulator's EvalDecision. The zero value is ImplicitDeny, so a
// Decision that was never set denies.
type Decision uint8

const (
	// ImplicitDeny means no policy denied the request but the policies that
	// must allow it did not (the default outcome).
	ImplicitDeny Decision = iota
	// ExplicitDeny means an applicable Deny statement matched the request.
	ExplicitDeny
	// Allowed means the request is allowed.
	Allowed
)

var decisionNames = [...]string{
	ImplicitDeny: "implicitDeny",
	ExplicitDeny: "explicitDeny",
	Allowed:      "allowed",
}

// String returns "implicitDeny", "explicitDeny" or "allowed", the spelling of
// the scenario format's expect field.
func (d Decision) String() string {
	if int(d) < len(decisionNames) {
		return decisionNames[d]
	}
	return fmt.Sprintf("Decision(%d)", uint8(d))
}

// MarshalText returns the String form. It fails for values other than the
// three decisions.
func (d Decision) MarshalText() ([]byte, error) {
	if int(d) >= len(decisionNames) {
		return nil, fmt.Errorf("invalid decision %d", uint8(d))
	}
	return []byte(decisionNames[d]), nil
}

// UnmarshalText parses "implicitDeny", "explicitDeny" or "allowed"
// (case-sensitive, as the scenario format spells them).
func (d *Decision) UnmarshalText(text []byte) error {
	for i, n := range decisionNames {
		if string(text) == n {
			*d = Decision(i)
			return nil
		}
	}
	return fmt.Errorf("unknown decision %q: want implicitDeny, explicitDeny or allowed", text)
}
