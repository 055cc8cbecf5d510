// Package jsonsrc is the one place where iameval reads JSON. It wraps
// gjson with what strict, positioned parsing needs: validation that
// reports where the syntax breaks, a line index that turns byte offsets
// into lines and columns, and object walks that keep duplicate keys so
// callers can reject them (most decoders silently keep the last).
//
// Packages policy and scenario share it, so their errors look alike.
// It is internal: its API follows their needs.
package jsonsrc

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
	src        string
	base       Pos
	lineStarts []int
	root       gjson.Result
}

// Parse validates src as JSON and indexes its lines. base says where src
// starts inside the file it came from (for documents embedded in other
// documents); the zero Pos means the start of the file. Invalid JSON gives
// a *SyntaxError at the first offending character.
func Parse(src string, base Pos) (*Doc, error) {
	if base.Line == 0 {
		base.Line = 1
	}
	if base.Column == 0 {
		base.Column = 1
	}
	d := &Doc{src: src, base: base, lineStarts: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	if !utf8.ValidString(src) {
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
	if !gjson.Valid(src) {
		return nil, d.syntaxError()
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
	col := utf8.RuneCountInString(d.src[d.lineStarts[line]:offset]) + 1
	if line == 0 {
		col += d.base.Column - 1
	}
	return Pos{Offset: d.base.Offset + offset, Line: d.base.Line + line, Column: col}
}

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
