package scenario

import (
	"unicode/utf16"
	"unicode/utf8"
)

// shadow turns the raw content of a JSON string literal that holds a policy
// document (the bytes between its quotes, escapes undecoded) into JSON text
// with the same meaning as the decoded string and the same length in bytes as
// raw, so that an offset into the result is also an offset into the scenario
// file. Escapes that stand for structure or whitespace of the embedded
// document are padded with spaces outside its strings; escapes inside the
// embedded document's strings are kept decoded and the bytes they saved are
// added as spaces after the string's closing quote.
//
// raw must be the content of a valid JSON string literal; shadow never fails
// and never panics on other input either.
func shadow(raw string) string {
	out := make([]byte, 0, len(raw))
	var (
		inStr   bool // inside a string of the embedded document
		escaped bool // the previous decoded byte was a backslash inside such a string
		owed    int  // bytes saved inside the current embedded string
	)
	emit := func(d string, n int) {
		if !inStr {
			switch {
			case len(d) == 1 && d[0] == '"':
				out = appendSpaces(out, n-1)
				out = append(out, '"')
				inStr = true
			case len(d) == 1 && (d[0] == '\n' || d[0] == '\r' || d[0] == '\t'):
				out = appendSpaces(out, n)
			default:
				out = append(out, d...)
				out = appendSpaces(out, n-len(d))
			}
			return
		}
		out = append(out, d...)
		owed += n - len(d)
		switch {
		case escaped:
			escaped = false
		case len(d) == 1 && d[0] == '\\':
			escaped = true
		case len(d) == 1 && d[0] == '"':
			inStr = false
			out = appendSpaces(out, owed)
			owed = 0
		}
	}
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			emit(raw[i:i+1], 1)
			i++
			continue
		}
		switch e := raw[i+1]; e {
		case '"', '\\', '/':
			emit(raw[i+1:i+2], 2)
			i += 2
		case 'b', 'f', 'n', 'r', 't':
			emit(simpleEscapes[e], 2)
			i += 2
		case 'u':
			r, n := decodeU(raw[i:])
			if n == 0 {
				emit(raw[i:i+1], 1)
				i++
				continue
			}
			k := utf8.EncodeRune(buf[:], r)
			emit(string(buf[:k]), n)
			i += n
		default:
			emit(raw[i:i+1], 1)
			i++
		}
	}
	out = appendSpaces(out, owed)
	return string(out)
}

// simpleEscapes maps the one-letter escapes of JSON strings to their bytes.
var simpleEscapes = map[byte]string{'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t"}

// decodeU decodes a \uXXXX escape (or a surrogate pair of two) at the start
// of s. n is the number of bytes used, 0 when s does not start with a valid
// escape. A lone surrogate decodes to U+FFFD, as encoding/json does.
func decodeU(s string) (r rune, n int) {
	r1, ok := hex4(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r1) {
		if r2, ok := hex4(s[6:]); ok {
			if dec := utf16.DecodeRune(r1, r2); dec != utf8.RuneError {
				return dec, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r1, 6
}

// hex4 reads `\uXXXX` at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[2:6]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// appendSpaces appends n spaces (none when n <= 0).
func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}
