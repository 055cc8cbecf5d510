// Package tagkey compares tag keys as AWS does: ignoring case. A principal
// cannot have two tags whose keys differ only in case, and a session tag,
// an inherited transitive tag and a role tag with keys equal ignoring case
// are the same tag
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
// Packages principal and sts share it.
package tagkey

import "strings"

// Lookup returns the key of tags equal to k ignoring case, preferring the
// exact spelling, and whether there is one.
func Lookup(tags map[string]string, k string) (string, bool) {
	if _, ok := tags[k]; ok {
		return k, true
	}
	for key := range tags {
		if strings.EqualFold(key, k) {
			return key, true
		}
	}
	return "", false
}
