package principal

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestSessionTagsOneModel: web identity and SAML sessions take session tags
// as SessionTags and TransitiveTagKeys, like AssumeRole sessions, and give
// the same principal as the token's tags claim or the assertion's
// PrincipalTag attributes
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html);
// giving them both ways is refused.
func TestSessionTagsOneModel(t *testing.T) {
	t.Parallel()
	tags := map[string]string{"Project": "blue", "CostCenter": "42"}
	transitive := []string{"Project"}

	web := WebIdentityInput{RoleARN: "arn:aws:iam::123456789012:role/Web", SessionName: "app-session", Provider: ProviderGoogle,
		Claims: map[string]condition.Value{"sub": condition.StringValue("1"), "aud": condition.StringValue("app")}}
	byModel, byClaim := web, web
	byModel.SessionTags, byModel.TransitiveTagKeys = tags, transitive
	byClaim.TagsClaim = TagsClaimOf(tags, transitive)
	a, err := NewWebIdentity(byModel)
	require.NoError(t, err)
	b, err := NewWebIdentity(byClaim)
	require.NoError(t, err)
	assert.Equal(t, tags, a.Tags())
	assert.Equal(t, b.Tags(), a.Tags())
	assert.Equal(t, map[string]string{"Project": "blue"}, a.TransitiveTags())
	if d := cmp.Diff(b.Context().Keys(), a.Context().Keys()); d != "" {
		t.Errorf("context keys differ (-claim +model):\n%s", d)
	}
	both := byModel
	both.TagsClaim = byClaim.TagsClaim
	_, err = NewWebIdentity(both)
	assert.ErrorContains(t, err, "give session tags once")

	saml := SAMLInput{RoleARN: "arn:aws:iam::123456789012:role/SSO", SessionName: "alice", Provider: "arn:aws:iam::123456789012:saml-provider/Corp",
		Attributes: map[string]condition.Value{"sub": condition.StringValue("alice"), "iss": condition.StringValue("https://idp.example")}}
	sByModel, sByAttr := saml, saml
	sByModel.SessionTags, sByModel.TransitiveTagKeys = tags, transitive
	sByAttr.Attributes = map[string]condition.Value{"sub": condition.StringValue("alice"), "iss": condition.StringValue("https://idp.example"),
		AttributePrefix + "PrincipalTag:Project":    condition.StringValue("blue"),
		AttributePrefix + "PrincipalTag:CostCenter": condition.StringValue("42"),
		AttributePrefix + "TransitiveTagKeys":       condition.ListValue("Project")}
	c, err := NewSAML(sByModel)
	require.NoError(t, err)
	d, err := NewSAML(sByAttr)
	require.NoError(t, err)
	assert.Equal(t, tags, c.Tags())
	assert.Equal(t, d.TransitiveTags(), c.TransitiveTags())
	sBoth := sByModel
	sBoth.Attributes = sByAttr.Attributes
	_, err = NewSAML(sBoth)
	assert.ErrorContains(t, err, "give session tags once")
}
