package main

import (
	"encoding/json"
	"io"
)

// encodeIndented writes v to w as json.MarshalIndent(v, "", "  ") and a
// newline. The compact encoding is indented as it is written, in chunks,
// rather than into a second buffer: on a report of 100,000 deciding
// statements the indented copy was 60 MB (issue 15).
func encodeIndented(w io.Writer, v any) error {
	iw := &indentWriter{w: w}
	if err := json.NewEncoder(iw).Encode(v); err != nil {
		return err
	}
	return iw.finish()
}

// indentWriter indents JSON the way json.Indent does with no prefix and
// two spaces: a newline and the depth's indent after an opening bracket
// and a comma and before a closing one, a space after a colon, and an
// empty object or array kept as {} or []. It drops the whitespace outside
// strings it is given, such as the newline json.Encoder ends a value
// with.
type indentWriter struct {
	w          io.Writer
	out        []byte
	err        error
	depth      int
	needIndent bool // an object or array was opened: indent unless it closes at once
	inString   bool
	escaped    bool // the previous byte in a string was an unescaped backslash
}

// indentChunk is how much indented text indentWriter keeps before writing.
const indentChunk = 64 << 10

// Write indents p; it always consumes all of p, and reports a failed
// write of the underlying writer.
func (iw *indentWriter) Write(p []byte) (int, error) {
	for _, c := range p {
		if iw.inString {
			iw.out = append(iw.out, c)
			switch {
			case iw.escaped:
				iw.escaped = false
			case c == '\\':
				iw.escaped = true
			case c == '"':
				iw.inString = false
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if iw.needIndent && c != '}' && c != ']' {
			iw.needIndent = false
			iw.depth++
			iw.newline()
		}
		switch c {
		case '"':
			iw.inString = true
			iw.out = append(iw.out, c)
		case '{', '[':
			iw.needIndent = true
			iw.out = append(iw.out, c)
		case ',':
			iw.out = append(iw.out, c)
			iw.newline()
		case ':':
			iw.out = append(iw.out, c, ' ')
		case '}', ']':
			if iw.needIndent {
				iw.needIndent = false
			} else {
				iw.depth--
				iw.newline()
			}
			iw.out = append(iw.out, c)
		default:
			iw.out = append(iw.out, c)
		}
		if len(iw.out) >= indentChunk {
			iw.flush()
		}
	}
	return len(p), iw.err
}

// newline appends a newline and the indent of the current depth.
func (iw *indentWriter) newline() {
	iw.out = append(iw.out, '\n')
	for range iw.depth {
		iw.out = append(iw.out, ' ', ' ')
	}
}

// finish ends the document with a newline and flushes it.
func (iw *indentWriter) finish() error {
	iw.out = append(iw.out, '\n')
	return iw.flush()
}

// flush writes what is pending and returns the first write error.
func (iw *indentWriter) flush() error {
	if iw.err == nil && len(iw.out) > 0 {
		_, iw.err = iw.w.Write(iw.out)
	}
	iw.out = iw.out[:0]
	return iw.err
}
