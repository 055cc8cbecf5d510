package scenario_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/scenario"
)

// lineCol returns the 1-based line and column (in characters) of the
// first occurrence of marker in src.
func lineCol(t *testing.T, src, marker string) (int, int) {
	t.Helper()
	i := strings.Index(src, marker)
	require.GreaterOrEqual(t, i, 0, "marker %q not in source", marker)
	before := src[:i]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1
	return line, col
}

// TestEmbeddedPositions checks that explanations and warnings point into
// the scenario file for policies embedded as objects and as JSON strings
// (policy.Source.Base), including after escapes and
// non-ASCII text on the same line.
func TestEmbeddedPositions(t *testing.T) {
	t.Parallel()
	src := "{\"principal\": \"arn:aws:iam::123456789012:user/zoe\", \"name\": \"naïve ☃\",\n" +
		" \"policies\": {\"identity\": [\n" +
		"  {\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"ObjectForm\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]},\n" +
		"  \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Id\\\": \\\"é\\\\u00e9\\\", \\\"Statement\\\": [{\\\"Sid\\\": \\\"String-Form\\\", \\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"s3:PutObject\\\", \\\"Resource\\\": \\\"*\\\"}]}\"\n" +
		" ]},\n" +
		" \"cases\": [\n" +
		"  {\"name\": \"object\", \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"allowed\"},\n" +
		"  {\"name\": \"string\", \"action\": \"s3:PutObject\", \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"allowed\"}\n" +
		" ]}"
	f, err := scenario.Load("pos.json", []byte(src), nil)
	require.NoError(t, err)
	rep := f.Run()
	require.Len(t, rep.Results, 2)

	tests := []struct {
		result int
		marker string
		why    string
	}{
		{0, `{"Sid": "ObjectForm"`, "an object policy starts at its own offset in the scenario file"},
		{1, `{\"Sid\": \"String-Form\"`, "a string policy is parsed from text aligned with the literal, after escapes and non-ASCII text"},
	}
	for _, tc := range tests {
		res := rep.Results[tc.result]
		require.Equal(t, iameval.Allowed, res.Decision)
		require.NotEmpty(t, res.Explanation.Deciding)
		line, col := lineCol(t, src, tc.marker)
		got := res.Explanation.Deciding[0].Pos
		assert.Equal(t, diag.Position{File: "pos.json", Line: line, Column: col}, got, tc.why)
	}

	// IAM wants Sids of [A-Za-z0-9] only (reference_policies_elements_sid.md): a warning,
	// positioned in the scenario file for the string policy too.
	require.NotEmpty(t, f.Warnings)
	w := f.Warnings[len(f.Warnings)-1]
	// The value's opening quote: the escape's backslash is padding.
	line, col := lineCol(t, src, `"String-Form\"`)
	assert.Equal(t, "pos.json", w.Pos.File)
	assert.Equal(t, []int{line, col}, []int{w.Pos.Line, w.Pos.Column}, w.Error())
	assert.True(t, strings.HasPrefix(w.Path, "policies.identity[1]."), w.Path)
}
