package condition

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseBool checks that Bool values are read as "true" or "false" in
// any case, and nothing else
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean):
// the lower-case fast path must agree with the case-insensitive compare.
func TestParseBool(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"true", "false", "TRUE", "False", "fAlSe", "tRUE", "", "1", "0", "yes", "tru", "truee", "false ", " true", "ｔrue"} {
		value, ok := parseBool(s)
		wantOK := strings.EqualFold(s, "true") || strings.EqualFold(s, "false")
		assert.Equal(t, wantOK, ok, "%q", s)
		assert.Equal(t, wantOK && strings.EqualFold(s, "true"), value, "%q", s)
	}
}
