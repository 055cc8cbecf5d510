package diag

import "strconv"

// Position is a place in a source file. The zero Position means "unknown".
type Position struct {
	File   string `json:"file,omitempty"`   // "" prints as <input>
	Offset int    `json:"offset,omitempty"` // byte offset from the start of File, 0-based
	Line   int    `json:"line"`             // 1-based; 0 for a problem with the whole file
	Column int    `json:"column"`           // 1-based, counted in characters (runes), not bytes
}

// IsValid reports whether the position has a line: the zero Position and
// one naming only a file are not valid.
func (p Position) IsValid() bool { return p.Line > 0 }

// String returns "file:line:col", with "<input>" for an empty File, or
// just the file when Line is 0 (a problem with the whole file, such as one
// that cannot be read).
func (p Position) String() string {
	f := p.File
	if f == "" {
		f = "<input>"
	}
	if p.Line == 0 {
		return f
	}
	return f + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// AppendText appends [Position.String] to b, for a writer of many
// positions that builds no string for each.
func (p Position) AppendText(b []byte) []byte {
	if p.File == "" {
		b = append(b, "<input>"...)
	} else {
		b = append(b, p.File...)
	}
	if p.Line == 0 {
		return b
	}
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(p.Column), 10)
}

// LineColumn returns p without its byte offset: the place as a reader names
// it (file, line and column), for output that gives no offsets, such as an
// explanation or a coverage report. Its JSON has no "offset".
func (p Position) LineColumn() Position {
	p.Offset = 0
	return p
}
