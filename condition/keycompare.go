package condition

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CompareKeys compares two context-key names as their [NormalizeKey]
// forms compare (byte-wise), without building those forms for ASCII
// names: sorting 100,000 keys needs no copy of each (issue 15).
func CompareKeys(a, b string) int {
	n := min(len(a), len(b))
	for i := sameASCII(a, b); i < n; i++ {
		ca, cb := a[i], b[i]
		if ca >= utf8.RuneSelf || cb >= utf8.RuneSelf {
			return strings.Compare(NormalizeKey(a), NormalizeKey(b))
		}
		if ca != cb {
			if la, lb := lowerASCII(ca), lowerASCII(cb); la != lb {
				return cmp.Compare(la, lb)
			}
		}
	}
	// One is a prefix of the other but for case: the rest decides, and
	// a non-ASCII rest may lower-case to anything.
	if !isASCII(a[n:]) || !isASCII(b[n:]) {
		return strings.Compare(NormalizeKey(a), NormalizeKey(b))
	}
	return cmp.Compare(len(a), len(b))
}

// compareFold orders strings so that two compare equal exactly when
// [strings.EqualFold] holds for them: rune by rune, each rune taken as the
// smallest rune of its Unicode simple-folding orbit (the order foldKey's
// forms have), without allocating.
func compareFold(a, b string) int {
	i := sameASCII(a, b)
	a, b = a[i:], b[i:]
	for a != "" && b != "" {
		ra, na := rune(a[0]), 1
		if ra >= utf8.RuneSelf {
			ra, na = utf8.DecodeRuneInString(a)
		}
		rb, nb := rune(b[0]), 1
		if rb >= utf8.RuneSelf {
			rb, nb = utf8.DecodeRuneInString(b)
		}
		if ra != rb {
			if fa, fb := minFold(ra), minFold(rb); fa != fb {
				return cmp.Compare(fa, fb)
			}
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// minFold returns the smallest rune of r's simple-folding orbit: the
// upper case of an ASCII letter.
func minFold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// sameASCII returns the length of the longest common prefix of a and b
// that is all ASCII, comparing eight bytes at a time: the keys an
// explanation sorts share long prefixes ("aws:PrincipalTag/"), and a
// prefix equal byte for byte and ASCII is equal in every order here.
func sameASCII(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		x, y := load64(a[i:i+8]), load64(b[i:i+8])
		if x != y || x&0x8080808080808080 != 0 {
			break
		}
	}
	for i < n && a[i] == b[i] && a[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// load64 reads the eight bytes of s as a little-endian number (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerASCII returns the lower case of an ASCII byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
