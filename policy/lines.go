package policy

import (
	"sort"
	"unicode/utf8"

	"github.com/iameval/iameval/diag"
)

// lineTable turns offsets into a policy's text into file positions, for
// the statements' positions, which are asked for far less often than
// statements are parsed. It is immutable.
type lineTable struct {
	src    string        // the document text
	start  diag.Position // the position of offset 0, and the file name
	starts []int         // the offset at which each line starts; starts[0] is 0
	ascii  bool          // src is ASCII: columns count bytes
	bom    int32         // columns of a byte-order mark, not counted on the first line
}

// pos returns the position of offset off (clamped to the text), counted
// as parser.resolve counts: lines from start.Line, columns in characters
// from start.Column on the first line and from 1 on the others.
func (t *lineTable) pos(off int) diag.Position {
	off = min(max(off, 0), len(t.src))
	k := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	line, col, from := t.start.Line, t.start.Column, 0
	if k > 0 {
		line, col, from = line+k, 1, t.starts[k]
	}
	if t.ascii {
		col += off - from
	} else {
		col += utf8.RuneCountInString(t.src[from:off])
	}
	if k == 0 && t.bom > 0 {
		col = max(col-int(t.bom), 1)
	}
	return diag.Position{File: t.start.File, Offset: t.start.Offset + off, Line: line, Column: col}
}
