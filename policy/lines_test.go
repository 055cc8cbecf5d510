package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// Statements keep offsets and are positioned when asked: the positions
// must be those errors get (columns in characters, the first line from
// the document's base), so that an explanation and a validation message
// point at the same place.
func TestStatementPositionsMatchErrors(t *testing.T) {
	src := "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"é\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n" +
		"  {\"Sid\": \"ü\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}]}"
	base := diag.Position{File: "scenario.json", Offset: 100, Line: 7, Column: 12}
	p, err := Parse([]byte(src), Source{File: "scenario.json", Base: base})
	require.NoError(t, err)
	// The same document with an unknown element in each statement: its
	// errors are positioned by parser.resolve.
	bad := []byte(src[:len(src)-3] + ", \"X\": 1}]}")
	_, err = Parse(bad, Source{File: "scenario.json", Base: base})
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	require.NotEmpty(t, list)

	s := p.Statements()
	assert.Equal(t, diag.Position{File: "scenario.json", Offset: 140, Line: 7, Column: 52}, s[0].Pos(), "first line: from the base column, in characters")
	assert.Equal(t, diag.Position{File: "scenario.json", Offset: 219, Line: 8, Column: 3}, s[1].Pos(), "second line: from column 1")
	assert.Equal(t, 8, s[1].ClausePos(0).Line)
	last := list[len(list)-1].Pos
	assert.Equal(t, s[1].End().Line, last.Line, "an error on the same line is counted the same way")
	assert.Equal(t, last.Offset-base.Offset, len(src)-3+2, "the unknown element's key")
	assert.Equal(t, s[1].End().Column-(s[1].End().Offset-last.Offset), last.Column)
}

// A file that starts with a UTF-8 byte-order mark (as editors on Windows
// write) is positioned as editors show it: the mark takes no column, so
// errors and statements on the first line are where they would be without
// it, and offsets still count its three bytes.
func TestByteOrderMarkTakesNoColumn(t *testing.T) {
	plain := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actoin": "s3:GetObject", "Resource": "*"},` + "\n" +
		` {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "X": 1}]}`
	withBOM := "\uFEFF" + plain
	_, errPlain := Parse([]byte(plain), Source{File: "p.json"})
	_, errBOM := Parse([]byte(withBOM), Source{File: "p.json"})
	var lp, lb diag.ErrorList
	require.ErrorAs(t, errPlain, &lp)
	require.ErrorAs(t, errBOM, &lb)
	require.Len(t, lb, len(lp))
	for i := range lp {
		assert.Equal(t, lp[i].Pos.Line, lb[i].Pos.Line, lp[i].Error())
		assert.Equal(t, lp[i].Pos.Column, lb[i].Pos.Column, "the mark takes no column: %s", lb[i].Error())
		assert.Equal(t, lp[i].Pos.Offset+3, lb[i].Pos.Offset, "offsets count the mark's bytes")
	}

	good := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`
	pp, err := Parse([]byte(good), Source{File: "p.json"})
	require.NoError(t, err)
	pb, err := Parse([]byte("\uFEFF"+good), Source{File: "p.json"})
	require.NoError(t, err)
	assert.Equal(t, pp.Statements()[0].Pos().Column, pb.Statements()[0].Pos().Column, "statements agree with errors")
	assert.Equal(t, pp.Statements()[0].End().Column, pb.Statements()[0].End().Column)
}
