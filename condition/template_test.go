package condition

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/variables"
)

// TestIsDynamic checks that isDynamic, which does not collect the keys,
// says what the keys say: a template is dynamic when it reads a key.
func TestIsDynamic(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "${aws:username}", "home/${aws:username}/*", "${*}", "${?}${$}", "a${*}b${aws:userid}",
		"${aws:x, 'default'}", "${", "${}", "${aws:a}${aws:b}", "${ aws:username }"} {
		for _, m := range []variables.Mode{variables.Literal, variables.Substitute} {
			tm, _ := variables.Parse(s, m)
			assert.Equal(t, tm.HasVariables() && len(tm.Keys()) > 0, isDynamic(tm), "%q mode %v", s, m)
		}
	}
}
