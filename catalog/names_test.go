package catalog

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The set of names holds exactly the catalogue's actions, compared
// case-insensitively as AWS compares action names ("The prefix and the
// action name are case insensitive",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
func TestNameSetIsTheCatalogueActions(t *testing.T) {
	t.Parallel()
	c, err := Decode(embedded)
	require.NoError(t, err)
	set, err := decodeNames(embedded)
	require.NoError(t, err)
	n := 0
	for _, s := range c.Services() {
		for i := range s.Actions {
			name := s.Actions[i].FullName
			assert.True(t, set.has(name), name)
			assert.True(t, set.has(strings.ToUpper(name)), "upper case %s", name)
			n++
		}
	}
	assert.Len(t, set.ends, n, "one name per action")
	for _, name := range []string{"s3:GetObjcet", "s3:GetObject ", "s3:", ":GetObject", "s3GetObject", "", "nosuchservice:GetObject", "s3:GetObject\u200b", "s3:GetObject\x00", "s3:GetObjec\u212a", strings.Repeat("s", 300)} {
		assert.False(t, set.has(name), "%q is not an action", name)
		assert.Nil(t, c.Action(name), "%q is not an action of the catalogue either", name)
	}
}

// CheckAction says what Catalog.CheckAction says, for known actions,
// unknown ones and unknown services.
func TestCheckActionIsTheCatalogues(t *testing.T) {
	t.Parallel()
	for _, action := range []string{"s3:GetObject", "S3:getobject", "iam:PassRole", "s3:GetObjcet", "nosuch:Thing", "s3", ""} {
		assert.Equal(t, Default().CheckAction(action), CheckAction(action), action)
	}
}

// has does not allocate: it runs once per explained implicit deny.
func TestNameSetHasDoesNotAllocate(t *testing.T) {
	set, err := decodeNames(embedded)
	require.NoError(t, err)
	assert.Zero(t, testing.AllocsPerRun(100, func() { set.has("s3:GetObject") }))
}

// BenchmarkDecodeNames is the cost of the first catalog.CheckAction, next
// to BenchmarkDecode's for the whole catalogue.
func BenchmarkDecodeNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeNames(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
