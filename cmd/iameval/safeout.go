package main

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// safeWriter escapes, in everything the commands write, the characters
// that would act on a terminal instead of showing: control characters
// other than tab and newline (ESC sequences, carriage return, backspace,
// the control characters U+0080 to U+009F), format characters (zero-width and bidirectional
// marks) and bytes that are not UTF-8. A rune becomes \uXXXX and a stray
// byte \xNN. The \uXXXX form is also a JSON escape with the same meaning,
// and encoding/json never writes these runes outside strings, so JSON
// output stays valid JSON.
//
// A Write may end inside a multi-byte character; those bytes wait for the
// next Write or for Flush.
type safeWriter struct {
	w       io.Writer
	pending []byte // the incomplete UTF-8 sequence that ended the last Write
	buf     []byte // reused for what Write passes on: at most about safeChunk bytes
}

// safeChunk is how many bytes Write passes on at a time: a document of
// 60 MB (`iameval test --json` on a policy of 100,000 statements) is not
// copied whole (issue 15).
const safeChunk = 64 << 10

// newSafeWriter returns a safeWriter writing to w.
func newSafeWriter(w io.Writer) *safeWriter { return &safeWriter{w: w} }

// Write escapes p and writes it to the underlying writer. It reports
// len(p) when the escaped text was written.
func (s *safeWriter) Write(p []byte) (int, error) {
	in := p
	if len(s.pending) > 0 {
		in = append(s.pending, p...)
		s.pending = nil
	}
	out := s.buf[:0]
	for i := 0; i < len(in); {
		if len(out) >= safeChunk {
			if _, err := s.w.Write(out); err != nil {
				return 0, err
			}
			out = out[:0]
		}
		c := in[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(in[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(in[i:]) {
				s.pending = append([]byte(nil), in[i:]...)
				break
			}
			out = fmt.Appendf(out, `\x%02x`, c)
			i++
			continue
		}
		if c < 0x80 || unicode.In(r, unicode.Cc, unicode.Cf) {
			out = appendEscape(out, r)
		} else {
			out = append(out, in[i:i+size]...)
		}
		i += size
	}
	s.buf = out
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// appendEscape appends r as a JSON escape: \uXXXX, or a UTF-16 surrogate
// pair for a rune outside the Basic Multilingual Plane.
func appendEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
	}
	return fmt.Appendf(out, `\u%04x`, r)
}

// Flush writes the bytes held back by the last Write, escaped: the output
// ended inside a character, so they are not UTF-8.
func (s *safeWriter) Flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	out := make([]byte, 0, 4*len(s.pending))
	for _, c := range s.pending {
		out = fmt.Appendf(out, `\x%02x`, c)
	}
	s.pending = nil
	_, err := s.w.Write(out)
	return err
}
