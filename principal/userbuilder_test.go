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
		// U+0130 lower-cases to i but does not fold to it: the tag check
		// lets both through and their context keys collide.
		{"keys equal once lower-cased", IAMUserInput{ARN: arn}, map[string]string{"\u0130": "a", "i": "b"}},
		{"upper-case ASCII tag key", IAMUserInput{ARN: arn, ID: "AIDAEXAMPLE"}, map[string]string{"Team": "ops", "project": ""}},
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

// TestUserBuilderSetContext: SetContext sets in a Builder the keys of the
// user's context (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html:
// aws:PrincipalArn, aws:username, aws:PrincipalTag/K ...), whether the
// UserBuilder built that context already or leaves it to first use; the
// context asked for afterwards, from several goroutines at once, is the
// same.
func TestUserBuilderSetContext(t *testing.T) {
	t.Parallel()
	const arn = "arn:aws:iam::111122223333:user/division/alice"
	tests := []struct {
		name string
		in   IAMUserInput
		tags [][2]string
	}{
		{"no tags", IAMUserInput{ARN: arn}, nil},
		{"tags and ID", IAMUserInput{ARN: arn, ID: "AIDAEXAMPLE"}, [][2]string{{"team", "ops"}, {"Cost-Center", "42"}}},
		{"the same tag keys, other values", IAMUserInput{ARN: arn, ID: "AIDAEXAMPLE"}, [][2]string{{"team", "dev"}, {"Cost-Center", "7"}}},
		{"another tag key first", IAMUserInput{ARN: arn}, [][2]string{{"Project", "x"}, {"team", "ops"}}},
		{"non-ASCII tag key (built at once)", IAMUserInput{ARN: arn}, [][2]string{{"caf\u00e9", "x"}}},
		{"temporary credentials (built at once)", IAMUserInput{ARN: arn, Credentials: Credentials{Temporary: true, MFA: true, MFAAge: time.Minute}}, [][2]string{{"team", "ops"}}},
	}
	var ub UserBuilder
	var set condition.Builder
	for _, tc := range tests {
		in := tc.in
		in.Tags = map[string]string{}
		for _, tg := range tc.tags {
			in.Tags[tg[0]] = tg[1]
		}
		want, err := NewIAMUser(in)
		require.NoError(t, err, tc.name)

		ub.Reset()
		for _, tg := range tc.tags {
			ub.Tag(tg[0], tg[1])
		}
		got, err := ub.Build(tc.in)
		require.NoError(t, err, tc.name)
		set.Reset()
		SetContext(&set, got)
		ctx, err := set.Borrow()
		require.NoError(t, err, tc.name)
		assert.Equal(t, contextMap(want.Context()), contextMap(ctx), "%s: SetContext", tc.name)

		results := make(chan map[string]string, 8)
		for range 8 {
			go func() { results <- contextMap(got.Context()) }()
		}
		for range 8 {
			assert.Equal(t, contextMap(want.Context()), <-results, "%s: the user's own context", tc.name)
		}
		set.Reset()
		SetContext(&set, got)
		ctx, err = set.Borrow()
		require.NoError(t, err, tc.name)
		assert.Equal(t, contextMap(want.Context()), contextMap(ctx), "%s: SetContext once the context is built", tc.name)
	}
}

// contextMap returns every key of c with its value.
func contextMap(c condition.Context) map[string]string {
	m := map[string]string{}
	c.Each(func(k string, v condition.Value) { m[k] = v.String() })
	return m
}
