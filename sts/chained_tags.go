package sts

import (
	"maps"
	"slices"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/tagkey"
)

// chainedResourceTags adds iam:ResourceTag/K and aws:ResourceTag/K for the
// role being assumed by a role session that passes on transitive tags.
//
// AWS documents that an inherited transitive tag overrides the role's tag
// of the same key: "The inherited Star = 1 session tag overrides the
// role's Star = 3 tag"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining).
// The override holds while the role's trust policy decides the call too:
// where the role has a tag K and an inherited tag names K, the trust
// policy sees the inherited value. Role tags no inherited tag names keep
// their own value.
func (k keys) chainedResourceTags(role, inherited map[string]string) {
	for _, t := range slices.Sorted(maps.Keys(role)) {
		v := role[t]
		if it, ok := tagkey.Lookup(inherited, t); ok {
			v = inherited[it]
		}
		k[condition.PrefixIAMResourceTag+t] = condition.StringValue(v)
		k[condition.PrefixResourceTag+t] = condition.StringValue(v)
	}
}
