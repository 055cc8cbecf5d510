package catalog

// AccessLevel is the access level the Service Authorization Reference
// gives an action
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_understand-policy-summary-access-level-summaries.html).
type AccessLevel uint8

// The five access levels, in AWS's order.
const (
	List AccessLevel = 1 + iota
	Read
	Write
	PermissionsManagement
	Tagging
)

var levelNames = [...]string{"", "List", "Read", "Write", "Permissions management", "Tagging"}

// String returns the level as AWS writes it: "List", "Read", "Write",
// "Permissions management" or "Tagging".
func (l AccessLevel) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return ""
}

// KeyType is the type of a condition key
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// a base type, with ArrayOf set for a multivalued key.
type KeyType uint8

// The base types and the ArrayOf flag.
const (
	String KeyType = 1 + iota
	ARN
	Numeric
	Date
	Bool
	IPAddress
	Binary

	// ArrayOf marks a multivalued key: ArrayOf|String is "ArrayOfString".
	ArrayOf KeyType = 0x10
)

var typeNames = [...]string{"", "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary"}

// Base returns the type without ArrayOf.
func (t KeyType) Base() KeyType { return t &^ ArrayOf }

// Multivalued reports whether the key holds a list of values (an
// ArrayOf… type), the keys ForAllValues and ForAnyValue are for.
func (t KeyType) Multivalued() bool { return t&ArrayOf != 0 }

// String returns the type as AWS writes it, e.g. "String" or
// "ArrayOfARN".
func (t KeyType) String() string {
	b := t.Base()
	if int(b) >= len(typeNames) || b == 0 {
		return ""
	}
	if t.Multivalued() {
		return "ArrayOf" + typeNames[b]
	}
	return typeNames[b]
}

// valid reports whether t is one of the types above.
func (t KeyType) valid() bool {
	b := t.Base()
	return b >= String && b <= Binary && t&^(ArrayOf|0x0f) == 0
}
