package principal

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iameval/iameval/internal/iamname"
)

// The checks below return "" when the value is valid and a message
// otherwise; callers wrap the message with the kind and field.

// accountProblem checks an AWS account ID: exactly 12 decimal digits
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
func accountProblem(a string) string {
	if len(a) != 12 {
		return fmt.Sprintf("account %q is not 12 digits", a)
	}
	for i := range len(a) {
		if a[i] < '0' || a[i] > '9' {
			return fmt.Sprintf("account %q is not 12 digits", a)
		}
	}
	return ""
}

// partitionProblem checks a partition name generically: "aws" or "aws-"
// followed by lower-case words joined by hyphens (aws-cn, aws-us-gov,
// aws-iso-b, ...).
func partitionProblem(p string) string {
	if p == "aws" {
		return ""
	}
	rest, ok := strings.CutPrefix(p, "aws-")
	if !ok || rest == "" {
		return fmt.Sprintf("partition %q is not aws, aws-cn, aws-us-gov or another aws-* partition", p)
	}
	for word := range strings.SplitSeq(rest, "-") {
		if word == "" {
			return fmt.Sprintf("partition %q is not aws, aws-cn, aws-us-gov or another aws-* partition", p)
		}
		for i := range len(word) {
			if c := word[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				return fmt.Sprintf("partition %q is not aws, aws-cn, aws-us-gov or another aws-* partition", p)
			}
		}
	}
	return ""
}

// nameProblem checks a name of what (e.g. "role session name") against
// [\w+=,.@-]{minLen,maxLen} (IAM and STS API references). With what "",
// the message names only the value: the error's field, or the STS
// parameter it is reported as, names the fact.
func nameProblem(what, s string, minLen, maxLen int) string {
	if len(s) >= minLen && len(s) <= maxLen && iamname.Chars(s, "") {
		return ""
	}
	if what != "" {
		what += " "
	}
	switch {
	case len(s) >= minLen && len(s) <= maxLen:
		return fmt.Sprintf("%s%q may contain only letters, digits and _+=,.@-", what, s)
	case minLen == maxLen:
		return fmt.Sprintf("%s%q must have %d characters", what, s, minLen)
	}
	return fmt.Sprintf("%s%q must have %d to %d characters", what, s, minLen, maxLen)
}

// pathProblem checks an IAM path: "/" or "/.../", printable ASCII, at most
// 512 characters (IAM API reference, Path).
func pathProblem(p string) string {
	if len(p) > 512 {
		return fmt.Sprintf("path %q is longer than 512 characters", p)
	}
	if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") {
		return fmt.Sprintf("path %q must begin and end with /", p)
	}
	if p == "//" {
		return `path "//" has an empty segment`
	}
	for i := range len(p) {
		if p[i] < 0x21 || p[i] > 0x7e {
			return fmt.Sprintf("path %q may contain only printable ASCII characters", p)
		}
	}
	return ""
}

// uniqueIDProblem checks a unique ID of the given prefix (AIDA for users,
// AROA for roles; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html): the prefix followed by
// upper-case letters and digits.
func uniqueIDProblem(id, prefix string) string {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok || rest == "" || len(id) > 128 {
		return fmt.Sprintf("unique ID %q must be %s followed by upper-case letters and digits", id, prefix)
	}
	for i := range len(rest) {
		if c := rest[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return fmt.Sprintf("unique ID %q must be %s followed by upper-case letters and digits", id, prefix)
		}
	}
	return ""
}

// isTagChar reports whether r may appear in a tag key or value:
// [\p{L}\p{Z}\p{N}_.:/=+\-@] (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html, STS Tag data type).
func isTagChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Z) || unicode.IsNumber(r) ||
		strings.ContainsRune("_.:/=+-@", r)
}

// tagProblem checks one tag: key 1 to 128 characters, value at most 256,
// allowed characters only, no aws: prefix (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
func tagProblem(k, v string) string {
	if !utf8.ValidString(k) || !utf8.ValidString(v) {
		return fmt.Sprintf("tag %q is not valid UTF-8", k)
	}
	if n := utf8.RuneCountInString(k); n < 1 || n > 128 {
		return fmt.Sprintf("tag key %q must have 1 to 128 characters", k)
	}
	if utf8.RuneCountInString(v) > 256 {
		return fmt.Sprintf("value of tag %q is longer than 256 characters", k)
	}
	if len(k) >= 4 && strings.EqualFold(k[:4], "aws:") {
		return fmt.Sprintf("tag key %q uses the reserved prefix aws:", k)
	}
	for _, r := range k {
		if !isTagChar(r) {
			return fmt.Sprintf("tag key %q may contain only letters, digits, spaces and _.:/=+-@", k)
		}
	}
	for _, r := range v {
		if !isTagChar(r) {
			return fmt.Sprintf("value %q of tag %q may contain only letters, digits, spaces and _.:/=+-@", v, k)
		}
	}
	return ""
}

// MaxTags is the most tags an IAM user or role, or a session, has: IAM
// attaches at most 50 to a user or role
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
// and STS passes at most 50 session tags
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// The constructors refuse more.
const MaxTags = 50

// maxTags is MaxTags. A principal of 100,000 tags cost 46 times its text
// (issue 15).
const maxTags = MaxTags

// TagCountProblem returns the problem of n tags, the one the constructors
// report, or "" when n is at most MaxTags: a reader of tags can refuse
// too many before it builds their map.
func TagCountProblem(n int) string {
	if n <= maxTags {
		return ""
	}
	return tooManyTags(n)
}

// tooManyTags is the problem of n tags, more than maxTags.
func tooManyTags(n int) string {
	return fmt.Sprintf("%d tags: AWS allows at most %d", n, maxTags)
}

// tagsProblem checks every tag of m and that no two keys are equal
// ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html: keys are unique ignoring case), and that
// there are at most maxTags. It reports the first problem in key order.
func tagsProblem(m map[string]string) string {
	if len(m) > maxTags {
		return tooManyTags(len(m))
	}
	if len(m) == 1 { // the usual case: no key order or case clash to find
		for k, v := range m {
			return tagProblem(k, v)
		}
	}
	seen := make(map[string]string, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if p := tagProblem(k, m[k]); p != "" {
			return p
		}
		lk := strings.ToLower(k)
		if prev, ok := seen[lk]; ok {
			return fmt.Sprintf("tag keys %q and %q differ only in case", prev, k)
		}
		seen[lk] = k
	}
	return ""
}
