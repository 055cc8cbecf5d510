package policy

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// jv is one JSON value of the document text: its kind and extent. The
// walker reads the text in one pass per nesting level without building a
// tree; jsonsrc.Parse has already checked that the text is valid JSON, and
// every step here is bounds-checked anyway, so that no input can make it
// panic.
type jv struct {
	kind byte // '{' object, '[' array, '"' string, '0' number, 't' true, 'f' false, 'n' null, 0 none
	off  int  // offset of the first character
	end  int  // offset just past the last character
}

// scanner reads values of a validated JSON text.
type scanner struct {
	src string
	// opens holds the offsets of the brackets that open objects and
	// arrays, ascending, and closes the offsets of their closing brackets,
	// so that skipping a container costs a lookup; both are filled in one
	// pass by newScanner.
	opens, closes []int32
	hint          int // where the last lookup in opens succeeded
}

// scannerFor returns a scanner of the document, reusing the bracket index
// that jsonsrc.Parse built while validating it.
func scannerFor(doc *jsonsrc.Doc) scanner {
	opens, closes := doc.Brackets()
	if opens == nil {
		return newScanner(doc.Src())
	}
	return scanner{src: doc.Src(), opens: opens, closes: closes}
}

// newScanner indexes the brackets of src.
func newScanner(src string) scanner {
	sc := scanner{src: src}
	var stackBuf [32]int32
	stack := stackBuf[:0] // indexes into opens
	for i := 0; i < len(src); i++ {
		if !structural[src[i]] {
			continue
		}
		switch src[i] {
		case '"':
			// Strings are short: a byte loop beats IndexByte here.
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			stack = append(stack, int32(len(sc.opens)))
			sc.opens = append(sc.opens, int32(i))
			sc.closes = append(sc.closes, 0)
		case '}', ']':
			if k := len(stack); k > 0 {
				sc.closes[stack[k-1]] = int32(i)
				stack = stack[:k-1]
			}
		}
	}
	return sc
}

// structural marks the bytes newScanner stops at.
var structural = [256]bool{'"': true, '{': true, '[': true, '}': true, ']': true}

// ws returns the offset of the first non-space character at or after i.
func (sc *scanner) ws(i int) int {
	for i < len(sc.src) {
		switch sc.src[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value returns the value starting at offset i (after white space).
func (sc *scanner) value(i int) jv {
	i = sc.ws(i)
	if i >= len(sc.src) {
		return jv{off: i, end: i}
	}
	v := jv{kind: sc.src[i], off: i}
	switch v.kind {
	case '{', '[':
		v.end = sc.skipContainer(i)
	case '"':
		v.end = sc.skipString(i)
	case 't', 'f', 'n':
		v.end = sc.skipWord(i)
	default:
		v.kind = '0'
		v.end = sc.skipWord(i)
	}
	return v
}

// skipString returns the offset just past the string starting at i.
func (sc *scanner) skipString(i int) int {
	for j := i + 1; j < len(sc.src); {
		k := strings.IndexByte(sc.src[j:], '"')
		if k < 0 {
			break
		}
		j += k
		// The quote closes the string unless an odd number of
		// backslashes precedes it.
		b := j - 1
		for b > i && sc.src[b] == '\\' {
			b--
		}
		if (j-1-b)%2 == 0 {
			return j + 1
		}
		j++
	}
	return len(sc.src)
}

// skipWord returns the offset just past a number or literal at i.
func (sc *scanner) skipWord(i int) int {
	for i < len(sc.src) {
		switch sc.src[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r', ':':
			return i
		}
		i++
	}
	return i
}

// skipContainer returns the offset just past the object or array at i.
func (sc *scanner) skipContainer(i int) int {
	k := sc.hint
	if k >= len(sc.opens) || int(sc.opens[k]) != i {
		// Lookups mostly move forward: try the next one, then search.
		if k+1 < len(sc.opens) && int(sc.opens[k+1]) == i {
			k++
		} else {
			lo, hi := 0, len(sc.opens)
			for lo < hi {
				m := int(uint(lo+hi) >> 1)
				if int(sc.opens[m]) < i {
					lo = m + 1
				} else {
					hi = m
				}
			}
			if lo == len(sc.opens) || int(sc.opens[lo]) != i {
				return len(sc.src)
			}
			k = lo
		}
	}
	sc.hint = k
	if c := int(sc.closes[k]); c > i {
		return c + 1
	}
	return len(sc.src)
}

// isEmpty reports whether the object or array v has no members.
func (sc *scanner) isEmpty(v jv) bool {
	i := sc.ws(v.off + 1)
	return i >= v.end-1
}

// raw returns the text of v.
func (sc *scanner) raw(v jv) string { return sc.src[v.off:v.end] }

// str returns the content of the string v, unescaped.
func (sc *scanner) str(v jv) string {
	s, _ := sc.strRaw(v)
	return s
}

// strRaw returns the content of the string v, unescaped, and whether it
// is the text between the quotes as written (it had no escapes).
func (sc *scanner) strRaw(v jv) (string, bool) {
	if v.end-v.off < 2 {
		return "", true
	}
	s := sc.src[v.off+1 : v.end-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	return unescape(s), false
}

// typeName names the JSON type of v as messages do.
func typeName(v jv) string {
	switch v.kind {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	}
	return "null"
}

// iter walks the members of an object or the elements of an array.
type iter struct {
	sc  *scanner
	i   int  // where to continue
	end int  // offset of the closing bracket
	obj bool // an object: members have keys
}

// items starts a walk over the object or array v.
func (sc *scanner) items(v jv) iter {
	return iter{sc: sc, i: v.off + 1, end: v.end - 1, obj: v.kind == '{'}
}

// next returns the next member: for objects its key (raw, with quotes) and
// value, for arrays the element. ok is false at the end.
func (it *iter) next() (key jv, val jv, ok bool) {
	sc := it.sc
	i := sc.ws(it.i)
	if i < it.end && sc.src[i] == ',' {
		i = sc.ws(i + 1)
	}
	if i >= it.end {
		it.i = it.end
		return jv{}, jv{}, false
	}
	if it.obj {
		if sc.src[i] != '"' {
			it.i = it.end
			return jv{}, jv{}, false
		}
		key = jv{kind: '"', off: i, end: sc.skipString(i)}
		i = sc.ws(key.end)
		if i < it.end && sc.src[i] == ':' {
			i++
		}
	}
	val = sc.value(i)
	if val.end <= i || val.end > it.end {
		it.i = it.end
		return jv{}, jv{}, false
	}
	it.i = val.end
	return key, val, true
}

// unescape decodes the JSON escapes of a string's content.
func unescape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch s[i] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, n := hex4(s[i+1:])
			i += n
			if utf16.IsSurrogate(r) {
				if i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					r2, n2 := hex4(s[i+3:])
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						r = d
						i += 2 + n2
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default: // '"', '\\', '/'
			b = append(b, s[i])
		}
	}
	return string(b)
}

// hex4 decodes the four hex digits at the start of s; n is how many bytes
// were read.
func hex4(s string) (r rune, n int) {
	for n < 4 && n < len(s) {
		c := s[n]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return utf8.RuneError, n
		}
		r = r<<4 | rune(c)
		n++
	}
	if n < 4 {
		return utf8.RuneError, n
	}
	return r, n
}
