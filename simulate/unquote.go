package simulate

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// unquote decodes the JSON string literal lit (quotes included, already
// checked to be valid JSON) and says where each byte of the result came
// from: at[i] is the offset in lit of the character or escape sequence
// that produced byte i of s, and at[len(s)] the offset of the closing
// quote. A lone UTF-16 surrogate decodes to U+FFFD, as in encoding/json.
// ok is false when lit is not a string literal.
func unquote(lit string) (s string, at []int, ok bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", nil, false
	}
	buf := make([]byte, 0, len(lit)-2)
	at = make([]int, 0, len(lit)-1)
	emit := func(from int, bs ...byte) {
		for _, b := range bs {
			buf = append(buf, b)
			at = append(at, from)
		}
	}
	i := 1
	end := len(lit) - 1
	for i < end {
		c := lit[i]
		if c != '\\' {
			emit(i, c)
			i++
			continue
		}
		if i+1 >= end {
			return "", nil, false
		}
		switch e := lit[i+1]; e {
		case '"', '\\', '/':
			emit(i, e)
		case 'b':
			emit(i, '\b')
		case 'f':
			emit(i, '\f')
		case 'n':
			emit(i, '\n')
		case 'r':
			emit(i, '\r')
		case 't':
			emit(i, '\t')
		case 'u':
			r, n, good := unicodeEscape(lit[i:end])
			if !good {
				return "", nil, false
			}
			emit(i, utf8.AppendRune(nil, r)...)
			i += n
			continue
		default:
			return "", nil, false
		}
		i += 2
	}
	at = append(at, end)
	return string(buf), at, true
}

// unicodeEscape decodes the \uXXXX escape at the start of s, joining a
// surrogate pair written as two escapes. It returns the rune and how many
// bytes of s it used.
func unicodeEscape(s string) (rune, int, bool) {
	r, ok := hex4(s)
	if !ok {
		return 0, 0, false
	}
	if !utf16.IsSurrogate(r) {
		return r, 6, true
	}
	if r2, ok := hex4(s[6:]); ok {
		if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
			return pair, 12, true
		}
	}
	return utf8.RuneError, 6, true
}

// hex4 reads the \uXXXX escape at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[2:6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}
