package iameval

import "strings"

// arnParts is a resource ARN split at its first five colons. The engine only
// needs the account, the region and the service of the request's resource;
// matching is done by package policy.
type arnParts struct {
	partition, service, region, account, resource string
}

// splitARN splits s ("arn:partition:service:region:account:resource") at its
// first five colons. The resource part may itself contain colons.
func splitARN(s string) (arnParts, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return arnParts{}, false
	}
	var seg [4]string
	for i := range seg {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return arnParts{}, false
		}
		seg[i], rest = rest[:j], rest[j+1:]
	}
	if seg[0] == "" || seg[1] == "" || rest == "" {
		return arnParts{}, false
	}
	return arnParts{partition: seg[0], service: seg[1], region: seg[2], account: seg[3], resource: rest}, true
}

// isRole reports whether a is an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/...).
func (a arnParts) isRole() bool {
	return a.service == "iam" && strings.HasPrefix(a.resource, "role/")
}
