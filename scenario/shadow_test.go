package scenario

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShadow checks that the shadow of a JSON string literal has the
// literal's length in bytes and decodes to the same document as the
// string's content, so that offsets into it are offsets into the scenario
// file (scenario format, POLICY (go doc ./scenario): a JSON string holding the document).
func TestShadow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  string // the embedded document, before escaping
		why  string
	}{
		{"plain", `{"Version": "2012-10-17", "Statement": []}`, "quotes become delimiters padded outside strings"},
		{"newlines", "{\n  \"a\": [1, 2],\n\t\"b\": true\r\n}", "whitespace escapes become spaces so the document stays on the literal's line"},
		{"escaped quote inside a string", `{"a": "say \"hi\"", "b": "back\\slash"}`, "escapes inside the document's strings are kept and padded after the string"},
		{"unicode", `{"é": "naïve ☃ 😀", "x": "\u00e9"}`, "non-ASCII text and \\u escapes"},
		{"slash", `{"url": "https://example.com/a"}`, "slashes need no escape"},
		{"control in string", "{\"a\": \"tab\there\"}", "a raw tab inside a string (invalid JSON) keeps its place"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lit, err := json.Marshal(tc.doc)
			require.NoError(t, err)
			raw := string(lit[1 : len(lit)-1])
			got := shadow(raw)
			assert.Equal(t, len(raw), len(got), tc.why)
			var want, have any
			if json.Unmarshal([]byte(tc.doc), &want) != nil {
				assert.False(t, json.Valid([]byte(got)), "an invalid document stays invalid: %s", tc.why)
				return
			}
			require.NoError(t, json.Unmarshal([]byte(got), &have), "shadow %q: %s", got, tc.why)
			assert.Equal(t, want, have, tc.why)
		})
	}
}

// FuzzShadow checks the shadow invariants on any string content: same
// length, and the same document whenever the content is valid JSON.
func FuzzShadow(f *testing.F) {
	f.Add(`{"Version": "2012-10-17"}`)
	f.Add("{\"a\":\n\"b\\\"c\"}")
	f.Add(`["\u0041", "\ud83d\ude00", "\ud800"]`)
	f.Fuzz(func(t *testing.T, doc string) {
		lit, err := json.Marshal(doc)
		if err != nil {
			return
		}
		raw := string(lit[1 : len(lit)-1])
		got := shadow(raw)
		if len(got) != len(raw) {
			t.Fatalf("shadow(%q) has %d bytes, want %d", raw, len(got), len(raw))
		}
		var want, have any
		if json.Unmarshal([]byte(doc), &want) != nil {
			return
		}
		if err := json.Unmarshal([]byte(got), &have); err != nil {
			t.Fatalf("shadow(%q) = %q is not JSON: %v", raw, got, err)
		}
		wb, _ := json.Marshal(want)
		hb, _ := json.Marshal(have)
		if string(wb) != string(hb) {
			t.Fatalf("shadow(%q) = %q decodes to %s, want %s", raw, got, hb, wb)
		}
	})
}
