package policy

import "github.com/iameval/iameval/diag"

// Source describes where a policy document comes from. The zero Source is
// an identity policy read from an unnamed input.
type Source struct {
	ID   string // the policy's name in explanations ("AdminAccess"); see [Policy.ID]
	File string // the file name used in positions; "" prints as <input>
	Type Type   // where the policy is attached; it decides which elements are allowed
	// Base is where the document starts inside File, for policies embedded
	// in a larger file such as a scenario file: positions of errors and
	// statements are reported relative to File, not to the document. The
	// zero Base is the start of the file (offset 0, line 1, column 1).
	Base diag.Position
}
