package wildcard

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Pattern is a compiled plain glob. The zero Pattern matches only the
// empty string. A Pattern is immutable and safe for concurrent use.
//
// Compile records the shape of the pattern and where its first and last
// stars are, so that Match does not look for them again, and gives the
// shapes policies use most a fast path of their own: literal text, "*"
// alone, and literal text followed by one trailing "*" (a prefix test). A
// Pattern stays small and allocation-free, as it is passed by value.
type Pattern struct {
	raw         string
	kind        kind
	first, last int32 // indexes of the first and last '*' (prefix, starOnly, general)
}

// Shape is a Pattern without its text, for a caller that keeps the text
// anyway: a Resource entry holds its resource part as the end of its own
// text, and storing 12 bytes of shape rather than a 32-byte Pattern with
// a second pointer to the same text keeps its slab smaller and with fewer
// pointers for the collector. [Shape.Of] gives the text back.
type Shape struct {
	first, last int32
	kind        kind
}

// Shape returns the shape of p, without its text.
func (p Pattern) Shape() Shape { return Shape{p.first, p.last, p.kind} }

// Of returns the Pattern of shape s and text raw, which must be the text
// of the Pattern s was taken from.
func (s Shape) Of(raw string) Pattern {
	return Pattern{raw: raw, kind: s.kind, first: s.first, last: s.last}
}

// IsLiteral reports whether the patterns of this shape have no wildcard,
// as [Pattern.IsLiteral] does for them.
func (s Shape) IsLiteral() bool { return s.kind == literal }

// kind is the shape of a pattern.
type kind uint8

const (
	noStar   kind = iota // no '*': compared position by position ('?' is one rune)
	literal              // no '*' and no '?'
	anything             // "*": every string
	prefix               // literal text and one trailing '*': a prefix test
	starOnly             // '*' but no '?': the pieces between stars are literal text
	general              // '*' and '?'
)

// Compile compiles a plain glob. It never fails: every string is a valid
// pattern.
func Compile(p string) Pattern {
	first := strings.IndexByte(p, '*')
	last := first
	if first >= 0 {
		last = strings.LastIndexByte(p, '*')
	}
	return CompileScanned(p, first, last, strings.IndexByte(p, '?') >= 0)
}

// CompileScanned is [Compile] for a caller that has already scanned p:
// first and last are the indexes of its first and last '*' (-1 for
// none) and qmark reports a '?'. It saves scanning p again.
func CompileScanned(p string, first, last int, qmark bool) Pattern {
	switch {
	case first < 0 && qmark:
		return Pattern{raw: p, kind: noStar}
	case first < 0:
		return Pattern{raw: p, kind: literal}
	}
	k := starOnly
	switch {
	case qmark:
		k = general
	case p == "*":
		k = anything
	case first == last && last == len(p)-1:
		k = prefix
	}
	return Pattern{raw: p, kind: k, first: int32(first), last: int32(last)}
}

// Match reports whether s matches the whole pattern.
func (p Pattern) Match(s string) bool {
	switch p.kind {
	case literal:
		return p.raw == s
	case anything:
		return true
	case prefix:
		return strings.HasPrefix(s, p.raw[:p.first])
	case starOnly:
		return matchStars(p.raw, int(p.first), int(p.last), s)
	case general:
		return matchPieces(p.raw, int(p.first), int(p.last), false, s)
	}
	end, ok := matchAt(p.raw, false, s, 0)
	return ok && end == len(s)
}

// PrefixOnly reports whether the pattern is literal text followed by one
// trailing '*' ("*" alone included), and returns that text: the pattern
// matches exactly the strings that begin with it. A caller that holds its
// input in another form (bytes) can then test the prefix itself.
func (p Pattern) PrefixOnly() (string, bool) {
	if p.kind == prefix || p.kind == anything {
		return p.raw[:p.first], true
	}
	return "", false
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.raw }

// IsLiteral reports whether the pattern has no wildcard, so that it
// matches exactly one string.
func (p Pattern) IsLiteral() bool { return p.kind == literal }

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
// Runs without special characters are copied whole: the text is usually a
// short variable value, for which a byte loop beats strings.IndexAny.
func AppendEscape(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '*' || c == '?' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\')
			start = i
		}
	}
	return append(dst, s[start:]...)
}

// AppendEscapePolicyText appends the plain-pattern text s to dst as
// escaped-pattern text with the same meaning: '*' and '?' stay wildcards
// and only backslashes, literal in plain patterns, are escaped.
func AppendEscapePolicyText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\')
			start = i
		}
	}
	return append(dst, s[start:]...)
}

// match is the one matcher behind both syntaxes.
func match(p, s string, esc bool) bool {
	if esc && strings.IndexByte(p, '\\') < 0 {
		esc = false // without backslashes both syntaxes mean the same
	}
	first := indexStar(p, esc)
	if first < 0 {
		end, ok := matchAt(p, esc, s, 0)
		return ok && end == len(s)
	}
	last := lastIndexStar(p, first, esc)
	if !esc && strings.IndexByte(p, '?') < 0 {
		return matchStars(p, first, last, s)
	}
	return matchPieces(p, first, last, esc, s)
}

// matchStars matches the pattern p, whose first and last stars are at
// first and last, when it has neither '?' nor escapes: the pieces are
// literal text, the first and last anchored at the ends of s, the others
// found leftmost in order.
func matchStars(p string, first, last int, s string) bool {
	head, tail := p[:first], p[last+1:]
	if !strings.HasPrefix(s, head) {
		return false
	}
	pos, limit := len(head), len(s)-len(tail)
	// Like matchSuffix, the tail may only start at a rune start (which a
	// valid UTF-8 tail does anyway).
	if limit < pos || !strings.HasSuffix(s, tail) || limit < len(s) && !utf8.RuneStart(s[limit]) {
		return false
	}
	for mid := p[first+1 : max(last, first+1)]; len(mid) > 0; {
		var piece string
		if k := strings.IndexByte(mid, '*'); k < 0 {
			piece, mid = mid, ""
		} else {
			piece, mid = mid[:k], mid[k+1:]
		}
		if piece == "" {
			continue
		}
		i := strings.Index(s[pos:limit], piece)
		if i < 0 {
			return false
		}
		pos += i + len(piece)
	}
	return true
}

// matchPieces matches the pattern p, whose first and last (unescaped)
// stars are at first and last, piece by piece: the first and last pieces
// anchored, the others found leftmost in order.
func matchPieces(p string, first, last int, esc bool, s string) bool {
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
