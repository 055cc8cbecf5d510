package jsonsrc

import (
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeEscape decodes the escape sequence at the start of s (s[0] is the
// backslash): a one-letter escape, a \uXXXX escape, or a UTF-16 surrogate
// pair written as two \u escapes. It returns the decoded character and
// how many bytes of s it used; n is 0 when s does not start with a valid
// escape. A lone surrogate decodes to U+FFFD and uses only its own six
// bytes, as in encoding/json.
func DecodeEscape(s string) (r rune, n int) {
	if len(s) < 2 || s[0] != '\\' {
		return 0, 0
	}
	switch c := s[1]; c {
	case '"', '\\', '/':
		return rune(c), 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		r1, ok := hex4(s)
		if !ok {
			return 0, 0
		}
		if !utf16.IsSurrogate(r1) {
			return r1, 6
		}
		if r2, ok := hex4(s[6:]); ok {
			if dec := utf16.DecodeRune(r1, r2); dec != utf8.RuneError {
				return dec, 12
			}
		}
		return utf8.RuneError, 6
	}
	return 0, 0
}

// hex4 reads `\uXXXX` at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	var r rune
	for i := 2; i < 6; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// Unescape decodes the escapes of a string's content (the text between
// its quotes). A backslash that does not start a valid escape is kept as
// it is; validated documents have none.
func Unescape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		r, n := DecodeEscape(s[i:])
		if n == 0 {
			b = append(b, c)
			i++
			continue
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return string(b)
}

// Unquote decodes the JSON string literal lit (quotes included) and says
// where each byte of the result came from: at[i] is the offset in lit of
// the character or escape sequence that produced byte i of s, and
// at[len(s)] the offset of the closing quote. ok is false when lit is not
// a string literal or holds an invalid escape.
func Unquote(lit string) (s string, at []int, ok bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", nil, false
	}
	end := len(lit) - 1
	buf := make([]byte, 0, end-1)
	at = make([]int, 0, end)
	for i := 1; i < end; {
		c := lit[i]
		if c != '\\' {
			buf = append(buf, c)
			at = append(at, i)
			i++
			continue
		}
		r, n := DecodeEscape(lit[i:end])
		if n == 0 {
			return "", nil, false
		}
		k := len(buf)
		buf = utf8.AppendRune(buf, r)
		for ; k < len(buf); k++ {
			at = append(at, i)
		}
		i += n
	}
	at = append(at, end)
	return string(buf), at, true
}
