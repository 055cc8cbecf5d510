package lint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// TestObjectElementHasNoEntries checks that an Action or Resource written
// as an object, which is not a string or an array of strings
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html),
// is read as no entries: its member values are not taken for entries (the
// grammar error is package policy's to report).
func TestObjectElementHasNoEntries(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		stmt(`{"Effect": "Allow", "Action": {"x": "*"}, "Resource": "*"}`),
		stmt(`{"Effect": "Allow", "Action": "*", "Resource": {"x": "*"}}`),
	} {
		for _, f := range got(t, policy.Identity, doc) {
			assert.False(t, strings.HasPrefix(f, "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES"), "%s: an object's member is not an entry", doc)
		}
	}
}
