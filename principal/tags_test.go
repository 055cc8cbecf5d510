package principal

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
)

func TestTagOverlayIgnoresKeyCase(t *testing.T) {
	t.Parallel()
	r := must(NewAssumedRole(AssumedRoleInput{
		RoleARN: devRole, SessionName: "alice",
		RoleTags:          map[string]string{"Department": "Marketing", "CostCenter": "1"},
		InheritedTags:     map[string]string{"PROJECT": "apollo", "costcenter": "2"},
		SessionTags:       map[string]string{"department": "engineering", "Stage": "dev"},
		TransitiveTagKeys: []string{"stage"},
	}))
	want := map[string]string{"department": "engineering", "costcenter": "2", "PROJECT": "apollo", "Stage": "dev"}
	if d := cmp.Diff(want, r.Tags()); d != "" {
		t.Errorf("Tags() mismatch (-want +got):\n%s\nwhy: id_session-tags.md: session tags override role tags ignoring case, keeping the session's spelling; reference_policies_condition-keys.md inherited transitive tags override role tags", d)
	}
	wantCtx := map[string]any{
		"aws:principaltag/department": "engineering",
		"aws:principaltag/costcenter": "2",
		"aws:principaltag/project":    "apollo",
		"aws:principaltag/stage":      "dev",
	}
	got := keyMap(r.Context())
	for k := range got {
		if len(k) < len("aws:principaltag/") || k[:len("aws:principaltag/")] != "aws:principaltag/" {
			delete(got, k)
		}
	}
	if d := cmp.Diff(wantCtx, got); d != "" {
		t.Errorf("principal tag keys mismatch (-want +got):\n%s", d)
	}
	wantTransitive := map[string]string{"PROJECT": "apollo", "costcenter": "2", "Stage": "dev"}
	if d := cmp.Diff(wantTransitive, r.TransitiveTags()); d != "" {
		t.Errorf("TransitiveTags() mismatch (-want +got):\n%s\nwhy: id_session-tags.md: inherited transitive tags stay transitive, plus this call's transitive session tags", d)
	}
	assert.Equal(t, []string{"stage"}, r.TransitiveTagKeys())
}

func TestAccessorsReturnCopies(t *testing.T) {
	t.Parallel()
	u := must(NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", Tags: map[string]string{"team": "a"}}))
	u.Tags()["team"] = "changed"
	assert.Equal(t, "a", u.Tags()["team"], "built principals are immutable")
	in := map[string]string{"team": "a"}
	u2 := must(NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice", Tags: in}))
	in["team"] = "changed"
	v, _ := u2.Context().LookupVariable("aws:principaltag/team")
	assert.Equal(t, "a", v, "constructors copy their input")
	assert.Equal(t, "a", u2.Tags()["team"])
}

func TestOverlay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		sets []map[string]string
		want map[string]string
		why  string
	}{
		{"none", nil, nil, "no tags: nil"},
		{"empty sets", []map[string]string{{}, nil}, nil, "empty sets: nil"},
		{"later wins ignoring case", []map[string]string{{"Department": "Marketing"}, {"department": "engineering"}},
			map[string]string{"department": "engineering"}, "id_session-tags.md example: department=engineering replaces Department=Marketing"},
		{"disjoint keys kept", []map[string]string{{"a": "1"}, {"b": "2"}}, map[string]string{"a": "1", "b": "2"}, "union of tags"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if d := cmp.Diff(tc.want, overlay(tc.sets...)); d != "" {
				t.Errorf("overlay mismatch (-want +got):\n%s\nwhy: %s", d, tc.why)
			}
		})
	}
}

// TestPlainTagText: the table plainTagText reads accepts, of the 256 byte
// values, exactly the ASCII letters, digits, space and _.:/=+-@ that tag
// keys and values may hold
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html); every
// other byte sends the tag to the full check.
func TestPlainTagText(t *testing.T) {
	t.Parallel()
	const allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _.:/=+-@"
	for c := range 256 {
		want := strings.IndexByte(allowed, byte(c)) >= 0
		assert.Equal(t, want, plainTagText(string([]byte{byte(c)})), "byte 0x%02x", c)
		assert.Equal(t, want, plainTagText("team"+string([]byte{byte(c)})+"x"), "byte 0x%02x inside", c)
	}
	assert.True(t, plainTagText(""))
}

// Issue 15: IAM attaches at most 50 tags to a user or role
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
// and STS passes at most 50 session tags
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html):
// a principal of 100,000 tags cost 46 times its text. 50 are a
// principal's, 51 an error, whichever way the tags are given.
func TestAtMost50Tags(t *testing.T) {
	t.Parallel()
	tags := func(n int) map[string]string {
		m := map[string]string{}
		for i := range n {
			m[fmt.Sprintf("t%d", i)] = "v"
		}
		return m
	}
	const arn = "arn:aws:iam::111122223333:user/alice"
	_, err := NewIAMUser(IAMUserInput{ARN: arn, Tags: tags(50)})
	assert.NoError(t, err, "50 tags")
	_, err = NewIAMUser(IAMUserInput{ARN: arn, Tags: tags(51)})
	assert.ErrorContains(t, err, "51 tags: AWS allows at most 50")
	var b UserBuilder
	for i := range 51 {
		b.Tag(fmt.Sprintf("t%d", i), "v")
	}
	_, err = b.Build(IAMUserInput{ARN: arn})
	assert.ErrorContains(t, err, "51 tags: AWS allows at most 50", "through a UserBuilder")
}
