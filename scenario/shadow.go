package scenario

import (
	"unicode/utf8"

	"github.com/iameval/iameval/internal/jsonsrc"
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
		r, n := jsonsrc.DecodeEscape(raw[i:])
		if n == 0 {
			emit(raw[i:i+1], 1)
			i++
			continue
		}
		k := utf8.EncodeRune(buf[:], r)
		emit(string(buf[:k]), n)
		i += n
	}
	out = appendSpaces(out, owed)
	return string(out)
}

// appendSpaces appends n spaces (none when n <= 0).
func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}
