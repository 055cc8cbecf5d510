package jsonsrc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// refSkipString is skipString read one byte at a time.
func refSkipString(src string, i int) int {
	for i++; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		case c == '\\':
			i++
			if i >= len(src) {
				return -1
			}
			switch src[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(src) || !isHex(src[i+1]) || !isHex(src[i+2]) || !isHex(src[i+3]) || !isHex(src[i+4]) {
					return -1
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

// refSkipStringASCII is skipStringASCII read one byte at a time.
func refSkipStringASCII(src string, i int) int {
	for i++; i < len(src); i++ {
		switch c := src[i]; {
		case c >= 0x80:
			return notASCII
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		case c == '\\':
			i++
			if i >= len(src) {
				return -1
			}
			switch src[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(src) || !isHex(src[i+1]) || !isHex(src[i+2]) || !isHex(src[i+3]) || !isHex(src[i+4]) {
					return -1
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

// TestSkipStringWords checks the eight-bytes-at-a-time string scans
// (with and without looking for bytes outside ASCII) against byte-by-byte
// ones for every special byte (quote, backslash,
// each control character, and bytes just above them or with the top bit
// set) at every place of a word: RFC 8259 section 7 forbids unescaped
// control characters in strings (https://www.rfc-editor.org/rfc/rfc8259#section-7).
func TestSkipStringWords(t *testing.T) {
	t.Parallel()
	specials := []string{`"`, `\"`, `\\`, `\u00e9`, `\q`, "\x00", "\x1f", "\x20", "!", "#", "[", "]", "\x7f", "\x80", "\xff", "é"}
	for n := 0; n < 20; n++ {
		for _, sp := range specials {
			for _, tail := range []string{`"`, `abc"`, strings.Repeat("x", 9) + `"`, ""} {
				src := `"` + strings.Repeat("a", n) + sp + tail + "  "
				assert.Equal(t, refSkipString(src, 0), skipString(src, 0), "%q", src)
				assert.Equal(t, refSkipStringASCII(src, 0), skipStringASCII(src, 0), "%q", src)
			}
		}
	}
}

// TestEndString checks the walk's string scan, which trusts validation,
// against the validating one, and that it tells strings without escapes
// apart (RFC 8259 section 7, https://www.rfc-editor.org/rfc/rfc8259#section-7).
func TestEndString(t *testing.T) {
	t.Parallel()
	for n := 0; n < 20; n++ {
		for _, mid := range []string{"", `\"`, `\\`, `\/`, `\u00e9`, `\n`, "é", "x"} {
			for _, tail := range []string{"", "abc", strings.Repeat("y", 9), `\\`} {
				lit := `"` + strings.Repeat("a", n) + mid + tail + `"`
				src := lit + `,"next"`
				d := &Doc{src: src}
				end, plain := d.endString(0)
				assert.Equal(t, skipString(src, 0), end, "%q", src)
				assert.Equal(t, !strings.Contains(lit, `\`), plain, "%q", src)
			}
		}
	}
}
