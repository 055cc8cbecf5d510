package iameval

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
)

// allowAllDenyDelete is Allow s3:* with a literal Deny of s3:DeleteObject:
// the policy a crafted action name must not slip past (issue 15).
func allowAllDenyDelete(tb testing.TB) *PolicySet {
	tb.Helper()
	return docs{identity: []string{allow("s3:*", "*"), deny("s3:DeleteObject", "*")}}.build(tb)
}

// TestNewRequestRefusesActionsOutsideAWSAlphabet: the Service
// Authorization Reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
// spells every action "prefix:Name" in ASCII letters, digits and '-'. A
// request naming anything else is an error, never a decision: s3:* would
// match it while the literal Deny of the action it imitates would not.
func TestNewRequestRefusesActionsOutsideAWSAlphabet(t *testing.T) {
	t.Parallel()
	ps := allowAllDenyDelete(t)
	tests := []struct {
		name, action, want string
	}{
		{"zero-width space (Cf)", "s3:DeleteObject\u200b", `'\u200b'`},
		{"NUL (Cc)", "s3:DeleteObject\u0000", `'\x00'`},
		{"Kelvin sign (lowers to ASCII k)", "s3:DeleteObject\u212a", `'\u212a'`},
		{"Kelvin sign in the prefix", "\u212as:DeleteObject", `'\u212a'`},
		{"fullwidth letter", "s3:DeleteObjec\uff54", `'\uff54'`},
		{"invalid UTF-8", "s3:DeleteObject\xff", "0xff"},
		{"newline", "s3:DeleteObject\n", `'\n'`},
		{"second colon", "s3:Delete:Object", `':'`},
		{"dot", "s3:Delete.Object", `'.'`},
		{"underscore in prefix", "s_3:DeleteObject", `'_'`},
		{"empty prefix", ":DeleteObject", "service:Name"},
		{"empty name", "s3:", "service:Name"},
		{"no colon", "DeleteObject", "service:Name"},
		{"wildcard", "s3:Delete*", "wildcards"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := NewRequest(RequestInput{Principal: alice, Action: tc.action, Resource: "*", Time: fixedTime})
			require.Error(t, err, "an action outside AWS's alphabet is refused, not decided")
			assert.Nil(t, r)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, isGraphicASCII(err.Error()), "the error escapes what it quotes: %q", err.Error())
			// The same text through the policy package's own request.
			pr, err := policy.NewRequest(policy.RequestInput{Action: tc.action, Resource: "*", Principal: alice})
			assert.Error(t, err)
			for _, p := range ps.Identity {
				assert.False(t, p.Eval(&pr, nil).Allow, "policy.Eval denies an action it refuses")
			}
		})
	}
	// The refused spellings differ from the plain action only by the
	// crafted character, which AWS's alphabet lets through in no case.
	r, err := NewRequest(RequestInput{Principal: alice, Action: "s3:DeleteObject", Resource: "*", Time: fixedTime})
	require.NoError(t, err)
	assert.Equal(t, ExplicitDeny, Evaluate(ps, r), "the literal Deny applies to the action itself")
	for _, ok := range []string{"S3:DELETEOBJECT", "execute-api:Invoke", "vpc-lattice:AssociateViaAWSService-EventsAndStates", "a4b:Get_Thing"} {
		_, err := NewRequest(RequestInput{Principal: alice, Action: ok, Resource: "*", Time: fixedTime})
		assert.NoError(t, err, "%s is in AWS's alphabet (matching ignores case)", ok)
	}
}

// TestNewRequestRefusesControlAndFormatCharacters: ARNs and context-key
// names as AWS writes them
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)
// hold no control or format characters; a request with one is refused so
// that an invisible character cannot make a literal Deny miss.
func TestNewRequestRefusesControlAndFormatCharacters(t *testing.T) {
	t.Parallel()
	ctx := func(k string) condition.Context {
		c, err := condition.NewContext(map[string]condition.Value{k: condition.StringValue("v")})
		require.NoError(t, err)
		return c
	}
	tests := []struct {
		name string
		in   RequestInput
		want string
	}{
		{"resource with zero-width space", RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/secret\u200b"}, "resource"},
		{"resource with NUL", RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/secret\x00"}, "resource"},
		{"resource with escape sequence", RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/\x1b[2J"}, "resource"},
		{"resource not UTF-8", RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/\xc3"}, "not valid UTF-8"},
		{"resource with right-to-left override", RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/\u202egpj.exe"}, "resource"},
		{"resource account with NUL", RequestInput{Action: "s3:GetObject", Resource: "*", ResourceAccount: acctA + "\x00"}, "resource account"},
		{"context key with zero-width space", RequestInput{Action: "s3:GetObject", Resource: "*", Context: ctx("aws:SourceIp\u200b")}, "context key"},
		{"absent key with NUL", RequestInput{Action: "s3:GetObject", Resource: "*", Absent: []string{"aws:SourceIp\x00"}}, "absent context key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.in.Principal = alice
			r, err := NewRequest(tc.in)
			require.Error(t, err)
			assert.Nil(t, r)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, isGraphicASCII(err.Error()), "the error escapes what it quotes: %q", err.Error())
		})
	}
	_, err := NewRequest(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-a/r\u00e9sum\u00e9 \u212a.pdf", Time: fixedTime})
	assert.NoError(t, err, "printable non-ASCII text is a valid S3 object key")
}

// isGraphicASCII reports whether s is printable ASCII, so that writing it
// to a terminal cannot move the cursor or hide text.
func isGraphicASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// FuzzNewRequestAlphabet: whatever strings a caller passes, an action
// outside AWS's alphabet is never allowed — NewRequest refuses it — and
// no input panics. The policy is Allow s3:* with a literal Deny of
// s3:DeleteObject (issue 15).
func FuzzNewRequestAlphabet(f *testing.F) {
	ps := allowAllDenyDelete(f)
	for _, s := range []string{"s3:DeleteObject", "s3:DeleteObject\u200b", "s3:DeleteObject\x00", "s3:DeleteObject\u212a", "S3:getobject", "s3:Get Object", ":", "s3:a_b-c"} {
		f.Add(s, "*", "aws:SourceIp", "v")
	}
	f.Add("s3:GetObject", "arn:aws:s3:::b/k\u200b", "k", "v")
	f.Fuzz(func(t *testing.T, action, resource, key, value string) {
		var ctx condition.Context
		if key != "" {
			c, err := condition.NewContext(map[string]condition.Value{key: condition.StringValue(value)})
			if err == nil {
				ctx = c
			}
		}
		r, err := NewRequest(RequestInput{Principal: alice, Action: action, Resource: resource, Context: ctx, Time: fixedTime})
		inAlphabet := actionInAlphabet(action)
		if err != nil {
			if strings.ContainsRune(err.Error(), utf8.RuneError) || !utf8.ValidString(err.Error()) {
				t.Fatalf("error carries raw bytes: %q", err.Error())
			}
			return
		}
		if !inAlphabet {
			t.Fatalf("NewRequest accepted action %q outside AWS's alphabet", action)
		}
		d := Evaluate(ps, r)
		if strings.EqualFold(action, "s3:DeleteObject") && d != ExplicitDeny {
			t.Fatalf("%q: the literal Deny must apply, got %s", action, d)
		}
	})
}

// actionInAlphabet is the test's own statement of AWS's action alphabet,
// written independently of policy.CheckRequestAction.
func actionInAlphabet(a string) bool {
	prefix, name, ok := strings.Cut(a, ":")
	if !ok || prefix == "" || name == "" {
		return false
	}
	for _, r := range prefix {
		if !(r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')) {
			return false
		}
	}
	for _, r := range name {
		if !(r < 0x80 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')) {
			return false
		}
	}
	return true
}

// TestCheckTextASCIIFastPath holds checkText's printable-ASCII shortcut
// to the rule it shortcuts: every ASCII character is refused exactly when
// it is a control (Cc) or format (Cf) character, alone and inside text.
func TestCheckTextASCIIFastPath(t *testing.T) {
	t.Parallel()
	for c := rune(0); c < utf8.RuneSelf; c++ {
		want := unicode.In(c, unicode.Cc, unicode.Cf)
		for _, s := range []string{string(c), "arn:aws:s3:::b/" + string(c) + "/k"} {
			assert.Equal(t, want, checkText("resource", s) != nil, "%+q", s)
		}
	}
	assert.Error(t, checkText("resource", "arn:aws:s3:::b/\u200b"), "non-ASCII text takes the full check")
	assert.NoError(t, checkText("resource", "arn:aws:s3:::b/caf\u00e9"))
}

// TestIsPlainASCIIWords holds the eight-bytes-at-a-time test of
// isPlainASCII to the byte-by-byte rule (0x20 to 0x7e): every byte value,
// at every offset of texts of 1 to 25 bytes (shorter than a word, whole
// words, and words with a last word that overlaps the one before it),
// next to bytes just inside the range (0x20, 0x7e) whose neighbours a
// carry or borrow could disturb.
func TestIsPlainASCIIWords(t *testing.T) {
	t.Parallel()
	for _, fill := range []byte{0x20, 0x7e, 'a'} {
		for n := 1; n <= 25; n++ {
			for pos := range n {
				for c := range 256 {
					b := make([]byte, n)
					for i := range b {
						b[i] = fill
					}
					b[pos] = byte(c)
					want := c >= 0x20 && c <= 0x7e
					if got := isPlainASCII(string(b)); got != want {
						t.Fatalf("isPlainASCII: byte 0x%02x at %d of %d among 0x%02x: %v", c, pos, n, fill, got)
					}
				}
			}
		}
	}
	assert.True(t, isPlainASCII(""))
}
