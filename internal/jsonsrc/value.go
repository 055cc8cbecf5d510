package jsonsrc

import (
	"strconv"
	"strings"
)

// Kind is the JSON type of a [Value].
type Kind byte

// The kinds of values. The zero Kind is [Missing]: no value.
const (
	Missing Kind = 0
	Object  Kind = '{'
	Array   Kind = '['
	String  Kind = '"'
	Number  Kind = '0'
	True    Kind = 't'
	False   Kind = 'f'
	Null    Kind = 'n'
)

// Value is one JSON value of a [Doc]: its kind and where it is. It holds
// no text: read it with [Doc.Str], [Doc.Raw], [Doc.Items]. The zero Value
// is [Missing].
type Value struct {
	Kind  Kind
	Index int // byte offset of the value's first character in Doc.Src
	End   int // byte offset just past its last character
	// open is, for objects and arrays, the index in Doc.opens of the
	// bracket (-1 unknown); for strings, plainString marks one known to
	// have no escapes. One field for both keeps a Value four words, which
	// calls pass in registers.
	open int32
}

// plainString is the open of a string known to have no escapes.
const plainString = -2

// Exists reports whether v is a value (not [Missing]).
func (v Value) Exists() bool { return v.Kind != Missing }

// IsObject reports whether v is an object.
func (v Value) IsObject() bool { return v.Kind == Object }

// IsArray reports whether v is an array.
func (v Value) IsArray() bool { return v.Kind == Array }

// IsString reports whether v is a string.
func (v Value) IsString() bool { return v.Kind == String }

// TypeName names the JSON type of v as messages should: "string",
// "number", "boolean", "null", "object" or "array" ("nothing" for a
// missing value).
func TypeName(v Value) string {
	switch v.Kind {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	case Number:
		return "number"
	case True, False:
		return "boolean"
	case Null:
		return "null"
	}
	return "nothing"
}

// Describe names the JSON type of v like [TypeName], but calls out empty
// arrays and objects ("an empty array"), the usual reason a value is
// rejected.
func (d *Doc) Describe(v Value) string {
	if (v.Kind == Object || v.Kind == Array) && d.IsEmpty(v) {
		if v.Kind == Array {
			return "an empty array"
		}
		return "an empty object"
	}
	return TypeName(v)
}

// IsEmpty reports whether the object or array v has no members.
func (d *Doc) IsEmpty(v Value) bool {
	return skipSpace(d.src, v.Index+1) >= v.End-1
}

// Raw returns the text of v as written.
func (d *Doc) Raw(v Value) string {
	if v.Kind == Missing {
		return ""
	}
	return d.src[v.Index:v.End]
}

// Str returns the content of the string v, unescaped ("" for other
// kinds).
func (d *Doc) Str(v Value) string {
	// A string an Iter or a walk found without escapes is the text
	// between its quotes, read here in the caller (Str is inlined).
	if v.open == plainString {
		return d.src[v.Index+1 : v.End-1]
	}
	return d.strSlow(v)
}

// strSlow is Str for a string not known to be plain, or a value of
// another kind: a call of its own keeps Str small enough to inline.
//
//go:noinline
func (d *Doc) strSlow(v Value) string {
	s, _ := d.strRaw(v)
	return s
}

// StrRaw returns the content of the string v, unescaped, and whether it
// is the text between the quotes as written (it has no escapes, so it
// shares the source's memory).
func (d *Doc) StrRaw(v Value) (string, bool) {
	// A string an Iter or a walk found without escapes is the text
	// between its quotes.
	if v.open == plainString {
		return d.src[v.Index+1 : v.End-1], true
	}
	return d.strRaw(v)
}

// strRaw is StrRaw for a string not known to be plain, or a value of
// another kind.
func (d *Doc) strRaw(v Value) (string, bool) {
	if v.Kind != String || v.End-v.Index < 2 {
		return "", true
	}
	s := d.src[v.Index+1 : v.End-1]
	if v.open == plainString || strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	return Unescape(s), false
}

// Num returns the number v as a float64 (0 for other kinds, and the
// nearest float64 for numbers beyond its precision).
func (d *Doc) Num(v Value) float64 {
	if v.Kind != Number {
		return 0
	}
	f, _ := strconv.ParseFloat(d.Raw(v), 64)
	return f
}
