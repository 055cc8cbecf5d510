package principal

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/condition"
)

// Session tags have one model for every kind of session: a map from tag key
// to value (SessionTags) and the keys that pass on to a chained role
// session (TransitiveTagKeys), the Tags and TransitiveTagKeys parameters
// of AssumeRole
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// AssumedRoleInput, FederatedUserInput, WebIdentityInput and SAMLInput all
// take them under those names. A web identity token carries the same facts
// in its https://aws.amazon.com/tags claim and a SAML assertion in its
// PrincipalTag and TransitiveTagKeys attributes; WebIdentityInput.TagsClaim
// and SAMLInput.Attributes still accept that wire form, and the two
// helpers below convert between them.

// TagsClaimOf returns the https://aws.amazon.com/tags claim that carries
// the session tags and transitive keys, as a web identity token writes it.
func TagsClaimOf(sessionTags map[string]string, transitiveTagKeys []string) TagsClaim {
	var c TagsClaim
	if len(sessionTags) > 0 {
		c.PrincipalTags = make(map[string][]string, len(sessionTags))
		for k, v := range sessionTags {
			c.PrincipalTags[k] = []string{v}
		}
	}
	if len(transitiveTagKeys) > 0 {
		c.TransitiveTagKeys = append([]string(nil), transitiveTagKeys...)
	}
	return c
}

// isZero reports whether c carries nothing.
func (c TagsClaim) isZero() bool { return len(c.PrincipalTags) == 0 && len(c.TransitiveTagKeys) == 0 }

// samlTagAttributes adds the session tags and transitive keys of in to a
// copy of its attributes as the PrincipalTag and TransitiveTagKeys
// attributes of an assertion; it refuses tags given both ways.
func samlTagAttributes(in SAMLInput) (map[string]condition.Value, string) {
	if len(in.SessionTags) == 0 && len(in.TransitiveTagKeys) == 0 {
		return in.Attributes, ""
	}
	out := make(map[string]condition.Value, len(in.Attributes)+len(in.SessionTags)+1)
	for name, v := range in.Attributes {
		if rest, ok := strings.CutPrefix(name, AttributePrefix); ok && (rest == "TransitiveTagKeys" || strings.HasPrefix(rest, "PrincipalTag:")) {
			return nil, fmt.Sprintf("give session tags once: in SessionTags and TransitiveTagKeys, or as the %q attribute, not both", name)
		}
		out[name] = v
	}
	for k, v := range in.SessionTags {
		out[AttributePrefix+"PrincipalTag:"+k] = condition.StringValue(v)
	}
	if len(in.TransitiveTagKeys) > 0 {
		out[AttributePrefix+"TransitiveTagKeys"] = condition.ListValue(in.TransitiveTagKeys...)
	}
	return out, ""
}
