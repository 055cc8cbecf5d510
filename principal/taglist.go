package principal

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Tag is one tag: a key and its value, for building a principal without a
// map ([UserBuilder.Tag]).
type Tag struct {
	Key, Value string
}

// tagList returns the tags of m sorted by key, nil when there are none.
func tagList(m map[string]string) []Tag {
	if len(m) == 0 {
		return nil
	}
	tags := make([]Tag, 0, len(m))
	for k, v := range m {
		tags = append(tags, Tag{k, v})
	}
	sortTags(tags)
	return tags
}

// sortTags sorts tags by key, then by value, so that the order does not
// depend on the order they were given in.
func sortTags(tags []Tag) {
	if len(tags) < 2 {
		return
	}
	slices.SortFunc(tags, func(a, b Tag) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return cmp.Compare(a.Value, b.Value)
	})
}

// tagMap returns tags as a new map, nil when there are none.
func tagMap(tags []Tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}

// tagListProblem is [tagsProblem] for tags sorted by key, which may also
// give one key twice.
func tagListProblem(tags []Tag) string {
	if len(tags) > maxTags {
		return tooManyTags(len(tags))
	}
	const quadratic = 16 // up to this many tags, compare every pair
	var seen map[string]string
	if len(tags) > quadratic {
		seen = make(map[string]string, len(tags))
	}
	for i, t := range tags {
		if !plainTag(t.Key, t.Value) {
			if p := tagProblem(t.Key, t.Value); p != "" {
				return p
			}
		}
		if i > 0 && tags[i-1].Key == t.Key {
			return fmt.Sprintf("tag key %q is given twice", t.Key)
		}
		if seen != nil {
			lk := strings.ToLower(t.Key)
			if prev, ok := seen[lk]; ok {
				return fmt.Sprintf("tag keys %q and %q differ only in case", prev, t.Key)
			}
			seen[lk] = t.Key
			continue
		}
		for _, prev := range tags[:i] {
			if sameLower(prev.Key, t.Key) {
				return fmt.Sprintf("tag keys %q and %q differ only in case", prev.Key, t.Key)
			}
		}
	}
	return ""
}

// sameLower reports whether a and b are equal once lower-cased, as
// [tagsProblem] and context keys compare them: ignoring ASCII case when
// both are ASCII (the usual case, without lower-casing copies).
func sameLower(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		return strings.EqualFold(a, b)
	}
	//lint:ignore SA6005 folding and lower-casing disagree (U+0130 lower-cases to i but does not fold to it; the two sigmas fold together, lower-case apart): context keys are lower-cased.
	return strings.ToLower(a) == strings.ToLower(b)
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tagKeyNames caches the context key (aws:principaltag/k, lower case) of
// tag keys, for a builder that sees the same tag keys request after
// request; a nil *tagKeyNames caches nothing.
type tagKeyNames struct {
	byKey map[string]string
	// last holds the tag keys of the last user by position, which the
	// next user usually repeats: a comparison instead of a map lookup.
	last []tagName
}

// tagName is a tag key and its context key.
type tagName struct{ key, name string }

// maxTagKeyNames bounds a tagKeyNames: when full it is emptied.
const maxTagKeyNames = 1024

// principalTagKey returns the aws:PrincipalTag/ context key of tag key k,
// the i-th tag of its user.
func (c *tagKeyNames) principalTagKey(i int, k string) string {
	if c != nil && i < len(c.last) && c.last[i].key == k {
		return c.last[i].name
	}
	if c != nil {
		if n, ok := c.byKey[k]; ok {
			c.remember(i, k, n)
			return n
		}
	}
	var n string
	if isLowerASCII(k) {
		// Already in normalized (lower-case) form: the context keeps it
		// as given instead of lower-casing a second copy. The spelling
		// shows only in a message about keys that differ in case, which
		// tag validation rules out.
		n = principalTagLower + k
	} else {
		n = principalTagLower + strings.ToLower(k)
	}
	if c != nil {
		if c.byKey == nil || len(c.byKey) >= maxTagKeyNames {
			c.byKey = make(map[string]string)
		}
		c.byKey[k] = n
		c.remember(i, k, n)
	}
	return n
}

// remember makes n, the context key of tag key k, the i-th of last.
func (c *tagKeyNames) remember(i int, k, n string) {
	switch {
	case i < len(c.last):
		c.last[i] = tagName{k, n}
	case i == len(c.last) && i < maxTagKeyNames:
		c.last = append(c.last, tagName{k, n})
	}
}

// principalTagList adds aws:PrincipalTag/K for every tag, with the context
// keys of names.
func (b *keyset) principalTagList(tags []Tag, names *tagKeyNames) {
	for i, t := range tags {
		b.str(names.principalTagKey(i, t.Key), t.Value)
	}
}

// plainTag reports whether the tag is valid by [tagProblem] and made of
// ASCII only: key 1 to 128 characters, value at most 256, letters,
// digits, space and _.:/=+-@ ([isTagChar] in ASCII), no aws: prefix. It
// is tagProblem's shortcut for the usual tag; false sends a tag to
// tagProblem.
func plainTag(k, v string) bool {
	if len(k) < 1 || len(k) > 128 || len(v) > 256 {
		return false
	}
	if len(k) >= 4 && (k[0]|0x20) == 'a' && (k[1]|0x20) == 'w' && (k[2]|0x20) == 's' && k[3] == ':' {
		return false
	}
	return plainTagText(k) && plainTagText(v)
}

// plainTagText reports whether s holds only ASCII tag characters
// (isPlainTagChar), one table read per byte.
func plainTagText(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainTagChars[s[i]] {
			return false
		}
	}
	return true
}

// plainTagChars[c] is isPlainTagChar(c).
var plainTagChars = func() (t [256]bool) {
	for c := range t {
		t[c] = isPlainTagChar(byte(c))
	}
	return t
}()

// isPlainTagChar reports whether c is an ASCII tag character: a letter, a
// digit, a space or one of _.:/=+-@.
func isPlainTagChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ' ' ||
		c == '_' || c == '.' || c == ':' || c == '/' || c == '=' || c == '+' || c == '-' || c == '@'
}
