package principal

import (
	"maps"
	"slices"
	"strings"
)

// overlay merges tag sets: a tag of a later set replaces a tag of an earlier
// one whose key is equal ignoring case, and the later key's spelling is kept
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html). Each set must have keys unique ignoring
// case. The result is nil when there are no tags.
func overlay(sets ...map[string]string) map[string]string {
	n := 0
	for _, s := range sets {
		n += len(s)
	}
	if n == 0 {
		return nil
	}
	out := make(map[string]string, n)
	spelled := make(map[string]string, n) // lower-case key -> key in out
	for _, s := range sets {
		for _, k := range slices.Sorted(maps.Keys(s)) {
			lk := strings.ToLower(k)
			if prev, ok := spelled[lk]; ok {
				delete(out, prev)
			}
			spelled[lk] = k
			out[k] = s[k]
		}
	}
	return out
}
