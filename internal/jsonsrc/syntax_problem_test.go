package jsonsrc

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

func TestSyntaxProblem(t *testing.T) {
	t.Parallel()
	kind := errors.New("invalid JSON")
	_, err := Parse("{\n  \"a\": }", diag.Position{File: "named.json"})
	require.Error(t, err)
	e := SyntaxProblem(err, "other.json", kind)
	assert.Equal(t, diag.Position{File: "named.json", Offset: 9, Line: 2, Column: 8}, e.Pos, "the base's file and the offending character")
	assert.ErrorIs(t, e, kind, "the loader's own kind")
	assert.Equal(t, "named.json:2:8: invalid JSON: invalid character '}' looking for beginning of value", e.Error())

	_, err = Parse("[1,]", diag.Position{})
	require.Error(t, err)
	assert.Equal(t, "f.json", SyntaxProblem(err, "f.json", kind).Pos.File, "an unnamed base takes the file given")

	e = SyntaxProblem(errors.New("boom"), "f.json", kind)
	assert.Equal(t, "f.json:1:1: boom", e.Error(), "another error is placed at the start of the file")
}
