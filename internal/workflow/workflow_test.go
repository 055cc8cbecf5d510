package workflow

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWrite checks the escapes GitHub's runner expects: "%", CR and LF in
// the message; also ":" and "," in property values, which would otherwise
// end the value.
func TestWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a    Annotation
		want string
	}{
		{Annotation{Level: "error", File: "a,b:c.json", Line: 3, Column: 5, Title: "iameval test", Message: "100% wrong\nsecond line"},
			"::error file=a%2Cb%3Ac.json,line=3,col=5,title=iameval test::100%25 wrong%0Asecond line\n"},
		{Annotation{Level: "error", File: "missing.json", Title: "t", Message: "m"}, "::error file=missing.json,title=t::m\n"},
		{Annotation{Level: "notice", Message: "m"}, "::notice::m\n"},
	}
	for _, tc := range tests {
		var b strings.Builder
		require.NoError(t, Write(&b, tc.a))
		assert.Equal(t, tc.want, b.String())
	}
}
