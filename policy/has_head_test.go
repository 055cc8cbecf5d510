package policy

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasHead checks hasHead against strings.HasPrefix: heads and texts
// of 0 to 40 bytes, equal or differing in one byte anywhere, including
// non-ASCII and invalid bytes.
func TestHasHead(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "arn:aws:s3:::*?${}/\x00\xff\xc3\xa9"
	text := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		s := text(r.IntN(41))
		n := r.IntN(41)
		head := text(n)
		if n <= len(s) && r.IntN(2) == 0 {
			b := []byte(s[:n])
			if n > 0 && r.IntN(2) == 0 {
				b[r.IntN(n)] ^= byte(1 << r.IntN(8))
			}
			head = string(b)
		}
		// A head at the end of a longer text, as entries are
		// substrings of the document.
		doc := "xx" + s
		s = doc[2:]
		if got, want := hasHead(s, head), strings.HasPrefix(s, head); got != want {
			t.Fatalf("hasHead(%q, %q) = %v, want %v", s, head, got, want)
		}
	}
}
