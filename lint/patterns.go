package lint

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// actionCovers is [covers] for lower-case Action entries, matched as
// package policy matches actions
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html): "*" covers
// everything, otherwise the service prefixes must be equal and the name
// of a must cover the name of b.
func actionCovers(a, b string) bool {
	if a == "*" {
		return true
	}
	sa, na, ok := strings.Cut(a, ":")
	if !ok {
		return a == b
	}
	sb, nb, ok := strings.Cut(b, ":")
	return ok && sa == sb && covers(na, nb)
}

// covers reports whether every string the glob b matches is matched by
// the glob a. It is exact when b has no wildcard; otherwise it holds when
// a, reading b's wildcards as plain characters, matches b's text and a
// has no "?" (a "?" of a could stand for a "*" of b, which matches more
// than one character). It never claims coverage that does not hold.
func covers(a, b string) bool {
	if a == "*" {
		return true
	}
	if strings.ContainsAny(b, "*?") && strings.Contains(a, "?") {
		return false
	}
	return wildcard.Match(a, b)
}

// hasWildcard reports whether s has "*" or "?".
func hasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }
