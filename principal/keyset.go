package principal

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/iameval/iameval/condition"
)

// keyset collects context keys for condition.NewContext and reports keys
// that collide ignoring case (for example two claims "sub" and "Sub"),
// instead of letting one overwrite the other.
type keyset struct {
	b condition.Builder
}

func newKeyset() *keyset {
	k := &keyset{}
	k.b.Grow(12) // the keys of a user or role without many tags
	return k
}

// value adds key k with value v.
func (b *keyset) value(k string, v condition.Value) {
	b.b.Add(k, v)
}

// str adds the single-valued key k.
func (b *keyset) str(k, v string) {
	b.b.AddString(k, v)
}

// list adds the multivalued key k; an empty list adds nothing (absent).
func (b *keyset) list(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	b.value(k, condition.ListValue(vs...))
}

// principalTags adds aws:PrincipalTag/K for every tag.
func (b *keyset) principalTags(tags map[string]string) {
	for k, v := range tags { // the order does not matter: the context sorts
		if isLowerASCII(k) {
			// The key already in normalized (lower-case) form: the
			// context then keeps it as given instead of lower-casing a
			// second copy. The spelling shows only in a message about
			// keys that differ in case, which tag validation rules out.
			b.str(principalTagLower+k, v)
			continue
		}
		b.str(condition.PrefixPrincipalTag+k, v)
	}
}

// principalTagLower is [condition.PrefixPrincipalTag] lower-cased.
const principalTagLower = "aws:principaltag/"

// isLowerASCII reports whether s is ASCII without upper-case letters, so
// that lower-casing leaves it unchanged.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// requestTags adds aws:RequestTag/K for every tag and aws:TagKeys (sorted).
func (b *keyset) requestTags(tags map[string]string) {
	keys := slices.Sorted(maps.Keys(tags))
	for _, k := range keys {
		b.str(condition.PrefixRequestTag+k, tags[k])
	}
	b.list(condition.KeyTagKeys, keys)
}

// resourceTags adds aws:ResourceTag/K and iam:ResourceTag/K for every tag
// of a role being assumed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
func (b *keyset) resourceTags(tags map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		b.str(condition.PrefixResourceTag+k, tags[k])
		b.str(condition.PrefixIAMResourceTag+k, tags[k])
	}
}

// build returns the context, or the keys that collide.
func (b *keyset) build() (condition.Context, string) {
	return contextProblem(b.b.Context())
}

// buildBorrowed is build into the storage of b, which the context shares
// until b is reset ([condition.Builder.Borrow]).
func (b *keyset) buildBorrowed() (condition.Context, string) {
	return contextProblem(b.b.Borrow())
}

// contextProblem returns c, or the keys that collide according to err.
func contextProblem(c condition.Context, err error) (condition.Context, string) {
	if errors.Is(err, condition.ErrDuplicateKey) {
		pairs := strings.TrimPrefix(err.Error(), condition.ErrDuplicateKey.Error()+": ")
		return condition.Context{}, "context keys " + strings.TrimSuffix(pairs, " differ only in case") + " collide (keys ignore case)"
	}
	if err != nil {
		return condition.Context{}, err.Error()
	}
	return c, ""
}

// clone returns a copy of ss, nil when empty.
func clone(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	return slices.Clone(ss)
}
