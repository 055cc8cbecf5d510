package principal

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestUserBuilderMatchesNewIAMUser: a reused UserBuilder gives the user,
// keys and errors NewIAMUser gives for the same facts, with the tags as
// pairs; tag keys are unique ignoring case
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html).
func TestUserBuilderMatchesNewIAMUser(t *testing.T) {
	t.Parallel()
	const arn = "arn:aws:iam::111122223333:user/division/alice"
	tests := []struct {
		name string
		in   IAMUserInput
		tags map[string]string
	}{
		{"no tags", IAMUserInput{ARN: arn}, nil},
		{"tags, ID and MFA", IAMUserInput{ARN: arn, ID: "AIDAEXAMPLE", Credentials: Credentials{Temporary: true, MFA: true, MFAAge: time.Minute}},
			map[string]string{"team": "ops", "Cost-Center": "42", "caf\u00e9": "x"}},
		{"keys that differ in case", IAMUserInput{ARN: arn}, map[string]string{"team": "a", "Team": "b"}},
		{"reserved prefix", IAMUserInput{ARN: arn}, map[string]string{"aws:team": "a"}},
		{"bad character", IAMUserInput{ARN: arn}, map[string]string{"team": "a\u0000"}},
		{"bad ARN", IAMUserInput{ARN: "arn:aws:iam::111122223333:role/alice"}, map[string]string{"team": "a"}},
		{"bad ID", IAMUserInput{ARN: arn, ID: "AROA1"}, nil},
		{"MFA without temporary credentials", IAMUserInput{ARN: arn, Credentials: Credentials{MFA: true}}, nil},
	}
	var b UserBuilder
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.Tags = tc.tags
			want, wantErr := NewIAMUser(in)
			b.Reset()
			for k, v := range tc.tags {
				b.Tag(k, v)
			}
			got, err := b.Build(tc.in)
			if wantErr != nil {
				require.Error(t, err)
				assert.Equal(t, wantErr.Error(), err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want.Tags(), got.Tags())
			assert.Equal(t, want.Context().Keys(), got.Context().Keys())
			want.Context().Each(func(k string, v condition.Value) {
				g, _ := got.Context().LookupKey(k)
				assert.Equal(t, v, g, k)
			})
			if d := cmp.Diff(want.Identity(), got.Identity(), cmp.AllowUnexported(Identity{})); d != "" {
				t.Error(d)
			}
			assert.Equal(t, want.Name(), got.Name())
			assert.Equal(t, want.Path(), got.Path())
		})
	}
	b.Reset()
	b.Tag("team", "a")
	b.Tag("team", "b")
	_, err := b.Build(IAMUserInput{ARN: arn})
	assert.ErrorContains(t, err, `tag key "team" is given twice`)
	b.Reset()
	b.Tag("team", "a")
	_, err = b.Build(IAMUserInput{ARN: arn, Tags: map[string]string{"TEAM": "b"}})
	assert.ErrorContains(t, err, "differ only in case", "tags of Tag and of in.Tags are checked together")
	_, err = b.Build(IAMUserInput{ARN: arn})
	assert.ErrorContains(t, err, "without Reset")
}

// TestPlainTagAgrees holds plainTag, the ASCII shortcut, to tagProblem:
// every tag it accepts tagProblem accepts, and it accepts every ASCII tag
// that tagProblem accepts (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html).
func TestPlainTagAgrees(t *testing.T) {
	t.Parallel()
	var tags [][2]string
	for c := 0; c < 128; c++ {
		s := string(rune(c))
		tags = append(tags, [2]string{s, "v"}, [2]string{"k", s}, [2]string{"team" + s, "a" + s + "b"})
	}
	for _, k := range []string{"", "aws:x", "AWS:x", "aws", "awsx", "aws_x", strings.Repeat("k", 128), strings.Repeat("k", 129), "caf\u00e9"} {
		tags = append(tags, [2]string{k, "v"})
	}
	tags = append(tags, [2]string{"k", strings.Repeat("v", 256)}, [2]string{"k", strings.Repeat("v", 257)}, [2]string{"k", "\u00e9"})
	for _, tg := range tags {
		valid := tagProblem(tg[0], tg[1]) == ""
		if plainTag(tg[0], tg[1]) {
			assert.True(t, valid, "plainTag accepts %+q=%+q, which tagProblem refuses", tg[0], tg[1])
		} else if valid {
			assert.False(t, isASCII(tg[0]+tg[1]), "plainTag refuses the valid ASCII tag %+q=%+q", tg[0], tg[1])
		}
	}
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
