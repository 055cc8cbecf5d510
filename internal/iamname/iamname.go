// Package iamname holds the character class of IAM and STS names,
// [\w+=,.@-]: user, role, role session and federated user names, source
// identities, and (with a few more characters) STS's ExternalId and
// SerialNumber (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html,
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
// Packages principal and sts share it.
package iamname

import "strings"

// IsChar reports whether c is in [\w+=,.@-]: an ASCII letter or digit or
// one of _+=,.@-.
func IsChar(c byte) bool {
	return class[c]
}

// class[c] says whether c is in [\w+=,.@-]: one table read per byte.
var class = func() (t [256]bool) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			t[c] = true
		default:
			t[c] = strings.IndexByte("_+=,.@-", byte(c)) >= 0
		}
	}
	return t
}()

// Chars reports whether every byte of s is in [\w+=,.@-] or in extra.
func Chars(s, extra string) bool {
	for i := range len(s) {
		if c := s[i]; !class[c] && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}
