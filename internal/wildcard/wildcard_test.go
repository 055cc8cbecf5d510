package wildcard

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
		why        string
	}{
		{"", "", true, "empty matches empty"},
		{"", "a", false, "empty matches only empty"},
		{"*", "", true, "star matches the empty run"},
		{"*", "anything:at/all", true, "star crosses every character"},
		{"s3:Get*", "s3:GetObject", true, "reference_policies_elements_action.md: prefix glob"},
		{"s3:Get*", "s3:PutObject", false, "prefix differs"},
		{"s3:Get?bject", "s3:GetObject", true, "? matches one character"},
		{"s3:Get?bject", "s3:Getbject", false, "? needs exactly one character"},
		{"B/*/test/*", "B/1/2/test/3/x.jpg", true, "reference_policies_elements_resource.md: * crosses /"},
		{"a*b*c", "abc", true, "stars may be empty"},
		{"a*b*c", "aXbYc", true, "pieces found left to right"},
		{"a*b*c", "acb", false, "pieces must keep their order"},
		{"*ab", "aab", true, "suffix anchored after a failed first try"},
		{"a*a", "a", false, "prefix and suffix may not overlap"},
		{"a*a", "aa", true, "prefix and suffix adjacent"},
		{"??", "é", false, "? is one character, not one byte"},
		{"?", "é", true, "? consumes a whole rune"},
		{"*?", "é", true, "suffix ? consumes a whole rune"},
		{"a*?b*", "aéb", true, "middle ? consumes a whole rune"},
		{"Manager*", "managerjoe", false, "id_credentials_temp_request.md: case-sensitive"},
		{`a\b`, `a\b`, true, "backslash is literal in plain patterns"},
		{"*a*a*a*a*a*b", strings.Repeat("a", 64), false, "pathological pattern ends quickly"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Match(tc.pattern, tc.s), "%q ~ %q: %s", tc.pattern, tc.s, tc.why)
		assert.Equal(t, tc.want, Compile(tc.pattern).Match(tc.s), "compiled %q ~ %q: %s", tc.pattern, tc.s, tc.why)
	}
}

func TestMatchEscaped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
		why        string
	}{
		{`a\*b`, "a*b", true, "escaped star is literal"},
		{`a\*b`, "aXb", false, "escaped star does not glob"},
		{`a\?`, "a?", true, "escaped ? is literal"},
		{`a\?`, "ab", false, "escaped ? does not glob"},
		{`\\`, `\`, true, "escaped backslash"},
		{`a\`, `a\`, true, "trailing lone backslash is literal"},
		{`home/\*/*`, "home/*/x", true, "variable text ${*} is literal, policy * globs"},
		{`home/\*/*`, "home/alice/x", false, "literal star from a variable"},
		{`*\*`, "x*", true, "escaped suffix"},
		{`*\**`, "ab*cd", true, "escaped middle piece"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, MatchEscaped(tc.pattern, tc.s), "%q ~ %q: %s", tc.pattern, tc.s, tc.why)
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", `a*b?c\d`, "***", `\\`} {
		p := string(AppendEscape(nil, s))
		assert.True(t, MatchEscaped(p, s), "escaped %q must match itself", s)
		assert.Equal(t, Match(s, "x"+s), MatchEscaped(string(AppendEscapePolicyText(nil, s)), "x"+s), "policy text keeps its meaning for %q", s)
	}
}

// TestPrefixOnly holds the shapes that get the prefix fast path: literal
// text and one trailing star, "*" alone; a pattern with '?', another star
// or a star elsewhere is not a prefix test.
func TestPrefixOnly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, prefix string
		ok              bool
	}{
		{"*", "", true},
		{"s3:get*", "s3:get", true},
		{"ab", "", false},
		{"", "", false},
		{"**", "", false},
		{"a*b", "", false},
		{"*a", "", false},
		{"a?*", "", false},
		{"a**", "", false},
	}
	for _, tc := range tests {
		prefix, ok := Compile(tc.pattern).PrefixOnly()
		assert.Equal(t, tc.ok, ok, tc.pattern)
		assert.Equal(t, tc.prefix, prefix, tc.pattern)
	}
}

func TestPatternFacts(t *testing.T) {
	t.Parallel()
	p := Compile("arn:aws:s3:::bucket-*/x?")
	assert.Equal(t, "arn:aws:s3:::bucket-", p.LiteralPrefix())
	assert.False(t, p.IsLiteral())
	assert.True(t, Compile("plain").IsLiteral())
	assert.Equal(t, "plain", Compile("plain").LiteralPrefix())
	assert.Equal(t, "arn:aws:s3:::bucket-*/x?", p.String())
	for _, g := range []string{"plain", "", "s3:Get*", "a?c", "*", "x*y?z"} {
		assert.Equal(t, Compile(g).IsLiteral(), Compile(g).Shape().IsLiteral(), "a shape tells literal patterns as its pattern does: %q", g)
	}
}

// oracle translates a plain glob into an anchored regexp; Go's regexp
// engine is linear-time, so it is a safe reference.
func oracle(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`\z`)
	return regexp.MustCompile(b.String())
}

func FuzzMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"s3:Get*", "s3:GetObject"}, {"a*b*c", "aXbYc"}, {"*?", "é"}, {"*a*a*a*b", "aaaaaaa"},
		{"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/2/test/3/x.jpg"}, {"??*?", "abc"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !utf8Valid(pattern) || !utf8Valid(s) {
			return
		}
		want := oracle(pattern).MatchString(s)
		if got := Match(pattern, s); got != want {
			t.Fatalf("Match(%q, %q) = %v, regexp says %v", pattern, s, got, want)
		}
		if got := Compile(pattern).Match(s); got != want {
			t.Fatalf("Compile(%q).Match(%q) = %v, regexp says %v", pattern, s, got, want)
		}
		esc := string(AppendEscapePolicyText(nil, pattern))
		if got := MatchEscaped(esc, s); got != want {
			t.Fatalf("MatchEscaped(%q, %q) = %v, regexp says %v", esc, s, got, want)
		}
		if !MatchEscaped(string(AppendEscape(nil, s)), s) {
			t.Fatalf("escaped %q does not match itself", s)
		}
	})
}

// TestCompiledMatchesOracle holds the precomputed pieces of Compile
// against the regexp oracle on random patterns and inputs over a small
// alphabet, so that every shape (literal, '?' only, stars only, both) is
// tried with overlaps and multi-byte runes.
func TestCompiledMatchesOracle(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", "é", "*", "?", "/"}
	text := []string{"a", "b", "é", "/", "*"}
	gen := func(from []string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(from[rng.IntN(len(from))])
		}
		return b.String()
	}
	for range 3000 {
		p := gen(alphabet, rng.IntN(7))
		re, c := oracle(p), Compile(p)
		for range 10 {
			s := gen(text, rng.IntN(8))
			if want := re.MatchString(s); !assert.Equal(t, want, c.Match(s), "Compile(%q).Match(%q): regexp oracle", p, s) {
				return
			}
		}
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func BenchmarkMatch(b *testing.B) {
	b.Run("typical", func(b *testing.B) {
		p := Compile("arn:aws:s3:::corp-data/home/*/archive/*")
		b.ReportAllocs()
		for b.Loop() {
			p.Match("arn:aws:s3:::corp-data/home/alice/archive/2023.tar")
		}
	})
	b.Run("pathological", func(b *testing.B) {
		p := Compile(strings.Repeat("*a", 32) + "*b")
		s := strings.Repeat("a", 4096)
		b.ReportAllocs()
		for b.Loop() {
			p.Match(s)
		}
	})
	b.Run("escaped", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			MatchEscaped(`corp-uploads/alice/\*/*`, "corp-uploads/alice/*/report.csv")
		}
	})
}

func TestMatchEscapedBytes(t *testing.T) {
	t.Parallel()
	assert.True(t, MatchEscapedBytes([]byte(`a\*`), "a*"))
	assert.False(t, MatchEscapedBytes([]byte(`a\*`), "ab"))
	assert.True(t, MatchEscapedBytes(nil, ""), "empty pattern matches empty")
	assert.False(t, MatchEscapedBytes(nil, "x"))
}

func TestAppendEscapeOutput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, escape, policyText string
		why                   string
	}{
		{"", "", "", "empty text"},
		{"plain/text", "plain/text", "plain/text", "nothing to escape"},
		{`a*b?c\d`, `a\*b\?c\\d`, `a*b?c\\d`, "every special character once"},
		{`**\\`, `\*\*\\\\`, `**\\\\`, "runs of special characters"},
		{`\`, `\\`, `\\`, "a lone backslash"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.escape, string(AppendEscape([]byte("x"), tc.s))[1:], "AppendEscape(%q): %s", tc.s, tc.why)
		assert.Equal(t, tc.policyText, string(AppendEscapePolicyText([]byte("x"), tc.s))[1:], "AppendEscapePolicyText(%q): %s", tc.s, tc.why)
	}
}
