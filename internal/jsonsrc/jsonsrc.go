// Package jsonsrc is the one place where iameval reads JSON: every loader
// (policies, scenario files, simulate-custom-policy input, and the loaders
// to come) is a thin user of it, so that their errors look alike.
//
// The API, in the order a loader uses it:
//
//   - [Parse] validates the text in one pass and indexes its lines, its
//     brackets and (when no string has an escape) where its strings end,
//     so that walks skip values without reading them again; invalid
//     JSON gives a [*SyntaxError] positioned at the offending character
//     and worded as encoding/json words it (without calling
//     encoding/json). base places documents embedded in another file.
//   - [Doc.Root] returns the top [Value]: a kind and a byte extent, no
//     text. [Doc.Items] walks an object or array without allocating;
//     [Doc.Members] and [Doc.Elements] collect them; [Doc.Str], [Doc.Raw],
//     [Doc.Num] read scalars.
//   - [Doc.Fields] is the strict walker: Fields(obj, path, known, out,
//     sink) fills one slot per known key and reports unknown keys (with
//     the known key they most likely mean, see [Near]), repeated keys and
//     a non-object through a [Sink], as structured [Problem] values that
//     each loader words in its own vocabulary. [Doc.KnownFields] skips the
//     keys outside known (AWS outputs), and [Doc.FreeMembers] does the
//     same for objects whose keys are data (tags, context keys). A list of
//     problems keeps at most diag.MaxErrors; the last counts the rest
//     ([Problem].More).
//   - [Path] names a place (Statement[1].Condition."aws:SourceIp") lazily,
//     so valid documents pay nothing for paths; [Join] and [Index] do it on
//     strings.
//   - [Doc.Pos] turns a byte offset into file:line:column (columns count
//     characters).
//   - [DecodeEscape], [Unescape] and [Unquote] are the one escape decoder;
//     Unquote also says where each decoded byte came from.
//
// gjson (github.com/tidwall/gjson) validates documents too long for the
// bracket index (over 2 GiB), whose walks then find where containers end
// by scanning; everything else is this package's own single pass, because
// walking with gjson's ForEach re-reads every nested value once per level.
// [Doc.Release] hands a bracket index back for the next Parse.
//
// It is internal: its API follows the loaders' needs.
package jsonsrc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/iameval/iameval/diag"
)

// SyntaxError reports text that is not valid JSON.
type SyntaxError struct {
	Pos diag.Position
	Msg string
}

// Error returns the message with its line and column (not the file).
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// Doc is a validated JSON document with a line index. It is immutable and
// safe for concurrent use, but for [Doc.Release].
type Doc struct {
	src           string
	base          diag.Position
	lineStarts    []int
	root          Value
	opens, closes []int32  // see Brackets
	after         []int32  // see brackets.after
	block         *[]int32 // the block opens, closes and after were carved from, for Release
	// quotes is the bitmap of closing quotes (see brackets.quotes) of a
	// document none of whose strings has an escape, else nil: with it,
	// walks find where strings end and know they are plain without
	// reading them.
	quotes []int32
	ascii  bool // src is ASCII: columns count bytes
	bom    bool // src began with a UTF-8 byte-order mark, blanked
	// lineBuf holds lineStarts for documents of a few lines (minified
	// ones are one), which then cost no allocation of their own.
	lineBuf [4]int
}

// bom is the UTF-8 encoding of U+FEFF, the byte-order mark that editors on
// Windows write at the start of a file.
const bom = "\uFEFF"

// Parse validates src as JSON and indexes its lines. base says where src
// starts inside the file it came from (for documents embedded in other
// documents) and names the file: every position of the document carries
// base.File; a base with no offset, line or column means the start of the
// file. Invalid JSON gives
// a *SyntaxError at the first offending character.
//
// A UTF-8 byte-order mark at the start of a file (base has no offset, line or column) is
// accepted and skipped, as editors on Windows write one: offsets still
// count its three bytes, and columns do not count it. Anywhere else it is
// the invalid character it is in JSON.
func Parse(src string, base diag.Position) (*Doc, error) {
	hasBOM := base.Offset == 0 && base.Line == 0 && base.Column == 0 && strings.HasPrefix(src, bom)
	if hasBOM {
		// Three spaces keep every offset; Pos takes their columns
		// off the first line, as editors do not count the mark.
		src = "   " + src[len(bom):]
	}
	if base.Line == 0 {
		base.Line = 1
	}
	if base.Column == 0 {
		base.Column = 1
	}
	d := &Doc{src: src, base: base, bom: hasBOM}
	// A minified document is one line: it is read once, for a newline,
	// rather than counted first.
	d.lineStarts = d.lineBuf[:1]
	if first := strings.IndexByte(src, '\n'); first >= 0 {
		if n := 1 + strings.Count(src[first:], "\n"); n > len(d.lineBuf) {
			d.lineStarts = make([]int, 1, n)
		}
		for i := first + 1; ; {
			d.lineStarts = append(d.lineStarts, i)
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	// Invalid UTF-8 is reported before a syntax error. Validation says
	// whether a valid document is ASCII; otherwise isASCII does.
	var b brackets
	ok := false
	if len(src) <= maxSource {
		d.block = getBlock(blockLen(len(src)))
		b, ok = validateBracketsIn(src, *d.block)
	}
	if ok {
		d.ascii = b.ascii
	} else {
		d.ascii = isASCII(src)
	}
	if !d.ascii && !utf8.ValidString(src) {
		d.Release()
		return nil, d.utf8Error()
	}
	if len(src) > maxSource {
		// Too long for the bracket index: gjson validates, and walks
		// find where containers end by scanning (see skipContainer).
		if !gjson.Valid(src) {
			return nil, d.syntaxError()
		}
	} else {
		if !ok {
			d.Release()
			return nil, d.syntaxError()
		}
		d.opens, d.closes, d.after = b.opens, b.closes, b.after
		if !b.escapes {
			d.quotes = b.quotes
		}
	}
	var hint int32
	d.root = d.valueAt(0, &hint)
	return d, nil
}

// utf8Error positions the first byte of the document that is not UTF-8.
func (d *Doc) utf8Error() error {
	src := d.src
	off := 0
	for off < len(src) {
		r, w := utf8.DecodeRuneInString(src[off:])
		if r == utf8.RuneError && w == 1 {
			break
		}
		off += w
	}
	return &SyntaxError{Pos: d.Pos(off), Msg: "invalid UTF-8 in JSON text"}
}

// syntaxError positions the first syntax error of the document (see
// locate).
func (d *Doc) syntaxError() error {
	off, msg := locate(d.src)
	if off < 0 { // validate and locate disagree; cannot happen
		off, msg = 0, "not a JSON value"
	}
	return &SyntaxError{Pos: d.Pos(off), Msg: "invalid JSON: " + msg}
}

// Brackets returns the offsets of every '{' and '[' of the document in
// source order (opens) and of the bracket that closes each (closes[i]
// closes opens[i]), so that a reader can skip an object or array without
// scanning it. Both are nil for documents too long to index (over 2 GiB).
// The slices are shared: callers must not modify them.
func (d *Doc) Brackets() (opens, closes []int32) { return d.opens, d.closes }

// BOMColumns returns how many columns of the first line a byte-order mark
// took (3 when the file began with one, else 0): columns on that line do
// not count them, as Pos shows. A reader that turns offsets into columns
// itself takes them off the first line.
func (d *Doc) BOMColumns() int {
	if d.bom {
		return len(bom)
	}
	return 0
}

// Src returns the source text.
func (d *Doc) Src() string { return d.src }

// Pos converts a byte offset into src into an absolute position in the
// base's file, with the document's base applied. Offsets outside src are
// clamped.
func (d *Doc) Pos(offset int) diag.Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.src) {
		offset = len(d.src)
	}
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	col := offset - d.lineStarts[line] + 1
	if !d.ascii {
		col = utf8.RuneCountInString(d.src[d.lineStarts[line]:offset]) + 1
	}
	if line == 0 {
		col += d.base.Column - 1
		if d.bom {
			col = max(col-len(bom), 1)
		}
	}
	return diag.Position{File: d.base.File, Offset: d.base.Offset + offset, Line: d.base.Line + line, Column: col}
}

// membersHint is the capacity Members and Elements start with once they
// find a first item: most objects and arrays of policies and scenarios are
// about that small, so their slices are not regrown item by item.
const membersHint = 4

// isASCII reports whether s has only ASCII characters, reading eight bytes
// at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LineStarts returns the offset at which each line of the source text
// starts (the first is 0). The slice is shared: callers must not modify
// it.
func (d *Doc) LineStarts() []int { return d.lineStarts }

// ASCII reports whether the source text is all ASCII, so that columns
// equal byte distances from the start of a line.
func (d *Doc) ASCII() bool { return d.ascii }
