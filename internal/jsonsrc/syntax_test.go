package jsonsrc

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdSyntaxError returns the offset and message encoding/json gives for
// src, with the offset of the offending byte (see locate).
func stdSyntaxError(t testing.TB, src string) (int, string) {
	var v any
	err := json.Unmarshal([]byte(src), &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("%q: encoding/json gives %v, not a syntax error", src, err)
	}
	if se.Error() == msgEOF {
		return len(src), se.Error()
	}
	return int(se.Offset) - 1, se.Error()
}

// TestLocate checks that syntax errors are positioned and worded as
// encoding/json's scanner does, for every state it can fail in, without
// calling encoding/json at run time.
func TestLocate(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		``, ` `, `{`, `[`, `]`, `}`, `x`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, `{"a":1,}`, `{"a" 1}`,
		`{1:2}`, `[1 2]`, `[1,]`, `01`, `1.`, `1.x`, `1e`, `1e+`, `1ex`, `-`, `-x`, `+1`, `"a` + "\t" + `b"`,
		`"\x"`, `"\u12g4"`, `"\u123"`, `"\`, `"abc`, `tru`, `trux`, `fals`, `falsy`, `nul`, `nulL`, `nulls`,
		`{"a":1}}`, `[}`, `{"a":[1}`, `{"a":1 "b":2}`, `[1] [2]`, `{"'":'x'}`, `["é", é]`, `{"a":"b"]`,
		"{\n  \"a\": 1,\n  \"b\": }", `[[[[`, `{"a":{"b":{"c":[1,2,{"d":tru}]}}}`,
	} {
		_, _, ok := validate(src)
		require.False(t, ok, "%q is invalid", src)
		off, msg := locate(src)
		wantOff, wantMsg := stdSyntaxError(t, src)
		assert.Equal(t, wantMsg, msg, "%q: the message encoding/json gives", src)
		assert.Equal(t, wantOff, off, "%q: the offset of the byte encoding/json stops at", src)
	}
}

func FuzzLocate(f *testing.F) {
	for _, s := range []string{`{"a":1,}`, `[1 2]`, `"\u12g4"`, `nulls`, `{"a":[1}`, `-x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || json.Valid([]byte(src)) {
			return
		}
		if _, _, ok := validate(src); ok {
			t.Fatalf("validate accepts %q, which encoding/json rejects", src)
		}
		off, msg := locate(src)
		var v any
		var se *json.SyntaxError
		if err := json.Unmarshal([]byte(src), &v); !errors.As(err, &se) || se.Error() == "exceeded max depth" {
			return // nesting deeper than encoding/json's limit: it stops early
		}
		wantOff, wantMsg := stdSyntaxError(t, src)
		if off != wantOff || msg != wantMsg {
			t.Fatalf("locate(%q) = %d %q, encoding/json says %d %q", src, off, msg, wantOff, wantMsg)
		}
	})
}
