package policy

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/variables"
)

// refLiteralPrefix is the literal prefix as first written: the text
// before the first wildcard and, when variables are substituted, before
// the first "${".
func refLiteralPrefix(raw string, mode variables.Mode) string {
	if i := strings.IndexAny(raw, "*?"); i >= 0 {
		raw = raw[:i]
	}
	if mode == variables.Substitute {
		if i := strings.Index(raw, "${"); i >= 0 {
			raw = raw[:i]
		}
	}
	return raw
}

// refHeadLength is the length up to and including the fifth colon of
// prefix, 0 when it has fewer.
func refHeadLength(prefix string) int {
	n := 0
	for colons := 0; colons < 5; colons++ {
		i := strings.IndexByte(prefix[n:], ':')
		if i < 0 {
			return 0
		}
		n += i + 1
	}
	return n
}

// TestCompileResourceScan checks that the one-pass scan of a Resource
// entry finds the same literal prefix, head length and segments as
// searching the text question by question. The prefix decides which
// statements the index offers for a request, so a longer one would hide
// statements (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
func TestCompileResourceScan(t *testing.T) {
	entries := []string{
		"arn:aws:s3:::bucket",
		"arn:aws:s3:::bucket/*",
		"arn:aws:s3:::bucket/home/${aws:username}/*",
		"arn:aws:iam::123456789012:user/${aws:username}",
		"arn:*:kms:*:${aws:PrincipalAccount}:key/*",
		"arn:aws:s3:::a?c",
		"arn:aws:s*:::x",
		"arn:aws:ec2",
		"arn:aws:ec2:*",
		"arn:aws:ec2:us-east-1:1:instance/i-1:extra:colons",
		"arn:aws:s3:::${",
		"arn:aws:s3:::$x{y}",
		"arn:aws:s3:::x$",
		"arn:aws:${aws:x:y}:r:a:res",
		"arn::::",
		"arn:::::",
		"arn:aws:iam::*:role/a*",
		"arn:aws:iam::123456789012:u*",
		"arn:aws:ec2:us-east-1:123456789012:instance/*",
		"arn:aws:ec2:us-east-1:123456789012:inst?nce/i-1",
		"arn:aws:s3:::bucket/a:b*",
		"arn:aws:s3:us-*:::x",
		"arn:aws:s3:::",
		"arn:aws:s3:::a*b?c*",
		"arn:aws:s3:::*",
		"arn:aws:s3:::a**",
		"arn:aws:s3:::?*",
	}
	// Random entries from the bytes the scan looks for.
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		b.WriteString("arn:")
		for range rng.IntN(20) {
			b.WriteString([]string{":", "*", "?", "$", "${", "}", "a", "/", "aws"}[rng.IntN(9)])
		}
		entries = append(entries, b.String())
	}
	for _, s := range entries {
		for _, mode := range []variables.Mode{variables.Substitute, variables.Literal} {
			e, ok, _ := compileResource(s, mode)
			assert.True(t, ok, s)
			sc := scanARN(s)
			if mode != variables.Substitute {
				sc.vars = -1
			}
			if sc.vars < 0 {
				parts, n := sc.split(s)
				wantParts, wantN := splitARN(s, mode)
				assert.Equal(t, wantN, n, s)
				assert.Equal(t, wantParts, parts, s)
			}
			// The general path gives the same entry and warnings.
			var ge resourceEntry
			var gw resourceWarnings
			if strings.HasPrefix(s, "arn:") {
				gsc := scanARN(s)
				if mode != variables.Substitute {
					gsc.vars = -1
				}
				assert.True(t, compileARN(&ge, &gw, s, mode, &gsc), s)
				_, _, w := compileResource(s, mode)
				assert.Equal(t, ge, e, "entry of %q (mode %d)", s, mode)
				assert.Equal(t, gw, w, "warnings of %q (mode %d)", s, mode)
			}
			if e.neverMatches() {
				continue
			}
			prefix := refLiteralPrefix(s, mode)
			assert.Equal(t, prefix, e.prefix(), "prefix of %q (mode %d)", s, mode)
			assert.Equal(t, refHeadLength(prefix), int(e.partOff), "head of %q (mode %d)", s, mode)
		}
	}
}

// refScanARN is scanARN as first written, a byte at a time.
func refScanARN(s string) arnScan {
	sc := arnScan{wild: -1, vars: -1, firstStar: -1, lastStar: -1}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if sc.n < len(sc.colons) {
				sc.colons[sc.n] = i
				sc.n++
			}
		case '*':
			if sc.wild < 0 {
				sc.wild = i
			}
			if sc.firstStar < 0 {
				sc.firstStar = i
			}
			sc.lastStar = i
		case '?':
			if sc.wild < 0 {
				sc.wild = i
			}
			sc.qmark = true
		case '$':
			if sc.vars < 0 && i+1 < len(s) && s[i+1] == '{' {
				sc.vars = i
			}
		}
	}
	return sc
}

// TestScanARNWords checks the word-at-a-time scan against the byte-at-a-
// time one for texts of every length up to a few words, whose stop bytes
// fall at every offset of a word and in the overlapping last word, and
// next to bytes that differ from a stop byte in one bit or the high bit.
func TestScanARNWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte(":*?${}a/\x00\xba\xaa\xbf\xa4\x3b\x2b\x3e\x25\x7f\xff")
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		assert.Equal(t, refScanARN(s), scanARN(s), "%q", s)
	}
}

// TestCompileResourceHead checks that compiling an entry with the head
// of another entry as a hint (see compileResourceTo) gives the same entry
// and warnings as without, for entries that start with the head or
// nearly, in both variable modes.
func TestCompileResourceHead(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	heads := []string{"arn:aws:s3:::", "arn:aws:iam::123456789012:", "arn:aws:logs:us-east-1:1:", "arn:${x}:s3:::", "arn:aws:s?:::"}
	pieces := []string{":", "*", "?", "$", "${", "}", "a", "/", "aws", "${aws:username}", "s3", "iam", "::"}
	for range 5000 {
		var b strings.Builder
		b.WriteString(heads[rng.IntN(len(heads))])
		if rng.IntN(4) == 0 {
			b.Reset()
			b.WriteString("arn:")
		}
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, mode := range []variables.Mode{variables.Substitute, variables.Literal} {
			want, wantOK, wantW := compileResource(s, mode)
			for _, h := range heads {
				he, ok, _ := compileResource(h+"x", mode)
				if !ok || he.entryHead() == "" {
					continue
				}
				var e resourceEntry
				var w resourceWarnings
				ok = compileResourceTo(&e, &w, s, mode, he.entryHead())
				assert.Equal(t, wantOK, ok, "%q with head %q (mode %d)", s, h, mode)
				assert.Equal(t, want, e, "%q with head %q (mode %d)", s, h, mode)
				assert.Equal(t, wantW, w, "%q with head %q (mode %d)", s, h, mode)
			}
		}
	}
}
