package policy

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/internal/wildcard"
)

// TestGlob holds the fast paths of glob against internal/wildcard.
func TestGlob(t *testing.T) {
	t.Parallel()
	kinds := map[string]globKind{"": globLiteral, "abc": globLiteral, "*": globAny, "ab*": globPrefix,
		"*ab": globGeneral, "a?": globGeneral, "a*b*": globGeneral, "a**": globGeneral}
	for pat, want := range kinds {
		g := compileGlob(pat)
		assert.Equal(t, want, g.kind, pat)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("ab*?/é")
	gen := func(n int) string {
		b := make([]byte, 0, n)
		for range rng.IntN(n) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		return string(b)
	}
	for range 20000 {
		pat, s := gen(6), gen(8)
		g := compileGlob(pat)
		if !assert.Equal(t, wildcard.Match(pat, s), g.match(s), "pattern %q, string %q", pat, s) {
			return
		}
	}
}
