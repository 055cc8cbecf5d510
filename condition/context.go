package condition

import "errors"

// Lookup is what conditions, policy variables and the engine read from a
// request. Keys passed to it are already normalized with [NormalizeKey].
//
// LookupVariable makes every Lookup a variables.Lookup: it reports the value
// of single-valued keys only and false for multivalued ones, because a
// multivalued key cannot be used as a policy variable.
type Lookup interface {
	LookupKey(key string) (Value, bool)
	LookupVariable(key string) (string, bool)
}

// NormalizeKey returns the canonical form of a context-key name. Key names,
// including the tag-key part of aws:PrincipalTag/K and similar keys, are
// case-insensitive (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), so the canonical form is the
// lower-case spelling. It does not allocate when k is already lower case
// or is one of the global keys AWS documents (aws:PrincipalArn ...).
func NormalizeKey(k string) string {
	return normalizeKey(k)
}

// Context is an immutable set of request-context keys and their values.
// Keys are case-insensitive. The zero Context is empty and usable, and a
// Context may be shared by any number of goroutines.
//
// A Context is a single pointer to its key table (see keytable.go), so
// that storing it in a [Lookup] does not allocate and a lookup reads one
// table.
type Context struct {
	t *keyTable
}

// ErrDuplicateKey is wrapped by the error [NewContext] returns for keys that
// are equal ignoring case.
var ErrDuplicateKey = errors.New("duplicate context key")

// NewContext returns a Context holding values. Keys are normalized with
// [NormalizeKey]; two keys that are equal ignoring case are ambiguous
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html) and make NewContext fail. Keys whose value is an
// empty list are dropped, since an empty list means the key is absent
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html); an [UnknownValue] is kept. The map is copied.
func NewContext(values map[string]Value) (Context, error) {
	if len(values) == 0 {
		return Context{}, nil
	}
	var b Builder
	b.Grow(len(values))
	for k, v := range values {
		b.Add(k, v)
	}
	return b.Context()
}

// spelledKey is a key of NewContext's input: normalized, as given, and its
// value.
type spelledKey struct {
	norm, key string
	hash      uint64 // hashKey(norm)
	val       Value
	kind      opKind // for a Builder: the operation that gave the key
}

// LookupKey returns the value of key and whether it is present. key should
// be normalized with [NormalizeKey]; a key with upper-case letters is
// normalized before a second look.
func (c Context) LookupKey(key string) (Value, bool) {
	if c.t == nil {
		return Value{}, false
	}
	if v, ok := c.t.lookup(key, hashKey(key)); ok {
		return v, true
	}
	if n := NormalizeKey(key); n != key {
		return c.t.lookup(n, hashKey(n))
	}
	return Value{}, false
}

// lookupPtr is LookupKey for a normalized key whose [hashKey] the caller
// computed once, at compile time. It returns a pointer into the table, nil
// when the key is absent; the value must not be modified.
func (c Context) lookupPtr(key string, h uint64) *Value {
	if c.t == nil {
		return nil
	}
	return c.t.lookupPtr(key, h)
}

// LookupVariable returns the value of a single-valued key for policy-variable
// substitution. It reports false for absent and for multivalued keys
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func (c Context) LookupVariable(key string) (string, bool) {
	if c.t == nil {
		return "", false
	}
	v := c.t.lookupPtr(key, hashKey(key))
	if v == nil {
		if n := NormalizeKey(key); n != key {
			v = c.t.lookupPtr(n, hashKey(n))
		}
	}
	if v == nil || !v.single {
		return "", false
	}
	return v.one, true
}

// Len returns the number of keys in c.
func (c Context) Len() int {
	if c.t == nil {
		return 0
	}
	return int(c.t.count)
}

// Keys returns the normalized keys of c in sorted order, as a new slice.
func (c Context) Keys() []string {
	if c.Len() == 0 {
		return nil
	}
	keys := make([]string, c.t.count)
	for i, s := range c.t.sorted() {
		keys[i] = c.t.slots[s].key
	}
	return keys
}

// EachUnsorted calls f for every key of c, as [Context.Each] does, but in
// no particular order, which may change from one process to the next. It
// does not sort: a caller that visits every key without needing their
// order (a check of each key) saves the sorting of a large context.
func (c Context) EachUnsorted(f func(key string, v Value)) {
	if c.t == nil {
		return
	}
	for j := range c.t.slots {
		if e := &c.t.slots[j]; e.hash != 0 {
			f(e.key, e.val)
		}
	}
}

// Each calls f for every key of c, in sorted key order, with the normalized
// key and its value.
func (c Context) Each(f func(key string, v Value)) {
	if c.t == nil {
		return
	}
	for _, s := range c.t.sorted() {
		e := &c.t.slots[s]
		f(e.key, e.val)
	}
}
