package wildcard

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Pattern is a compiled plain glob. The zero Pattern matches only the
// empty string. A Pattern is immutable and safe for concurrent use.
type Pattern struct {
	raw     string
	literal bool // no '*' and no '?'
}

// Compile compiles a plain glob. It never fails: every string is a valid
// pattern.
func Compile(p string) Pattern {
	return Pattern{raw: p, literal: !strings.ContainsAny(p, "*?")}
}

// Match reports whether s matches the whole pattern.
func (p Pattern) Match(s string) bool {
	if p.literal {
		return p.raw == s
	}
	return match(p.raw, s, false)
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.raw }

// IsLiteral reports whether the pattern has no wildcard, so that it
// matches exactly one string.
func (p Pattern) IsLiteral() bool { return p.literal }

// LiteralPrefix returns the text before the first wildcard: every string
// the pattern matches starts with it.
func (p Pattern) LiteralPrefix() string {
	if i := strings.IndexAny(p.raw, "*?"); i >= 0 {
		return p.raw[:i]
	}
	return p.raw
}

// Match reports whether s matches the plain glob pattern. It does not
// allocate.
func Match(pattern, s string) bool {
	return match(pattern, s, false)
}

// MatchEscaped reports whether s matches an escaped glob: '*' and '?' are
// wildcards and a backslash makes the character after it literal (a
// trailing lone backslash is itself literal). It does not allocate.
func MatchEscaped(pattern, s string) bool {
	return match(pattern, s, true)
}

// MatchEscapedBytes is [MatchEscaped] for a pattern built in a byte
// buffer (typically on the stack, by variables.Template.AppendPattern). It
// does not copy or retain the pattern, so it does not allocate.
func MatchEscapedBytes(pattern []byte, s string) bool {
	if len(pattern) == 0 {
		return s == ""
	}
	return match(unsafe.String(unsafe.SliceData(pattern), len(pattern)), s, true)
}

// AppendEscape appends s to dst as escaped-pattern text that matches s
// literally: backslash, '*' and '?' are each preceded by a backslash.
func AppendEscape(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' || c == '*' || c == '?' {
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return dst
}

// AppendEscapePolicyText appends the plain-pattern text s to dst as
// escaped-pattern text with the same meaning: '*' and '?' stay wildcards
// and only backslashes, literal in plain patterns, are escaped.
func AppendEscapePolicyText(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return dst
}

// match is the one matcher behind both syntaxes.
func match(p, s string, esc bool) bool {
	first := indexStar(p, esc)
	if first < 0 {
		end, ok := matchAt(p, esc, s, 0)
		return ok && end == len(s)
	}
	last := lastIndexStar(p, first, esc)

	pos, ok := matchAt(p[:first], esc, s, 0)
	if !ok {
		return false
	}
	limit, ok := matchSuffix(p[last+1:], esc, s, pos)
	if !ok {
		return false
	}
	if first == last {
		return true
	}
	mid := p[first+1 : last]
	for len(mid) > 0 {
		var seg string
		if k := indexStar(mid, esc); k < 0 {
			seg, mid = mid, ""
		} else {
			seg, mid = mid[:k], mid[k+1:]
		}
		if seg == "" {
			continue
		}
		end, ok := find(seg, esc, s[:limit], pos)
		if !ok {
			return false
		}
		pos = end
	}
	return true
}

// indexStar returns the index of the first unescaped '*' in p, or -1.
func indexStar(p string, esc bool) int {
	if !esc {
		return strings.IndexByte(p, '*')
	}
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '*':
			return i
		}
	}
	return -1
}

// lastIndexStar returns the index of the last unescaped '*' in p at or
// after from, which is itself an unescaped star.
func lastIndexStar(p string, from int, esc bool) int {
	if !esc {
		return strings.LastIndexByte(p, '*')
	}
	last := from
	for i := from + 1; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '*':
			last = i
		}
	}
	return last
}

// matchAt matches the star-free piece seg against s from index i and
// returns the index just past the match.
func matchAt(seg string, esc bool, s string, i int) (int, bool) {
	for j := 0; j < len(seg); j++ {
		c := seg[j]
		switch {
		case c == '?':
			if i >= len(s) {
				return 0, false
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		case c == '\\' && esc && j+1 < len(seg):
			j++
			c = seg[j]
		}
		if i >= len(s) || s[i] != c {
			return 0, false
		}
		i++
	}
	return i, true
}

// matchSuffix finds where the star-free piece seg starts when it matches
// the end of s, at or after min. It prefers the latest start, which leaves
// the most room for the pieces before it.
func matchSuffix(seg string, esc bool, s string, min int) (int, bool) {
	lits, qs := 0, 0
	for j := 0; j < len(seg); j++ {
		switch {
		case seg[j] == '?':
			qs++
		case seg[j] == '\\' && esc && j+1 < len(seg):
			j++
			lits++
		default:
			lits++
		}
	}
	// Each '?' consumes one rune of one to four bytes.
	for n := lits + qs; n <= lits+utf8.UTFMax*qs; n++ {
		start := len(s) - n
		if start < min {
			break
		}
		if start < len(s) && !utf8.RuneStart(s[start]) {
			continue
		}
		if end, ok := matchAt(seg, esc, s, start); ok && end == len(s) {
			return start, true
		}
	}
	return 0, false
}

// find returns the end of the leftmost match of the star-free piece seg in
// s at or after from.
func find(seg string, esc bool, s string, from int) (int, bool) {
	if from > len(s) {
		return 0, false
	}
	if !strings.ContainsRune(seg, '?') && (!esc || !strings.ContainsRune(seg, '\\')) {
		i := strings.Index(s[from:], seg)
		if i < 0 {
			return 0, false
		}
		return from + i + len(seg), true
	}
	for i := from; i <= len(s); i++ {
		if i < len(s) && !utf8.RuneStart(s[i]) {
			continue
		}
		if end, ok := matchAt(seg, esc, s, i); ok {
			return end, true
		}
	}
	return 0, false
}
