package variables

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/internal/wildcard"
)

// mapLookup is a Lookup over a map with lower-case keys.
type mapLookup map[string]string

func (m mapLookup) LookupVariable(k string) (string, bool) {
	v, ok := m[k]
	return v, ok
}

var ctx = mapLookup{
	"aws:username":          "alice",
	"aws:userid":            "123456789012:Bob",
	"aws:principaltag/team": "data*",
	"aws:principaltag/none": "",
}

func TestExpand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		mode Mode
		want string
		ok   bool
		why  string
	}{
		{"home/${aws:username}/*", Substitute, "home/alice/*", true, "reference_policies_variables.md: the key's single value"},
		{"home/${AWS:UserName}/*", Substitute, "home/alice/*", true, "reference_policies_variables.md: key names are case-insensitive"},
		{"${aws:userid}", Substitute, "123456789012:Bob", true, "reference_policies_variables.md: a federated user's userid"},
		{"home/${aws:PrincipalTag/missing, 'guest'}/", Substitute, "home/guest/", true, "reference_policies_variables.md: default for an absent key"},
		{"home/${aws:PrincipalTag/missing,'guest'}/", Substitute, "home/guest/", true, "reference_policies_variables.md: no space after the comma is accepted"},
		{"home/${aws:PrincipalTag/missing ,  'guest'}/", Substitute, "home/guest/", true, "reference_policies_variables.md: several spaces are accepted"},
		{"home/${aws:username, 'guest'}/", Substitute, "home/alice/", true, "a present key wins over its default"},
		{"${aws:PrincipalTag/none}x", Substitute, "x", true, "reference_policies_variables.md: empty value is empty text"},
		{"home/${aws:missing}/", Substitute, "", false, "reference_policies_variables.md: absent key without default has no value"},
		{"${*}${?}${$}", Substitute, "*?$", true, "reference_policies_variables.md: fixed characters"},
		{"home/${aws:username}/*", Literal, "home/${aws:username}/*", true, "reference_policies_variables.md: 2008-10-17 text is literal"},
		{"price$5", Substitute, "price$5", true, "reference_policies_variables.md: $ without { is literal"},
		{"a${aws:username", Substitute, "a${aws:username", true, "reference_policies_variables.md: unclosed ${ is literal"},
		{"a${}b", Substitute, "a${}b", true, "empty variable stays literal"},
	}
	for _, tc := range tests {
		tpl, _ := Parse(tc.in, tc.mode)
		got, ok := tpl.Expand(ctx)
		assert.Equal(t, tc.ok, ok, "%q: %s", tc.in, tc.why)
		assert.Equal(t, tc.want, got, "%q: %s", tc.in, tc.why)
		assert.Equal(t, tc.in, tpl.Raw())
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"a${aws:username", []string{`unclosed "${" is taken as literal text`}},
		{"a${}b", []string{`"${}" is not a variable name; taken as literal text`}},
		{"${aws:username, guest}", []string{`malformed default in "${aws:username, guest}": expected ${key, 'default'}; taken as literal text`}},
		{"${aws:username}", nil},
	}
	for _, tc := range tests {
		_, w := Parse(tc.in, Substitute)
		assert.Equal(t, tc.want, w, tc.in)
	}
}

func TestKeysAndHasVariables(t *testing.T) {
	t.Parallel()
	tpl, _ := Parse("${aws:username}/${saml:Sub, 'x'}/${*}", Substitute)
	assert.True(t, tpl.HasVariables())
	assert.Equal(t, []string{"aws:username", "saml:sub"}, tpl.Keys())
	assert.Equal(t, []string{"aws:username", "saml:Sub"}, tpl.Names(), "names keep the policy's spelling for messages")
	plain, _ := Parse("no variables here", Substitute)
	assert.False(t, plain.HasVariables())
	assert.Nil(t, plain.Keys())
	assert.Nil(t, plain.Names())
	fixedOnly, _ := Parse("${*}", Substitute)
	assert.True(t, fixedOnly.HasVariables(), "a fixed character must be produced literally")
}

func TestAppendPatternIsLiteralForVariables(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tpl, s string
		want   bool
		why    string
	}{
		{"teams/${aws:PrincipalTag/team}/x", "teams/data*/x", true, "reference_policies_variables.md: the value matches itself"},
		{"teams/${aws:PrincipalTag/team}/x", "teams/database/x", false, "reference_policies_variables.md: a * inside a value is not a wildcard"},
		{"teams/${aws:username}/*", "teams/alice/report", true, "the policy's own * globs"},
		{"a${*}b", "a*b", true, "reference_policies_variables.md: ${*} is a literal star"},
		{"a${*}b", "axb", false, "reference_policies_variables.md: ${*} does not glob"},
		{`a\b${?}`, `a\b?`, true, "backslashes in policy text are literal"},
	}
	for _, tc := range tests {
		tpl, _ := Parse(tc.tpl, Substitute)
		p, ok := tpl.AppendPattern(nil, ctx)
		require.True(t, ok)
		assert.Equal(t, tc.want, wildcard.MatchEscaped(string(p), tc.s), "%s: %s", tc.tpl, tc.why)
	}
	missing, _ := Parse("x/${aws:nothing}", Substitute)
	b, ok := missing.AppendPattern([]byte("keep"), ctx)
	assert.False(t, ok)
	assert.Equal(t, "keep", string(b), "dst is returned unchanged")
}

func TestAppendDoesNotAllocate(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts are not meaningful under -race")
	}
	tpl, _ := Parse("arn:aws:s3:::corp-uploads/${aws:username}/*", Substitute)
	var l Lookup = ctx
	allocs := testing.AllocsPerRun(100, func() {
		var buf [256]byte
		b, _ := tpl.AppendPattern(buf[:0], l)
		_ = wildcard.MatchEscapedBytes(b, "arn:aws:s3:::corp-uploads/alice/x")
	})
	assert.Zero(t, allocs)
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"home/${aws:username}/*", "${a, 'b'}", "${*}${?}${$}", "${", "${}", "$${x}}", "${a,'}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tpl, _ := Parse(s, Substitute)
		if tpl.Raw() != s {
			t.Fatalf("Raw() = %q, want %q", tpl.Raw(), s)
		}
		lit, w := Parse(s, Literal)
		if w != nil || lit.HasVariables() {
			t.Fatalf("literal mode must not find variables in %q", s)
		}
		if !strings.Contains(s, "${") && tpl.HasVariables() {
			t.Fatalf("variables found in %q without ${", s)
		}
		got, ok := tpl.Expand(mapLookup{})
		if !tpl.HasVariables() && (!ok || got != s) {
			t.Fatalf("plain template %q expanded to %q", s, got)
		}
		p, ok2 := tpl.AppendPattern(nil, mapLookup{})
		if ok != ok2 {
			t.Fatalf("AppendText and AppendPattern disagree on %q", s)
		}
		if ok && !wildcard.MatchEscaped(string(wildcard.AppendEscape(nil, got)), got) {
			t.Fatalf("escaped expansion of %q does not match itself", s)
		}
		_ = p
	})
}

func BenchmarkAppendPattern(b *testing.B) {
	tpl, _ := Parse("arn:aws:s3:::corp-uploads/${aws:username}/*", Substitute)
	var l Lookup = ctx
	b.ReportAllocs()
	for b.Loop() {
		var buf [256]byte
		_, _ = tpl.AppendPattern(buf[:0], l)
	}
}

// TestOnlyKey checks that OnlyKey finds the key of a template with exactly
// one variable (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html),
// lower-cased as Keys gives it, and refuses other templates.
func TestOnlyKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		tmpl string
		key  string
		one  bool
	}{
		{"home/${aws:UserName}/*", "aws:username", true},
		{"${aws:username}-${aws:username}", "", false},
		{"a/${*}/${aws:userid}", "aws:userid", true},
		{"plain", "", false},
		{"${*}", "", false},
	} {
		tmpl, _ := Parse(tc.tmpl, Substitute)
		key, one := tmpl.OnlyKey()
		assert.Equal(t, tc.one, one, tc.tmpl)
		if tc.one {
			assert.Equal(t, tc.key, key, tc.tmpl)
			assert.Equal(t, []string{key}, tmpl.Keys(), tc.tmpl)
		}
	}
}
