// Package jsonsrc is the one place where iameval reads JSON. It wraps
// gjson with what strict, positioned parsing needs: validation that
// reports where the syntax breaks (one pass of its own, validate.go, that
// also indexes where every object and array closes, see Doc.Brackets), a
// line index that turns byte offsets into lines and columns, and object
// walks that keep duplicate keys so callers can reject them (most decoders
// silently keep the last).
//
// Packages policy and scenario share it, so their errors look alike.
// It is internal: its API follows their needs.
package jsonsrc

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Pos is a position in a source file. Line and Column are 1-based and
// Column counts characters (runes), not bytes; Offset is a 0-based byte
// offset.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// SyntaxError reports text that is not valid JSON.
type SyntaxError struct {
	Pos Pos
	Msg string
}

// Error returns the message with its line and column.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// Doc is a validated JSON document with a line index. It is immutable and
// safe for concurrent use.
type Doc struct {
	src           string
	base          Pos
	lineStarts    []int
	root          gjson.Result
	opens, closes []int32 // see Brackets
	ascii         bool    // src is ASCII: columns count bytes
	bom           bool    // src began with a UTF-8 byte-order mark, blanked
}

// bom is the UTF-8 encoding of U+FEFF, the byte-order mark that editors on
// Windows write at the start of a file.
const bom = "\uFEFF"

// Parse validates src as JSON and indexes its lines. base says where src
// starts inside the file it came from (for documents embedded in other
// documents); the zero Pos means the start of the file. Invalid JSON gives
// a *SyntaxError at the first offending character.
//
// A UTF-8 byte-order mark at the start of a file (base is the zero Pos) is
// accepted and skipped, as editors on Windows write one: offsets still
// count its three bytes, and columns do not count it. Anywhere else it is
// the invalid character it is in JSON.
func Parse(src string, base Pos) (*Doc, error) {
	hasBOM := base == (Pos{}) && strings.HasPrefix(src, bom)
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
	d.lineStarts = make([]int, 1, 1+strings.Count(src, "\n"))
	for i := 0; ; {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		d.lineStarts = append(d.lineStarts, i)
	}
	d.ascii = isASCII(src)
	if !d.ascii && !utf8.ValidString(src) {
		off := 0
		for off < len(src) {
			r, w := utf8.DecodeRuneInString(src[off:])
			if r == utf8.RuneError && w == 1 {
				break
			}
			off += w
		}
		return nil, &SyntaxError{Pos: d.Pos(off), Msg: "invalid UTF-8 in JSON text"}
	}
	if len(src) > maxSource {
		// Too long for the bracket index: validate only.
		if !gjson.Valid(src) {
			return nil, d.syntaxError()
		}
	} else {
		var ok bool
		if d.opens, d.closes, ok = validate(src); !ok {
			return nil, d.syntaxError()
		}
	}
	i := 0
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	d.root = gjson.Parse(src)
	d.root.Index = i
	return d, nil
}

// syntaxError locates the first syntax error with the standard library,
// whose offsets count the bytes read up to and including the bad one.
func (d *Doc) syntaxError() error {
	var v any
	err := json.Unmarshal([]byte(d.src), &v)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
		msg := se.Error()
		if msg == "unexpected end of JSON input" {
			off = len(d.src)
		}
		return &SyntaxError{Pos: d.Pos(off), Msg: "invalid JSON: " + msg}
	case err != nil:
		return &SyntaxError{Pos: d.Pos(0), Msg: "invalid JSON: " + err.Error()}
	default:
		return &SyntaxError{Pos: d.Pos(0), Msg: "invalid JSON"}
	}
}

// Brackets returns the offsets of every '{' and '[' of the document in
// source order (opens) and of the bracket that closes each (closes[i]
// closes opens[i]), so that a reader can skip an object or array without
// scanning it. Both are nil for documents too long to index (over 2 GiB).
// The slices are shared: callers must not modify them.
func (d *Doc) Brackets() (opens, closes []int32) { return d.opens, d.closes }

// Root returns the top-level value. Its Index, and the Index of every
// value and key reached from it with [Doc.Members] and [Doc.Elements], is
// a byte offset into [Doc.Src].
func (d *Doc) Root() gjson.Result { return d.root }

// Src returns the source text.
func (d *Doc) Src() string { return d.src }

// Pos converts a byte offset into src into an absolute position, with the
// document's base applied. Offsets outside src are clamped.
func (d *Doc) Pos(offset int) Pos {
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
	return Pos{Offset: d.base.Offset + offset, Line: d.base.Line + line, Column: col}
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

// ASCII reports whether the source text is all ASCII, so that columns
// equal byte distances from the start of a line.
func (d *Doc) ASCII() bool { return d.ascii }

// Value is a JSON value of a [Doc], as [Doc.Root], [Doc.Members] and
// [Doc.Elements] return it, so that users of the package need not import
// gjson themselves.
type Value = gjson.Result

// Member is one key and value of a JSON object.
type Member struct {
	Key      string       // the key, unescaped
	KeyIndex int          // byte offset of the key's opening quote
	Value    gjson.Result // the value; Value.Index is its byte offset
}

// Members returns the members of obj in source order, duplicates
// included. It returns nil when obj is not an object.
func (d *Doc) Members(obj gjson.Result) []Member {
	if !obj.IsObject() {
		return nil
	}
	var ms []Member
	obj.ForEach(func(k, v gjson.Result) bool {
		if ms == nil {
			ms = make([]Member, 0, membersHint)
		}
		ms = append(ms, Member{Key: k.Str, KeyIndex: k.Index, Value: v})
		return true
	})
	return ms
}

// Elements returns the elements of arr in order. It returns nil when arr
// is not an array.
func (d *Doc) Elements(arr gjson.Result) []gjson.Result {
	if !arr.IsArray() {
		return nil
	}
	var es []gjson.Result
	arr.ForEach(func(_, v gjson.Result) bool {
		if es == nil {
			es = make([]gjson.Result, 0, membersHint)
		}
		es = append(es, v)
		return true
	})
	return es
}

// TypeName names the JSON type of r as messages should: "string",
// "number", "boolean", "null", "object" or "array".
func TypeName(r gjson.Result) string {
	switch r.Type {
	case gjson.String:
		return "string"
	case gjson.Number:
		return "number"
	case gjson.True, gjson.False:
		return "boolean"
	case gjson.JSON:
		if r.IsArray() {
			return "array"
		}
		return "object"
	default:
		return "null"
	}
}
