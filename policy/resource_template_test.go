package policy

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// vars is a variables.Lookup over a map.
type vars map[string]string

// LookupVariable implements variables.Lookup.
func (v vars) LookupVariable(key string) (string, bool) {
	s, ok := v[key]
	return s, ok
}

// TestOneVariableShapes checks which resource parts get the piecewise
// matcher: one plain variable after glob-free text (reference_policies_variables.md); not
// defaults, fixed characters, escapes or several variables.
func TestOneVariableShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		res  string
		want bool
		why  string
	}{
		{"home/${aws:username}/*", true, "literal, variable, glob"},
		{"${aws:PrincipalTag/Team}", true, "variable alone; keys are lower-cased"},
		{"h*/${aws:username}", false, "wildcard before the variable"},
		{"home/${aws:username, 'x'}/*", false, "default value"},
		{"home/${*}/x", false, "fixed character"},
		{"a/${aws:username}/${aws:userid}", false, "two variables"},
		{`a\b/${aws:username}`, false, "backslash, escaped by AppendPattern"},
		{"home/${ aws:username }", false, "spaces in the body"},
		{"home/${aws:username", false, "unclosed: literal text"},
	}
	for _, tc := range tests {
		tmpl, _ := variables.Parse(tc.res, variables.Substitute)
		assert.Equal(t, tc.want, compileOneVariable(tc.res, tmpl) != nil, "%q: %s", tc.res, tc.why)
	}
}

// TestOneVariableMatchesExpansion holds the piecewise matcher against the
// general one (expanding the template with AppendPattern) on random
// templates, values and resources, with the head in the entry's literal
// prefix or not: they must agree on matched and unresolved
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func TestOneVariableMatchesExpansion(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "b", "/", "é", "*", "?"}
	values := []string{"", "a", "ab", "*", "?", `\`, "é", "a/b"}
	gen := func(from []string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(from[rng.IntN(len(from))])
		}
		return b.String()
	}
	checked, matched := 0, 0
	for range 4000 {
		head := strings.NewReplacer("*", "", "?", "").Replace(gen(pieces, rng.IntN(3)))
		res := head + "${aws:username}" + gen(pieces, rng.IntN(4))
		// A literal head is in the entry's prefix, which is tested
		// first; a wildcard region ends the prefix before it.
		arn := []string{"arn:aws:s3:::", "arn:aws:s3:*::"}[rng.IntN(2)]
		e, ok, _ := compileResource(arn+res, variables.Substitute)
		require.True(t, ok)
		require.NotNil(t, e.tmpl.one, "%q has the one-variable shape", res)
		general := e
		general.tmpl = &resourceTemplate{Template: e.tmpl.Template}
		for range 8 {
			l := vars{}
			if rng.IntN(6) > 0 {
				l["aws:username"] = values[rng.IntN(len(values))]
			}
			part := gen(values, rng.IntN(3)) + gen(pieces, rng.IntN(5))
			if rng.IntN(2) == 0 { // often close to a match
				part = head + values[rng.IntN(len(values))] + gen(pieces, rng.IntN(4))
			}
			q, err := prepareValue("s3:GetObject", "arn:aws:s3:::"+part)
			require.NoError(t, err)
			m1, u1 := e.match(&q, l)
			m2, u2 := general.match(&q, l)
			if !assert.Equal(t, [2]bool{m2, u2}, [2]bool{m1, u1}, "%q with %v against %q", res, l, q.resource) {
				return
			}
			checked++
			if m1 {
				matched++
			}
		}
	}
	assert.Positive(t, checked)
	assert.Greater(t, matched, checked/100, "enough cases match to compare both outcomes")
}
