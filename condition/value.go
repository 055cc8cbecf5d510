package condition

// Value is the value of one request-context key: either a single string
// (a single-valued key) or a list of strings (a multivalued key, written as a
// JSON array in a scenario file). A list with one element is still a list:
// whether a key is multivalued depends on the key, not on how many values
// the request carries.
//
// The zero Value is an empty list, which [NewContext] treats as an absent key.
// A Value is immutable once built and safe to share.
type Value struct {
	one     string
	list    []string
	single  bool
	unknown bool
}

// UnknownValue returns the Value of a key that AWS sets on every request
// but whose value the caller did not give (aws:SecureTransport,
// aws:SourceIp, ...). The key is present, so Null reads it as present;
// every other operator cannot know its truth, and a clause on it is
// unknown: it makes an Allow statement not apply and a Deny statement
// apply ([Block.EvalFor]). An unknown Value has no strings (Len is 0) and
// no value as a policy variable.
func UnknownValue() Value {
	return Value{unknown: true}
}

// IsUnknown reports whether v was built by [UnknownValue].
func (v Value) IsUnknown() bool {
	return v.unknown
}

// absent reports whether a key given v is absent from a context: v is an
// empty list (and not an [UnknownValue], which is present).
func (v Value) absent() bool {
	return v.Len() == 0 && !v.unknown
}

// StringValue returns the single-valued Value s.
func StringValue(s string) Value {
	return Value{one: s, single: true}
}

// ListValue returns a multivalued Value holding a copy of ss. An empty list
// is treated as an absent key by [NewContext].
func ListValue(ss ...string) Value {
	if len(ss) == 0 {
		return Value{}
	}
	return Value{list: append([]string(nil), ss...)}
}

// IsList reports whether v is multivalued: built by [ListValue], or the zero
// Value.
func (v Value) IsList() bool {
	return !v.single
}

// Len returns the number of strings in v: 1 for a single value, the list
// length otherwise.
func (v Value) Len() int {
	if v.single {
		return 1
	}
	return len(v.list)
}

// At returns the i-th string of v, for 0 <= i < v.Len(). Like a slice index,
// it panics when i is out of range.
func (v Value) At(i int) string {
	if v.single {
		return [1]string{v.one}[i]
	}
	return v.list[i]
}

// Strings returns a copy of the strings in v; nil for an empty list.
func (v Value) Strings() []string {
	if v.single {
		return []string{v.one}
	}
	if len(v.list) == 0 {
		return nil
	}
	return append([]string(nil), v.list...)
}

// Equal reports whether v and w hold the same strings in the same order and
// are both single-valued or both lists.
func (v Value) Equal(w Value) bool {
	if v.single != w.single || v.unknown != w.unknown || v.Len() != w.Len() {
		return false
	}
	for i := range v.Len() {
		if v.At(i) != w.At(i) {
			return false
		}
	}
	return true
}

// String returns v for display: the string itself for a single value, a
// bracketed, comma-separated list otherwise.
func (v Value) String() string {
	if v.single {
		return v.one
	}
	if v.unknown {
		return "(unknown)"
	}
	n := 2
	for _, s := range v.list {
		n += len(s) + 2
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, s := range v.list {
		if i > 0 {
			b = append(b, ',', ' ')
		}
		b = append(b, s...)
	}
	b = append(b, ']')
	return string(b)
}
