package principal

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAWSIAMARN: the shortcut for arn:aws:iam::ACCOUNT:RESOURCE takes
// exactly the ARNs the general parser accepts with that head, with the
// same parts, and leaves every other ARN (other partitions, accounts that
// are not 12 digits, a region, another service) to the general parser,
// which words the problem. ARN format:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html;
// account IDs are 12 digits:
// https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html.
func TestAWSIAMARN(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		fast bool
		why  string
	}{
		{"arn:aws:iam::111122223333:user/alice", true, "the usual user ARN"},
		{"arn:aws:iam::111122223333:user/division/abc/carol", true, "a path"},
		{"arn:aws:iam::111122223333:role/a:b", true, "the resource keeps its colons"},
		{"arn:aws:iam::111122223333:", true, "an empty resource: parseEntity refuses it after"},
		{"arn:aws:iam::111122223333", false, "no resource part"},
		{"arn:aws:iam::11112222333:user/alice", false, "11 digits"},
		{"arn:aws:iam::1111222233334:user/alice", false, "13 digits"},
		{"arn:aws:iam::11112222333a:user/alice", false, "a letter in the account"},
		{"arn:aws:iam:us-east-1:111122223333:user/alice", false, "a region"},
		{"arn:aws-cn:iam::111122223333:user/alice", false, "another partition: the general path"},
		{"arn:aws:sts::111122223333:user/alice", false, "another service"},
		{"ARN:aws:iam::111122223333:user/alice", false, "the prefix is lower case"},
	}
	for _, tc := range tests {
		a, ok := awsIAMARN(tc.s)
		assert.Equal(t, tc.fast, ok, tc.why)
		if ok {
			want, p := parseARN(tc.s, "iam")
			assert.Empty(t, p, "%s: the general parser accepts it too", tc.why)
			assert.Equal(t, want, a, tc.why)
		}
	}
}

// TestTagKeyNamesCache: the cached context key of a tag key is the one
// computed afresh, whatever keys came before at the same position. Tag
// keys are case-insensitive in aws:PrincipalTag/K
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltag),
// so the context key is lower case.
func TestTagKeyNamesCache(t *testing.T) {
	t.Parallel()
	var c tagKeyNames
	users := [][]string{
		{"team"}, {"team"}, {"Team"}, {"team", "Project"}, {"project", "team"},
		{"cost-center"}, {"team", "Project"}, {"Team"},
	}
	for _, keys := range users {
		for i, k := range keys {
			want := (*tagKeyNames)(nil).principalTagKey(i, k)
			assert.Equal(t, want, c.principalTagKey(i, k), "tag %d %q", i, k)
			assert.Equal(t, "aws:principaltag/"+strings.ToLower(k), want)
		}
	}
}

// TestDigits12: the word-at-a-time check of an account ID's 12 digits
// (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html)
// agrees with the byte-by-byte rule for every byte value at every
// position, among digits of each value: a non-digit taken for one would
// let awsIAMARN accept an account the general parser refuses.
func TestDigits12(t *testing.T) {
	t.Parallel()
	for fill := byte('0'); fill <= '9'; fill++ {
		for pos := range 12 {
			for c := range 256 {
				b := []byte(strings.Repeat(string(fill), 12))
				b[pos] = byte(c)
				want := c >= '0' && c <= '9'
				if got := digits12(string(b)); got != want {
					t.Fatalf("digits12(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
	assert.True(t, digits12("111122223333"))
	assert.False(t, digits12("1111222233/3"), "'/' is just below '0'")
	assert.False(t, digits12("11112222333:"), "':' is just above '9'")
}
