package principal

import (
	"fmt"
	"maps"
	"slices"

	"github.com/iameval/iameval/condition"
)

// keyset collects context keys for condition.NewContext and reports keys
// that collide ignoring case (for example two claims "sub" and "Sub"),
// instead of letting one overwrite the other.
type keyset struct {
	m       map[string]condition.Value
	spelled map[string]string // normalized key -> key as added
	problem string
}

func newKeyset() *keyset {
	return &keyset{m: make(map[string]condition.Value), spelled: make(map[string]string)}
}

// value adds key k with value v.
func (b *keyset) value(k string, v condition.Value) {
	n := condition.NormalizeKey(k)
	if prev, ok := b.spelled[n]; ok {
		if b.problem == "" {
			b.problem = fmt.Sprintf("context keys %q and %q collide (keys ignore case)", prev, k)
		}
		return
	}
	b.spelled[n] = k
	b.m[k] = v
}

// str adds the single-valued key k.
func (b *keyset) str(k, v string) {
	b.value(k, condition.StringValue(v))
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
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		b.str(condition.PrefixPrincipalTag+k, tags[k])
	}
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

// build returns the context, or the first collision.
func (b *keyset) build() (condition.Context, string) {
	if b.problem != "" {
		return condition.Context{}, b.problem
	}
	c, err := condition.NewContext(b.m)
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
