package policy

import (
	"math/rand/v2"
	"testing"
)

// TestSidHashAlnum checks the word-at-a-time test of sidHash against a
// byte-by-byte one: every byte value at every position of a word and of
// the tail, and random Sids of letters, digits and other bytes.
func TestSidHashAlnum(t *testing.T) {
	byteWise := func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return false
			}
		}
		return true
	}
	check := func(s string) {
		t.Helper()
		if _, got := sidHash(s); got != byteWise(s) {
			t.Fatalf("sidHash(%q) alnum = %v, want %v", s, got, !got)
		}
	}
	base := []byte("Abc0Xyz9Q")
	for pos := range base {
		for c := range 256 {
			b := append([]byte(nil), base...)
			b[pos] = byte(c)
			check(string(b))
			check(string(b[:8]))
			check(string(b[:pos+1]))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "azAZ09/@[`{:-_\x80\xff"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(b))
	}
}
