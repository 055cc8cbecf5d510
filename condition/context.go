package condition

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

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
// case-insensitive (spec/conditions.md C3), so the canonical form is the
// lower-case spelling. It does not allocate when k is already lower case.
func NormalizeKey(k string) string {
	return strings.ToLower(k)
}

// Context is an immutable set of request-context keys and their values.
// Keys are case-insensitive. The zero Context is empty and usable, and a
// Context may be shared by any number of goroutines.
type Context struct {
	m    map[string]Value
	keys []string // normalized, sorted
}

// ErrDuplicateKey is wrapped by the error [NewContext] returns for keys that
// are equal ignoring case.
var ErrDuplicateKey = errors.New("duplicate context key")

// NewContext returns a Context holding values. Keys are normalized with
// [NormalizeKey]; two keys that are equal ignoring case are ambiguous
// (spec/conditions.md C3) and make NewContext fail. Keys whose value is an
// empty list are dropped, since an empty list means the key is absent
// (spec/conditions.md V10). The map is copied.
func NewContext(values map[string]Value) (Context, error) {
	if len(values) == 0 {
		return Context{}, nil
	}
	m := make(map[string]Value, len(values))
	spelled := make(map[string]string, len(values))
	var dups []string
	for k, v := range values {
		n := NormalizeKey(k)
		if prev, ok := spelled[n]; ok {
			a, b := prev, k
			if b < a {
				a, b = b, a
			}
			dups = append(dups, fmt.Sprintf("%q and %q", a, b))
			continue
		}
		spelled[n] = k
		if v.Len() == 0 {
			continue
		}
		m[n] = v
	}
	if len(dups) > 0 {
		sort.Strings(dups)
		return Context{}, fmt.Errorf("%w: %s differ only in case", ErrDuplicateKey, strings.Join(dups, ", "))
	}
	if len(m) == 0 {
		return Context{}, nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return Context{m: m, keys: keys}, nil
}

// LookupKey returns the value of key and whether it is present. key should
// be normalized with [NormalizeKey]; a key with upper-case letters is
// normalized before a second look.
func (c Context) LookupKey(key string) (Value, bool) {
	if v, ok := c.m[key]; ok {
		return v, true
	}
	if len(c.m) == 0 {
		return Value{}, false
	}
	if n := NormalizeKey(key); n != key {
		v, ok := c.m[n]
		return v, ok
	}
	return Value{}, false
}

// LookupVariable returns the value of a single-valued key for policy-variable
// substitution. It reports false for absent and for multivalued keys
// (spec/variables.md R2).
func (c Context) LookupVariable(key string) (string, bool) {
	v, ok := c.LookupKey(key)
	if !ok || !v.single {
		return "", false
	}
	return v.one, true
}

// Len returns the number of keys in c.
func (c Context) Len() int {
	return len(c.m)
}

// Keys returns the normalized keys of c in sorted order, as a new slice.
func (c Context) Keys() []string {
	if len(c.keys) == 0 {
		return nil
	}
	return append([]string(nil), c.keys...)
}

// Each calls f for every key of c, in sorted key order, with the normalized
// key and its value.
func (c Context) Each(f func(key string, v Value)) {
	for _, k := range c.keys {
		f(k, c.m[k])
	}
}

// Layers stacks contexts: the first layer that has a key wins. The engine
// puts the caller-supplied context before the keys it derives from the
// principal and the request. A nil Layers is empty.
type Layers []Context

// LookupKey returns the value of key from the first layer that has it.
func (ls Layers) LookupKey(key string) (Value, bool) {
	for _, c := range ls {
		if v, ok := c.LookupKey(key); ok {
			return v, true
		}
	}
	return Value{}, false
}

// LookupVariable returns the value of key from the first layer that has it,
// when that value is single-valued (spec/variables.md R2). A multivalued
// value in an upper layer hides any value below it.
func (ls Layers) LookupVariable(key string) (string, bool) {
	v, ok := ls.LookupKey(key)
	if !ok || !v.single {
		return "", false
	}
	return v.one, true
}
