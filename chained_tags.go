package iameval

import (
	"strings"

	"github.com/iameval/iameval/condition"
)

// chainedTrustTags applies role chaining to the context of a role session
// asking to assume a role (sts:AssumeRole and the sts:TagSession /
// sts:SetSourceIdentity authorized with it): where the context gives the
// target role's tag as aws:ResourceTag/K or iam:ResourceTag/K and the
// session passes on a transitive tag K with another value, the key's value
// is unknown.
//
// AWS documents that the inherited transitive tag overrides the role's tag
// of the same key in the new session's principal tags ("The inherited
// Star = 1 session tag overrides the role's Star = 3 tag",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining),
// which principal.AssumedRoleInput.InheritedTags does for the session. It
// does not say which value the target role's trust policy sees while the
// call is authorized, so neither reading may let the call through: a trust
// Allow on that tag does not apply and a Deny does
// (condition.Block.EvalFor).
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
		if !ok || v.IsUnknown() {
			return
		}
		for tk, tv := range transitive {
			if strings.EqualFold(tk, tag) && !(v.Len() == 1 && !v.IsList() && v.At(0) == tv) {
				if m == nil {
					m = make(map[string]condition.Value, ctx.Len())
				}
				m[k] = condition.UnknownValue()
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
