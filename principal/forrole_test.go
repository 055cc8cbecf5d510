package principal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

func TestForRoleRederivesTheRoleFacts(t *testing.T) {
	t.Parallel()
	w, err := NewWebIdentity(WebIdentityInput{
		RoleARN: "arn:aws:iam::111111111111:role/W", RoleID: "AROAEXAMPLEWEBAPP01", SessionName: "s1",
		Provider: "token.actions.githubusercontent.com", RoleTags: map[string]string{"env": "prod"},
		Claims: map[string]condition.Value{"sub": condition.StringValue("1"), "aud": condition.StringValue("a")},
	})
	require.NoError(t, err)
	other, err := w.ForRole("arn:aws:iam::222222222222:role/X")
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::222222222222:role/X", other.RoleARN())
	assert.Equal(t, "arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com", other.Provider(),
		"scenario format (go doc ./scenario): a bare HOST/PATH is the OIDC provider in the account of the role asked for")
	_, ok := other.AssumeContext().LookupKey("aws:resourcetag/env")
	assert.False(t, ok, "API_AssumeRoleWithWebIdentity.html: the other role's tags are not known")
	sub, ok := other.AssumeContext().LookupVariable("token.actions.githubusercontent.com:sub")
	assert.True(t, ok)
	assert.Equal(t, "1", sub, "the token's claims are kept")
	_, err = w.ForRole("not-an-arn")
	assert.Error(t, err, "an invalid role gives an error, not a principal")
}
