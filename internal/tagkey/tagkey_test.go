package tagkey

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLookup holds that tag keys are found ignoring case, as
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html compares
// them, with the map's own spelling returned.
func TestLookup(t *testing.T) {
	t.Parallel()
	tags := map[string]string{"Project": "a", "cost": "b"}
	tests := []struct {
		k, want string
		ok      bool
		why     string
	}{
		{"Project", "Project", true, "the exact spelling"},
		{"project", "Project", true, "another case finds the map's spelling"},
		{"COST", "cost", true, "upper case"},
		{"team", "", false, "no such key"},
		{"", "", false, "the empty key names no tag"},
	}
	for _, tc := range tests {
		got, ok := Lookup(tags, tc.k)
		assert.Equal(t, tc.ok, ok, tc.why)
		assert.Equal(t, tc.want, got, tc.why)
	}
	_, ok := Lookup(nil, "x")
	assert.False(t, ok, "a nil map has no keys")
}
