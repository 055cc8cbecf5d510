package sts

import (
	"maps"
	"slices"

	"github.com/iameval/iameval/condition"
)

// chainedResourceTags adds iam:ResourceTag/K and aws:ResourceTag/K for the
// role being assumed by a role session that passes on transitive tags.
//
// AWS documents what an inherited transitive tag does to the new
// session: "The inherited Star = 1 session tag overrides the role's
// Star = 3 tag" among the session's principal tags (aws:PrincipalTag;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining).
// It does not say which value the target role's trust policy sees as the
// role's resource tag while the call is authorized: the role's own tag, as
// for any resource, or the inherited value. Where an inherited tag and the
// role's tag (or its absence) disagree, the key's value is therefore
// unknown ([condition.UnknownValue]): a trust policy Allow that depends on
// it does not apply and a Deny does, which is wrong for neither reading.
// Where they agree, and for role tags no inherited tag names, the value is
// the role's tag.
func (k keys) chainedResourceTags(role, inherited map[string]string) {
	if len(inherited) == 0 {
		k.resourceTags(role)
		return
	}
	set := func(t string, v condition.Value) {
		k[condition.PrefixIAMResourceTag+t] = v
		k[condition.PrefixResourceTag+t] = v
	}
	for _, t := range slices.Sorted(maps.Keys(role)) {
		if it, ok := lookupFold(inherited, t); ok && inherited[it] != role[t] {
			set(t, condition.UnknownValue())
			continue
		}
		set(t, condition.StringValue(role[t]))
	}
	for _, t := range slices.Sorted(maps.Keys(inherited)) {
		if _, ok := lookupFold(role, t); !ok {
			set(t, condition.UnknownValue())
		}
	}
}
