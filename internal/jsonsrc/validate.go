package jsonsrc

import (
	"math/bits"
	"strings"
)

// validate reports whether src is one JSON value (RFC 8259) surrounded by
// optional white space, and records where every object and array opens
// and closes: opens holds the offsets of the '{' and '[' in source order,
// closes[i] the offset of the bracket that closes opens[i]. It is one
// pass over the text without recursion, so nesting depth costs no stack.
// It does not check UTF-8; Parse does that first.
func validate(src string) (opens, closes []int32, ok bool) {
	b, ok := validateBrackets(src)
	return b.opens, b.closes, ok
}

// brackets is the bracket index of a document: see validateBrackets.
type brackets struct {
	opens, closes []int32
	// after[i] is the index in opens of the first container after
	// opens[i] that is not inside it: where a walk that skips container
	// i looks for the next one.
	after []int32
	// ascii reports that the text is all ASCII: a valid document has
	// other bytes only inside strings, which the scan looks at anyway.
	ascii bool
	// quotes is a bitmap of the closing quotes of the document's strings
	// (bit i%32 of quotes[i/32] for offset i), with a spare word at the
	// end: a walk finds where a string ends with a load or two (see
	// closingQuote) rather than by reading it again.
	quotes []int32
	// escapes reports that some string has an escape.
	escapes bool
}

// validateBrackets is validate, also recording after.
func validateBrackets(src string) (b brackets, ok bool) {
	return validateBracketsIn(src, nil)
}

// bracketGuess is the number of containers the bracket index of a text of
// n bytes is first sized for: a rough count, one per 32 bytes.
func bracketGuess(n int) int { return n/32 + 1 }

// quoteWords is the length of the bitmap of closing quotes (see
// brackets.quotes) of a text of n bytes: a bit per byte, and a spare word
// so that closingQuote reads two words wherever it starts.
func quoteWords(n int) int { return n/32 + 2 }

// blockLen is the length of the block validation carves the bracket
// index of a text of n bytes from: opens, closes and after,
// bracketGuess(n) offsets each, then the bitmap of closing quotes. The
// stack of open containers needs no room of its own (see validator.blk).
func blockLen(n int) int { return 3*bracketGuess(n) + quoteWords(n) }

// validateBracketsIn is validateBrackets carving opens, closes and after
// from block when it has room for blockLen(len(src)) offsets (a
// block a released document handed back, see [Doc.Release]), else from a
// new one.
func validateBracketsIn(src string, block []int32) (b brackets, ok bool) {
	if len(src) > maxSource {
		return brackets{}, false
	}
	// A rough count of the containers sizes the three regions of the
	// index at once, in one block; grow makes a larger one when the
	// count was short.
	g := bracketGuess(len(src))
	if cap(block) < blockLen(len(src)) {
		block = make([]int32, blockLen(len(src)))
	}
	v := validator{src: src, blk: block[:blockLen(len(src))], g: g, top: noContainer, ascii: true}
	clear(v.blk[3*g:]) // the bitmap of closing quotes; the regions are written before they are read
	v.i = skipSpace(src, 0)
	ended := false
	for {
		switch v.scan(ended) {
		case scanDone:
			n, g := v.n, v.g
			return brackets{
				opens:   v.blk[0:n:g],
				closes:  v.blk[g : g+n : 2*g],
				after:   v.blk[2*g : 2*g+n : 3*g],
				ascii:   v.ascii,
				quotes:  v.blk[3*g:],
				escapes: v.escapes,
			}, true
		case scanString:
			// scan stopped inside the string, at v.i: what precedes
			// is plain, so skipStr goes on from there as if v.i-1
			// were the opening quote.
			i := skipStr(src, v.i-1, &v.ascii)
			if i < 0 {
				return brackets{}, false
			}
			v.blk[3*v.g+((i-1)>>5)] |= 1 << ((i - 1) & 31)
			if !v.escapes && strings.IndexByte(src[v.i:i], '\\') >= 0 {
				v.escapes = true
			}
			if v.key {
				i = skipSpace(src, i)
				if i >= len(src) || src[i] != ':' {
					return brackets{}, false
				}
				v.i, v.key, ended = skipSpace(src, i+1), false, false
				continue
			}
			v.i, ended = i, true
		case scanNumber:
			if v.i = skipNumber(src, v.i); v.i < 0 {
				return brackets{}, false
			}
			ended = true
		case scanGrow:
			v.grow()
			ended = false
		default:
			return brackets{}, false
		}
	}
}

// validator is the state of validateBracketsIn: its loop (scan) keeps it
// in registers and hands the rare cases back, as a call inside the loop
// would spill the state to the stack and reload it at every value.
type validator struct {
	src string
	i   int // where scan continues
	// blk holds opens, closes and after (see brackets) in regions of g
	// offsets, then the bitmap of closing quotes. The stack of open
	// containers is a list threaded through closes: the entry of a
	// container still open in closes holds the stack entry of its parent
	// until its closing bracket's offset replaces it. A stack entry is
	// the container's index into opens shifted left once, with the low
	// bit set for an object (see stackEntry), so that closing a container
	// learns what its parent is with one load, not three.
	blk []int32
	g   int // the room of each region of blk
	// n is the number of containers found so far. scan updates it in
	// place rather than in a register: it changes only at brackets, and
	// the string loop needs every register it can get (a register here
	// made scan spill three at every string).
	n int
	// top is the stack entry of the innermost open container, or
	// noContainer outside every container: a sign test, not a depth
	// count kept in one more register, says whether one is open.
	top     int32
	key     bool // the string at i is an object key, which a colon follows
	ascii   bool // no string so far has a byte outside ASCII
	escapes bool // some string so far has an escape
}

// What scan stops for.
const (
	scanDone   = iota // the text is one valid value
	scanFail          // it is not
	scanString        // at i, inside a string: the first byte that may be an escape, a byte outside ASCII or an error, all before it plain
	scanNumber        // at i, a number
	scanGrow          // at i, a container, and blk is full
)

// stackEntry is the stack entry of the container with index k in opens
// whose opening bracket is open ('{' or '['): k shifted left once, the low
// bit set for an object ('{' has the bit 0x20 that '[' lacks).
func stackEntry(k int, open byte) int32 { return int32(k)<<1 | int32(open>>5&1) }

// noContainer is the stack entry (validator.top) outside every container:
// negative, unlike every stack entry.
const noContainer = -1

// closerOf returns the bracket that closes the container of stack entry
// e: '}' for an object, ']' for an array ('}' is ']'+0x20).
func closerOf(e int32) byte { return ']' + 0x20*byte(e&1) }

// scan validates from v.i, where a value (or with v.key an object key)
// starts, or with ended where one ended, until the end of the text or a
// case it leaves to validateBracketsIn. It makes no calls. It is a state
// machine of three states (value, key and afterValue) joined by goto, so
// that what it is reading lives in the program counter rather than in
// variables, and the innermost open container's stack entry (top) stays
// in a register: the stack is read only when a container closes. Each
// state first tests the bytes minified text has there (a quote, a comma,
// a closing bracket) and only then white space. It compares offsets with
// len(src) as unsigned numbers: i is never negative, and the unsigned
// test is the one the bounds check of src[i] makes, which the compiler
// then drops.
func (v *validator) scan(ended bool) int {
	src, i, blk, g, top := v.src, v.i, v.blk, v.g, v.top
	if len(blk) < 3*g+quoteWords(len(src)) {
		return scanFail // cannot happen: makes the compiler drop bounds checks
	}
	var c byte
	if ended {
		goto afterValue
	}
	if v.key {
		goto key
	}

value: // a value, or white space before it, starts at i
	if uint(i) >= uint(len(src)) {
		return scanFail
	}
	c = src[i]
	if c == '"' {
		// Most strings of a document have no escape and no byte
		// outside ASCII: their closing quote is the first byte that
		// stringStops marks, found eight bytes at a time. Anything
		// else at i (or near the end of src) is skipStr's, which
		// goes on from there: the bytes before it are plain. i
		// serves as the cursor, so that the opening quote's offset
		// does not take a register the loop needs. The loop's test is
		// i < len(src)-7 rather than i+8 <= len(src): it cannot
		// overflow, so the compiler drops load64's bounds checks.
		for i++; i < len(src)-7; i += 8 {
			if m := stringStops(load64(src, i)); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
		}
		if uint(i) >= uint(len(src)) || src[i] != '"' {
			v.i, v.top, v.key = i, top, false
			return scanString
		}
		blk[3*g+(i>>5)] |= 1 << (i & 31)
		i++
		goto afterValue
	}
	if c|0x20 == '{' { // '{' or '[', the only bytes c|0x20 maps to '{'
		n := v.n
		if n == g {
			v.i, v.top, v.key = i, top, false
			return scanGrow
		}
		blk[n] = int32(i)
		for i++; uint(i) < uint(len(src)) && src[i] <= ' ' && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'); i++ {
		}
		if uint(i) < uint(len(src)) && src[i] == c+2 { // '}' is '{'+2, ']' is '['+2
			// Empty: closed before it is ever on the stack.
			blk[g+n], blk[2*g+n] = int32(i), int32(n+1)
			v.n = n + 1
			i++
			goto afterValue
		}
		blk[g+n] = top // the parent's entry, until n closes
		top = stackEntry(n, c)
		v.n = n + 1
		if c == '{' {
			goto key
		}
		goto value
	}
	switch c {
	case 't':
		if len(src)-i < 4 || src[i:i+4] != "true" {
			return scanFail
		}
		i += 4
	case 'f':
		if len(src)-i < 5 || src[i:i+5] != "false" {
			return scanFail
		}
		i += 5
	case 'n':
		if len(src)-i < 4 || src[i:i+4] != "null" {
			return scanFail
		}
		i += 4
	case ' ', '\t', '\n', '\r':
		for i++; uint(i) < uint(len(src)) && src[i] <= ' ' && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'); i++ {
		}
		goto value
	default:
		v.i, v.top, v.key = i, top, false
		return scanNumber
	}

afterValue: // a value ended just before i: continue its container or close it
	if uint(i) < uint(len(src)) {
		c = src[i]
		if top >= 0 {
			if c == ',' {
				i++
				if top&1 != 0 {
					goto key
				}
				goto value
			}
			if c == closerOf(top) {
				k := int(top >> 1)
				top = blk[g+k] // the parent's entry, or noContainer
				blk[g+k], blk[2*g+k] = int32(i), int32(v.n)
				i++
				goto afterValue
			}
		}
		if c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			for i++; uint(i) < uint(len(src)) && src[i] <= ' ' && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'); i++ {
			}
			goto afterValue
		}
		return scanFail
	}
	if top >= 0 {
		return scanFail
	}
	return scanDone

key: // an object key, or white space before it, starts at i
	if uint(i) >= uint(len(src)) {
		return scanFail
	}
	if c = src[i]; c != '"' {
		if c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			for i++; uint(i) < uint(len(src)) && src[i] <= ' ' && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'); i++ {
			}
			goto key
		}
		return scanFail
	}
	for i++; i < len(src)-7; i += 8 { // as for a string value
		if m := stringStops(load64(src, i)); m != 0 {
			i += bits.TrailingZeros64(m) / 8
			break
		}
	}
	if uint(i) >= uint(len(src)) || src[i] != '"' {
		v.i, v.top, v.key = i, top, true
		return scanString
	}
	blk[3*g+(i>>5)] |= 1 << (i & 31)
	if i++; uint(i) < uint(len(src)) && src[i] == ':' {
		i++
		goto value
	}
	for ; uint(i) < uint(len(src)) && src[i] <= ' ' && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'); i++ {
	}
	if uint(i) >= uint(len(src)) || src[i] != ':' {
		return scanFail
	}
	i++
	goto value
}

// grow makes room for more containers: a block with twice the room.
func (v *validator) grow() {
	n, g, ng := v.n, v.g, 2*v.g
	nb := make([]int32, 3*ng+len(v.blk)-3*g)
	copy(nb[3*ng:], v.blk[3*g:]) // the bitmap of closing quotes
	copy(nb[0:n], v.blk[0:n])
	copy(nb[ng:ng+n], v.blk[g:g+n])
	copy(nb[2*ng:2*ng+n], v.blk[2*g:2*g+n])
	v.blk, v.g = nb, ng
}

// maxSource is the longest text whose offsets fit the int32 bracket index.
const maxSource = 1<<31 - 1

// skipSpace returns the offset of the first non-space character at or
// after i.
func skipSpace(src string, i int) int {
	// Every space character is at most ' ': one comparison settles the
	// usual case of no space (minified text, or after the indentation).
	for i < len(src) && src[i] <= ' ' {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// stringSpecial marks the bytes a string's content cannot hold as they
// are: the quote, the backslash and the control characters.
var stringSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// skipStr is skipString while *ascii holds, also looking for bytes
// outside ASCII (skipStringASCII): at the first it sets *ascii to false,
// and the rest of the document is scanned without looking for them.
func skipStr(src string, i int, ascii *bool) int {
	if *ascii {
		if j := skipStringASCII(src, i); j != notASCII {
			return j
		}
		*ascii = false
	}
	return skipString(src, i)
}

// notASCII is what skipStringASCII returns for a string with a byte
// outside ASCII.
const notASCII = -2

// stringSpecialASCII is stringSpecial also marking the bytes outside
// ASCII.
var stringSpecialASCII = func() (t [256]bool) {
	t = stringSpecial
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

// skipStringASCII is skipString, but returns notASCII when the string
// has a byte outside ASCII before its end or its first error.
func skipStringASCII(src string, i int) int {
	const highs = 0x8080808080808080
	for i++; ; i++ {
		for i+8 <= len(src) {
			w := load64(src, i)
			if m := specialBytes(w) | w&highs; m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		for i < len(src) && !stringSpecialASCII[src[i]] {
			i++
		}
		if i >= len(src) {
			return -1
		}
		switch c := src[i]; {
		case c == '"':
			return i + 1
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
		case c >= 0x80:
			return notASCII
		default:
			return -1 // a control character
		}
	}
}

// skipString returns the offset just past the string that starts at i,
// or -1 when it is not a valid JSON string.
func skipString(src string, i int) int {
	for i++; ; i++ {
		// Eight bytes at a time while none is special, then byte by byte.
		for i+8 <= len(src) {
			if m := specialBytes(load64(src, i)); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		for i < len(src) && !stringSpecial[src[i]] {
			i++
		}
		if i >= len(src) {
			return -1
		}
		switch src[i] {
		case '"':
			return i + 1
		case '\\':
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
		default:
			return -1 // a control character
		}
	}
}

// load64 reads the eight bytes of s at i as a little-endian word (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// stringStops returns a word whose lowest set bit is the top bit of the
// first byte of w (little-endian) that ends the plain run of a string's
// content: a quote, a backslash, a control character or a byte outside
// ASCII; 0 when there is none. Bits above the lowest may be spurious
// (borrows), which callers do not look at. Flipping the bit 0x02 maps the
// quote (0x22) to 0x20 and the control characters onto themselves, so
// that they are the bytes below 0x21, whose top bit x-0x21 sets; b-1 sets
// that of the backslash, which b makes zero; w has that of the bytes from
// 0x80. Below the first stop byte no subtraction borrows or sets a top
// bit (x is in 0x21..0x7f there, b in 0x01..0x7f), so seven operations
// suffice, with no masking of false positives, which can only be bytes
// from 0x80: stops themselves.
func stringStops(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w ^ (ones * 0x02)
	b := w ^ (ones * '\\')
	return ((x - ones*0x21) | (b - ones) | w) & highs
}

// specialBytes returns a word whose lowest set bit is the top bit of the
// first byte of w (little-endian) that stringSpecial marks: a quote, a
// backslash or a control character; 0 when there is none. Bits above the
// lowest may be spurious (borrows), which callers do not look at.
func specialBytes(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * '"')
	b := w ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b | (w-ones*0x20)&^w) & highs
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skipNumber returns the offset just past the number at i, or -1 when the
// text there is not a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(src string, i int) int {
	if i < len(src) && src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
	case i < len(src) && '1' <= src[i] && src[i] <= '9':
		i = skipDigits(src, i+1)
	default:
		return -1
	}
	if i < len(src) && src[i] == '.' {
		j := skipDigits(src, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		j := skipDigits(src, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

// skipDigits returns the offset of the first non-digit at or after i.
func skipDigits(src string, i int) int {
	for i < len(src) && '0' <= src[i] && src[i] <= '9' {
		i++
	}
	return i
}
