// Package arn splits Amazon Resource Names into their six components.
//
// An ARN is "arn:partition:service:region:account:resource"; the resource
// part may itself contain colons, so only the first five colons separate
// components (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). The package imports nothing of
// iameval's and is internal.
package arn

// ARN holds the components of an ARN after the leading "arn".
type ARN struct {
	Partition string
	Service   string
	Region    string
	Account   string
	Resource  string
}

// Split splits s at its first five colons. It reports false when s has
// fewer than five colons. It does not check that the first part is "arn",
// so that patterns such as "arn:*" and "*:*" can be split too.
func Split(s string) (parts [6]string, ok bool) {
	// One pass over the bytes: the first five parts are short, where a
	// plain loop beats five calls to strings.IndexByte.
	n, start := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			parts[n], start = s[start:i], i+1
			if n++; n == 5 {
				parts[5] = s[start:]
				return parts, true
			}
		}
	}
	return [6]string{}, false
}

// Parse parses s as an ARN. It reports false unless s starts with "arn:"
// and has all six components.
func Parse(s string) (ARN, bool) {
	p, ok := Split(s)
	if !ok || p[0] != "arn" {
		return ARN{}, false
	}
	return ARN{Partition: p[1], Service: p[2], Region: p[3], Account: p[4], Resource: p[5]}, true
}

// String formats the ARN back into its text form.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// IsAccountID reports whether s is a 12-digit AWS account ID.
func IsAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
