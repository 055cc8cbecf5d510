package editdist

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b  string
		limit int
		want  int
		why   string
	}{
		{"getobject", "getobject", 0, 0, "equal words"},
		{"getobjcet", "getobject", 0, 1, "a transposition is one edit"},
		{"getobjet", "getobject", 0, 1, "a missing letter"},
		{"listbuckets", "listbucket", 0, 1, "an extra letter"},
		{"kitten", "sitting", 0, 3, "the classic example"},
		{"", "abc", 0, 3, "from nothing"},
		{"abcdefgh", "a", 4, 4, "stops at the limit"},
		{"abcdef", "uvwxyz", 3, 3, "stops when a row reaches the limit"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Distance(tc.a, tc.b, tc.limit), tc.why)
	}
}
