package policy

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// TestLowerAction checks the cached lower-case parts: actions match
// ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
func TestLowerAction(t *testing.T) {
	for _, tc := range []struct {
		name, action, service, actionName string
	}{
		{"mixed case is lowered", "S3:GetObject", "s3", "getobject"},
		{"lower case is kept", "iam:passrole", "iam", "passrole"},
		{"digits and hyphens are kept", "Route53-Recovery:Get-X", "route53-recovery", "get-x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRequest(RequestInput{Action: tc.action, Resource: "*"})
			require.NoError(t, err)
			s, n := r.LowerAction()
			assert.Equal(t, tc.service, s)
			assert.Equal(t, tc.actionName, n)
			assert.Equal(t, tc.action, r.Action(), "the action as given is kept")
			var zero Request
			s, n = zero.LowerAction()
			assert.Empty(t, s+n, "the zero Request has no action")
		})
	}
}

// TestLowerActionCache: the remembered lower-case spellings are those of
// strings.ToLower, also for actions whose hashes share a slot and under
// concurrent use (run with -race).
func TestLowerActionCache(t *testing.T) {
	t.Parallel()
	actions := make([]string, 0, 2000)
	for i := range 2000 {
		actions = append(actions, fmt.Sprintf("S3:Get%dObject", i), fmt.Sprintf("s3:get%dobject", i))
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for i := range actions {
				a := actions[(i+g*97)%len(actions)]
				if got := lowerAction(a); got != strings.ToLower(a) {
					t.Errorf("lowerAction(%q) = %q", a, got)
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	a := "S3:GetObject"
	first := lowerAction(a)
	assert.Equal(t, unsafe.StringData(first), unsafe.StringData(lowerAction(a)), "a remembered action is not lowered again")
	assert.Equal(t, "s3:getobject", first)
}

// TestPrepareActionRemembered: an action met a second time (taken from
// the cache when spelled with upper-case letters) gets the fields a fresh
// check and lowering give, and an invalid action is refused every time:
// only checked actions are remembered. Actions match ignoring case
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
func TestPrepareActionRemembered(t *testing.T) {
	t.Parallel()
	// Actions of fewer than eight bytes are hashed whole (actionSlot).
	for _, a := range []string{"S3:GetObject", "Route53-Recovery:Get-X", "s3:getobject",
		"Ec2:DescribeInstancesWithAVeryLongNameThatDoesNotFitInline", "S3:Get", "s3:get", "A:B"} {
		var first, second prepared
		require.NoError(t, prepareAction(&first, a))
		require.NoError(t, prepareAction(&second, a))
		want := prepared{lower: strings.ToLower(a)}
		i := strings.IndexByte(a, ':')
		want.service, want.name = want.lower[:i], want.lower[i+1:]
		want.actionHash, want.serviceHash = actionHash(want.lower), actionHash(want.service)
		want.actionBit = actionBit(want.actionHash)
		want.text.set(want.lower, i)
		assert.Equal(t, want, first, "%s, first time", a)
		assert.Equal(t, want, second, "%s, second time", a)
	}
	for range 2 {
		assert.Error(t, prepareAction(&prepared{}, "S3:Get Object"), "a space is no action character")
		assert.Error(t, prepareAction(&prepared{}, "S3:G t"), "a space is no action character")
	}
}

// TestParserLower holds parser.lower, which lowers ASCII text into an
// arena, against strings.ToLower, and checks that the strings it
// returned earlier are not overwritten.
func TestParserLower(t *testing.T) {
	inputs := []string{"", "s3:getobject", "S3:GetObject", "s3:getObjecT", "X", "x", "s3:GetÖbject", "S3:getöbject",
		"s3:getöbject", "Ö", "ÖA", "AÖ", "İ", "K", strings.Repeat("Ab", 300)}
	doc, err := jsonsrc.Parse(`{"a": "`+strings.Repeat("x", 64)+`"}`, diag.Position{})
	require.NoError(t, err)
	p := &parser{doc: doc}
	var got, want []string
	for range 3 {
		for _, s := range inputs {
			got = append(got, p.lower(&strItem{s: s}))
			want = append(want, strings.ToLower(s))
		}
	}
	assert.Equal(t, want, got)
}

// TestParserLowerWords holds parser.lower against strings.ToLower for
// texts of every length up to a few words, with upper-case letters, the
// bytes next to them and non-ASCII bytes at every offset of a word.
func TestParserLowerWords(t *testing.T) {
	doc, err := jsonsrc.Parse(`{"a": "x"}`, diag.Position{})
	require.NoError(t, err)
	p := &parser{doc: doc}
	rng := rand.New(rand.NewPCG(9, 10))
	alphabet := []byte("AZaz@[`{:*09\x00\x7f\xc3\x96\xc1\xda")
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		assert.Equal(t, strings.ToLower(s), p.lower(&strItem{s: s}), "%q", s)
	}
}
