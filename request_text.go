package iameval

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/variables"
)

// checkText reports an error when s, the what of a request, is not valid
// UTF-8 or holds a control character (Unicode category Cc: NUL, newline,
// escape ...) or a format character (Cf: zero-width space, bidirectional
// overrides ...). Such characters are invisible or rewrite what a terminal
// shows, AWS writes none of them in ARNs or context-key names, and a
// policy that names the visible text would not match the request: the
// request is refused instead of decided. The error quotes s with every
// such character escaped.
func checkText(what, s string) error {
	if isPlainASCII(s) {
		return nil
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Errorf("%s %+q is not valid UTF-8 (byte 0x%02x at offset %d)", what, s, s[i], i)
			}
		}
		if unicode.In(r, unicode.Cc, unicode.Cf) {
			return fmt.Errorf("%s %+q holds the control or format character %+q at offset %d", what, s, r, i)
		}
	}
	return nil
}

// checkValueSize refuses a context value longer than the expansion budget
// (variables.MaxExpansion, 64 KiB): no value AWS puts in a request comes
// near it (tag values are at most 256 characters, ARNs 2,048), and one
// such value used as a policy variable would exceed the budget alone.
func checkValueSize(key string, v condition.Value) error {
	for i := range v.Len() {
		if n := len(v.At(i)); n > variables.MaxExpansion {
			return fmt.Errorf("context key %+q has a value of %d bytes, more than the %d KiB a request value may hold", key, n, variables.MaxExpansion>>10)
		}
	}
	return nil
}

// isPlainASCII reports whether s is printable ASCII and space (0x20 to
// 0x7e) only: the usual text, which holds no control character (the only
// ASCII ones are Cc: 0x00 to 0x1f and 0x7f), no format character (Cf has
// none in ASCII) and is valid UTF-8, so checkText can skip decoding it.
func isPlainASCII(s string) bool {
	// Eight bytes at a time, as one little-endian word (the compiler
	// combines the loads): a byte is outside 0x20..0x7e when its high bit
	// is set (w), when adding one sets it (0x7f; no carry leaves a byte
	// below 0x80) or when subtracting 0x20 sets it (below 0x20). A borrow
	// only follows a byte below 0x20, so a word is refused exactly when
	// one of its bytes is. Each word is read from an 8-byte slice of s,
	// whose length the compiler knows: no bounds check per byte.
	// A text of eight bytes or more ends with its last eight bytes, read
	// as a word (overlapping the words before it): no byte-by-byte tail.
	if len(s) >= 8 {
		if !plainWord(s[len(s)-8:]) {
			return false
		}
		for ; len(s) > 8; s = s[8:] {
			if !plainWord(s[:8]) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// plainWord is isPlainASCII for the first eight bytes of s, read as one
// little-endian word (see isPlainASCII).
func plainWord(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	t := s[:8]
	w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	return (w|(w+ones)|(w-0x20*ones))&highs == 0
}
