package jsonsrc

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestStringStops checks the word test of the validator's string loop
// against a byte-by-byte one: for every byte value at every place of a
// word of plain bytes, and for random words, the lowest marked byte is
// the first quote, backslash, control character or byte outside ASCII.
func TestStringStops(t *testing.T) {
	t.Parallel()
	stop := func(c byte) bool { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80 }
	ref := func(w uint64) int { // the first stop byte, 8 for none
		for k := 0; k < 8; k++ {
			if stop(byte(w >> (8 * k))) {
				return k
			}
		}
		return 8
	}
	got := func(w uint64) int {
		if m := stringStops(w); m != 0 {
			return bits.TrailingZeros64(m) / 8
		}
		return 8
	}
	for k := 0; k < 8; k++ {
		for c := 0; c < 256; c++ {
			for _, fill := range []byte{'a', ' ', '!', '#', '~', 0x7f, '[', ']', '"' + 1, '\\' + 1} {
				w := uint64(0)
				for p := 0; p < 8; p++ {
					b := fill
					if p == k {
						b = byte(c)
					}
					w |= uint64(b) << (8 * p)
				}
				require.Equal(t, ref(w), got(w), "%#016x", w)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1 << 16 {
		w := r.Uint64()
		// Mostly printable ASCII, as in documents.
		w &^= 0x8080808080808080 & r.Uint64() & r.Uint64()
		require.Equal(t, ref(w), got(w), "%#016x", w)
	}
}
