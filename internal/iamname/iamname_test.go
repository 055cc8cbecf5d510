package iamname

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestChars holds the class [\w+=,.@-] of the IAM and STS API references
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html:
// RoleSessionName, SourceIdentity), with the extra characters ExternalId
// (":/") and SerialNumber ("/:") add.
func TestChars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, extra string
		want     bool
		why      string
	}{
		{"alice_B-2+=,.@", "", true, "letters, digits and _+=,.@-"},
		{"", "", true, "the empty string has no bad character (lengths are checked elsewhere)"},
		{"a b", "", false, "space is outside the class"},
		{"aws:x", "", false, "the colon is outside the class, so aws: cannot begin a name"},
		{"arn:aws:iam::1:mfa/x", ":/", true, "SerialNumber adds / and :"},
		{"é", "", false, "only ASCII letters"},
		{"a*", "", false, "no wildcard"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Chars(tc.s, tc.extra), tc.why)
	}
}
