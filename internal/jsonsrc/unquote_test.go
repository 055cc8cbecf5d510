package jsonsrc

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnquote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lit  string
		want string
		at   []int
		why  string
	}{
		{`"ab"`, "ab", []int{1, 2, 3}, "plain bytes map one to one; the last entry is the closing quote"},
		{`"a\nb"`, "a\nb", []int{1, 2, 4, 5}, "an escape maps to its backslash"},
		{`"\u00e9x"`, "éx", []int{1, 1, 7, 8}, "every byte of a multi-byte character maps to its escape"},
		{`"\ud83d\ude00"`, "😀", []int{1, 1, 1, 1, 13}, "a surrogate pair is one character"},
		{`"\ud83dx"`, "\ufffdx", []int{1, 1, 1, 7, 8}, "a lone surrogate is U+FFFD, as in encoding/json"},
		{`"\"\\\/\b\f\r\t"`, "\"\\/\b\f\r\t", []int{1, 3, 5, 7, 9, 11, 13, 15}, "every short escape"},
	}
	for _, tc := range tests {
		s, at, ok := Unquote(tc.lit)
		require.True(t, ok, tc.lit)
		assert.Equal(t, tc.want, s, tc.why)
		assert.Equal(t, tc.at, at, tc.why)
		var std string
		require.NoError(t, json.Unmarshal([]byte(tc.lit), &std))
		assert.Equal(t, std, s, "decodes like encoding/json: %s", tc.why)
	}
	for _, bad := range []string{``, `"`, `x"`, `"\q"`, `"\u12"`, `"\`} {
		_, _, ok := Unquote(bad)
		assert.False(t, ok, "%q is not a string literal", bad)
	}
}

func TestUnescapeAndDecodeEscape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		why      string
	}{
		{`a\\\/b`, `a\/b`, "an escaped backslash is one backslash, followed by a solidus"},
		{`\u00E9t\u00e9`, "été", "hex digits in either case"},
		{`\ud83d\ude00!`, "😀!", "a surrogate pair is one character"},
		{`\udc00\u0041`, "\ufffdA", "a lone low surrogate is U+FFFD and the next escape stands alone"},
		{`plain`, "plain", "no escapes"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Unescape(tc.in), tc.why)
		var std string
		require.NoError(t, json.Unmarshal([]byte(`"`+tc.in+`"`), &std))
		assert.Equal(t, std, Unescape(tc.in), "decodes like encoding/json: %s", tc.why)
	}
	for _, bad := range []string{``, `x`, `\`, `\q`, `\u12`, `\u12x4`} {
		_, n := DecodeEscape(bad)
		assert.Zero(t, n, "%q does not start with an escape", bad)
	}
}
