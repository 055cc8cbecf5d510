package iameval

import (
	"strings"

	"github.com/iameval/iameval/condition"
)

// chainedTrustTags applies role chaining to the context of a role session
// asking to assume a role (sts:AssumeRole and the sts:TagSession /
// sts:SetSourceIdentity authorized with it): where the context gives the
// target role's tag as aws:ResourceTag/K or iam:ResourceTag/K and the
// session passes on a transitive tag K, the trust policy sees the inherited
// value in place of the role's.
//
// AWS documents that the inherited transitive tag overrides the role's tag
// of the same key ("The inherited Star = 1 session tag overrides the role's
// Star = 3 tag",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining);
// iameval applies that override from the moment the target role's trust
// policy decides the call, so a trust condition on the role's own Star=3
// does not admit a session that carries Star=1.
func chainedTrustTags(ctx condition.Context, transitive map[string]string) (condition.Context, error) {
	if len(transitive) == 0 {
		return ctx, nil
	}
	var m map[string]condition.Value
	ctx.Each(func(k string, v condition.Value) {
		tag, ok := strings.CutPrefix(k, "aws:resourcetag/")
		if !ok {
			tag, ok = strings.CutPrefix(k, "iam:resourcetag/")
		}
		if !ok {
			return
		}
		for tk, tv := range transitive {
			if strings.EqualFold(tk, tag) && !(v.Len() == 1 && !v.IsList() && v.At(0) == tv) {
				if m == nil {
					m = make(map[string]condition.Value, ctx.Len())
				}
				m[k] = condition.StringValue(tv)
			}
		}
	})
	if m == nil {
		return ctx, nil
	}
	ctx.Each(func(k string, v condition.Value) {
		if _, set := m[k]; !set {
			m[k] = v
		}
	})
	return condition.NewContext(m)
}
