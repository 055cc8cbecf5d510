package jsonsrc

import "strconv"

// locate finds the first syntax error of src, which validate rejected,
// and describes it in the words of encoding/json's scanner, so that
// messages read as Go programmers know them: off is the offset of the
// offending byte (len(src) when the text ends too early). It walks the
// text once, with a stack instead of recursion.
func locate(src string) (off int, msg string) {
	var stack []byte // the open containers: '{' or '['
	i := skipSpace(src, 0)
	for {
		// A value starts at i.
		if i >= len(src) {
			return len(src), msgEOF
		}
		switch c := src[i]; {
		case c == '{' || c == '[':
			i = skipSpace(src, i+1)
			if i >= len(src) {
				return len(src), msgEOF
			}
			if src[i] == c+2 { // '}' is '{'+2, ']' is '['+2
				i++
				break
			}
			stack = append(stack, c)
			if c == '{' {
				var bad string
				if i, bad = locateKey(src, i); bad != "" {
					return i, bad
				}
			}
			continue
		case c == '"':
			var bad string
			if i, bad = locateString(src, i); bad != "" {
				return i, bad
			}
		case c == 't' || c == 'f' || c == 'n':
			word := map[byte]string{'t': "true", 'f': "false", 'n': "null"}[c]
			for k := 1; k < len(word); k++ {
				if i+k >= len(src) {
					return endIn(src, "in literal "+word+" (expecting "+quoteChar(word[k])+")")
				}
				if src[i+k] != word[k] {
					return i + k, invalidChar(src[i+k], "in literal "+word+" (expecting "+quoteChar(word[k])+")")
				}
			}
			i += len(word)
		case c == '-' || '0' <= c && c <= '9':
			var bad string
			if i, bad = locateNumber(src, i); bad != "" {
				return i, bad
			}
		default:
			return i, invalidChar(c, "looking for beginning of value")
		}
		// A value ended just before i.
		for {
			i = skipSpace(src, i)
			if len(stack) == 0 {
				if i < len(src) {
					return i, invalidChar(src[i], "after top-level value")
				}
				return -1, ""
			}
			if i >= len(src) {
				return len(src), msgEOF
			}
			top := stack[len(stack)-1]
			switch c := src[i]; {
			case c == ',':
				i = skipSpace(src, i+1)
				if top == '{' {
					var bad string
					if i, bad = locateKey(src, i); bad != "" {
						return i, bad
					}
				}
			case c == top+2:
				stack = stack[:len(stack)-1]
				i++
				continue
			case top == '{':
				return i, invalidChar(c, "after object key:value pair")
			default:
				return i, invalidChar(c, "after array element")
			}
			break
		}
	}
}

// msgEOF is encoding/json's message for text that ends too early.
const msgEOF = "unexpected end of JSON input"

// endIn words text that ends inside a token: encoding/json feeds its
// scanner a space at the end, which the token rejects, and blames the last
// byte.
func endIn(src, context string) (int, string) {
	return len(src) - 1, invalidChar(' ', context)
}

// locateKey reads an object key and its colon at i and returns where the
// value starts, or the offset and message of the error.
func locateKey(src string, i int) (int, string) {
	if i >= len(src) {
		return len(src), msgEOF
	}
	if src[i] != '"' {
		return i, invalidChar(src[i], "looking for beginning of object key string")
	}
	i, bad := locateString(src, i)
	if bad != "" {
		return i, bad
	}
	i = skipSpace(src, i)
	if i >= len(src) {
		return len(src), msgEOF
	}
	if src[i] != ':' {
		return i, invalidChar(src[i], "after object key")
	}
	return skipSpace(src, i+1), ""
}

// locateString returns the offset just past the string at i, or the
// offset and message of its error.
func locateString(src string, i int) (int, string) {
	for i++; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			return i + 1, ""
		case c < 0x20:
			return i, invalidChar(c, "in string literal")
		case c == '\\':
			i++
			if i >= len(src) {
				return endIn(src, "in string escape code")
			}
			switch src[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 1; k <= 4; k++ {
					if i+k >= len(src) {
						return endIn(src, "in \\u hexadecimal character escape")
					}
					if !isHex(src[i+k]) {
						return i + k, invalidChar(src[i+k], "in \\u hexadecimal character escape")
					}
				}
				i += 4
			default:
				return i, invalidChar(src[i], "in string escape code")
			}
		}
	}
	return len(src), msgEOF
}

// locateNumber returns the offset just past the number at i, or the
// offset and message of its error.
func locateNumber(src string, i int) (int, string) {
	if src[i] == '-' {
		i++
		if i >= len(src) {
			return endIn(src, "in numeric literal")
		}
		if c := src[i]; c < '0' || c > '9' {
			return i, invalidChar(c, "in numeric literal")
		}
	}
	if src[i] == '0' {
		i++
	} else {
		i = skipDigits(src, i)
	}
	if i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) {
			return endIn(src, "after decimal point in numeric literal")
		}
		if c := src[i]; c < '0' || c > '9' {
			return i, invalidChar(c, "after decimal point in numeric literal")
		}
		i = skipDigits(src, i)
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) {
			return endIn(src, "in exponent of numeric literal")
		}
		if c := src[i]; c < '0' || c > '9' {
			return i, invalidChar(c, "in exponent of numeric literal")
		}
		i = skipDigits(src, i)
	}
	return i, ""
}

// invalidChar words an unexpected character c as encoding/json does.
func invalidChar(c byte, context string) string {
	return "invalid character " + quoteChar(c) + " " + context
}

// quoteChar formats c as a quoted character literal, as encoding/json
// does (a byte of a multi-byte character is shown as the Latin-1
// character of that value).
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
