package principal

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestPrincipalTagLowerPrefix checks that the lower-case prefix used for
// lower-case tag keys is the normalized aws:PrincipalTag/ prefix, and that
// a tag is found under any spelling of its key either way: condition keys
// are case-insensitive (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
func TestPrincipalTagLowerPrefix(t *testing.T) {
	assert.Equal(t, strings.ToLower(condition.PrefixPrincipalTag), principalTagLower)
	for _, tc := range []struct{ why, key string }{
		{"a lower-case key takes the lower-case prefix", "team"},
		{"a mixed-case key takes the spelled prefix", "CostCenter"},
		{"a non-ASCII key takes the spelled prefix", "équipe"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			u, err := NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/pat", Tags: map[string]string{tc.key: "v"}})
			require.NoError(t, err)
			for _, k := range []string{condition.PrefixPrincipalTag + tc.key, strings.ToUpper(condition.PrefixPrincipalTag + tc.key)} {
				v, ok := u.Context().LookupKey(k)
				assert.True(t, ok, k)
				assert.Equal(t, "v", v.String(), k)
			}
		})
	}
	assert.True(t, isLowerASCII("team-1"))
	assert.False(t, isLowerASCII("Team"))
	assert.False(t, isLowerASCII("équipe"))
}
