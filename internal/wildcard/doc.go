// Package wildcard matches IAM-style globs: '*' matches any run of
// characters (including none) and '?' matches exactly one character.
// Everything else is literal and comparison is case-sensitive.
//
// Matching never backtracks exponentially: the pattern is split at its
// stars, the first and last pieces are anchored, and every piece in
// between is found at its leftmost position (greedy leftmost matching is
// exact for star-only globs). Pieces without '?' are found with
// strings.Index, so the usual cost is linear in the input; a piece with
// '?' costs at most len(piece) per input position.
//
// Two pattern syntaxes exist. Plain patterns, as written in policies, have
// no escape character. Escaped patterns, produced per request by
// expanding policy variables (package variables), mark literal characters
// with a backslash: `\*` is a literal star. See [MatchEscaped].
//
// The package imports nothing of iameval's and is internal: its API may
// change with the packages that use it.
package wildcard
