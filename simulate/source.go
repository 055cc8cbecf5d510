package simulate

import (
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// pos converts an offset into the document to a position; the zero
// Position for an Input built in Go.
func (s *source) pos(off int) diag.Position {
	if s == nil {
		return diag.Position{}
	}
	return s.doc.Pos(off)
}

// of returns the position of the value at path, else of the closest
// enclosing value the document has (ContextEntries[1] for
// ContextEntries[1].ContextKeyType when the key is absent), else of the
// document.
func (s *source) of(path string) diag.Position {
	if s == nil {
		return diag.Position{}
	}
	for p := path; ; p = parent(p) {
		if off, ok := s.at[p]; ok {
			return s.pos(off)
		}
		if p == "" {
			return s.pos(0)
		}
	}
}

// inString returns the position of byte i of the string value at path,
// whose decoded text must be text: the document position of the character
// or escape sequence that produced it. When the document does not hold
// that text at path (the Input was changed after ParseInput), it returns
// the position of the value.
func (s *source) inString(path, text string, i int) diag.Position {
	if s == nil {
		return diag.Position{}
	}
	off, ok := s.at[path]
	if !ok {
		return s.of(path)
	}
	lit := literalAt(s.doc.Src(), off)
	decoded, at, ok := jsonsrc.Unquote(lit)
	if !ok || decoded != text || i < 0 || i >= len(at) {
		return s.pos(off)
	}
	return s.pos(off + at[i])
}

// literalAt returns the JSON string literal that starts at off in src.
func literalAt(src string, off int) string {
	if off < 0 || off >= len(src) || src[off] != '"' {
		return ""
	}
	for i := off + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			return src[off : i+1]
		}
	}
	return ""
}

// parent drops the last element of a parameter path:
// ContextEntries[1].ContextKeyType -> ContextEntries[1] -> ContextEntries
// -> "".
func parent(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i] {
		case '.':
			return path[:i]
		case '[':
			return path[:i]
		}
	}
	return ""
}
