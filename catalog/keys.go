package catalog

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// keyIndex finds condition keys by name: exact names in a map, templates
// ("aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>") by pattern.
type keyIndex struct {
	exact     map[string]*ConditionKey // by lower-case name
	templates []keyTemplate
}

type keyTemplate struct {
	pattern wildcard.Pattern // lower case; each variable part is "?*"
	key     *ConditionKey
}

func newKeyIndex(keys []ConditionKey) keyIndex {
	x := keyIndex{exact: make(map[string]*ConditionKey, len(keys))}
	for i := range keys {
		k := &keys[i]
		if p, ok := keyPattern(k.Name); ok {
			x.templates = append(x.templates, keyTemplate{pattern: wildcard.Compile(p), key: k})
			continue
		}
		x.exact[strings.ToLower(k.Name)] = k
	}
	return x
}

// keyPattern turns a key template into a lower-case glob whose variable
// parts (${...} or <...>) match one or more characters; ok is false for a
// plain key name.
func keyPattern(name string) (string, bool) {
	var b strings.Builder
	tmpl := false
	for i := 0; i < len(name); i++ {
		var end int
		switch {
		case strings.HasPrefix(name[i:], "${"):
			end = strings.IndexByte(name[i:], '}')
		case name[i] == '<':
			end = strings.IndexByte(name[i:], '>')
		default:
			end = -1
		}
		if end > 0 {
			b.WriteString("?*")
			i += end
			tmpl = true
			continue
		}
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String(), tmpl
}

// lookup finds the key for a name as a policy writes it
// ("aws:RequestTag/team"), case-insensitively.
func (x *keyIndex) lookup(name string) *ConditionKey {
	var buf [maxName]byte
	if len(name) > len(buf) {
		return nil
	}
	lower := lowerInto(buf[:], name)
	if k := x.exact[string(lower)]; k != nil {
		return k
	}
	for i := range x.templates {
		if x.templates[i].pattern.Match(string(lower)) {
			return x.templates[i].key
		}
	}
	return nil
}

// ConditionKey returns the key a condition names ("s3:prefix",
// "aws:RequestTag/team"), case-insensitively as AWS compares key names:
// a global key (aws:…) from the table of global keys, any other from the
// service its prefix names. ok is false for a key the reference does not
// list.
func (c *Catalog) ConditionKey(name string) (ConditionKey, bool) {
	i := strings.IndexByte(name, ':')
	if i <= 0 {
		return ConditionKey{}, false
	}
	if strings.EqualFold(name[:i], "aws") {
		if k := globalIndex().lookup(name); k != nil {
			return *k, true
		}
		return ConditionKey{}, false
	}
	if s := c.Service(name[:i]); s != nil {
		if k := s.index().keys.lookup(name); k != nil {
			return *k, true
		}
	}
	// A few service keys are documented with the global keys only.
	if k := globalIndex().lookup(name); k != nil {
		return *k, true
	}
	return ConditionKey{}, false
}

// ConditionKey returns the key the service defines with the name (or a
// template matching it), case-insensitively. Services also define some
// aws: keys (aws:RequestTag/${TagKey}) with the type they have there.
func (s *Service) ConditionKey(name string) (ConditionKey, bool) {
	if k := s.index().keys.lookup(name); k != nil {
		return *k, true
	}
	return ConditionKey{}, false
}

// KeyListed reports whether the condition key name, as a policy writes
// it ("s3:ExistingObjectTag/team"), is one of keys as the reference
// lists them for an action or a resource type ([Action.ConditionKeys],
// [ActionResource.ConditionKeys], [ResourceType.ConditionKeys]): equal
// ignoring case, or fitting a template ("s3:ExistingObjectTag/<key>",
// "aws:RequestTag/${TagKey}").
func KeyListed(keys []string, name string) bool {
	for _, k := range keys {
		if strings.EqualFold(k, name) {
			return true
		}
		if p, ok := keyPattern(k); ok && wildcard.Match(p, strings.ToLower(name)) {
			return true
		}
	}
	return false
}
