package policy

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// glob is a compiled plain glob with fast paths for the shapes policies
// use most: a literal, "*", and a literal followed by one trailing "*".
type glob struct {
	pat  string            // the pattern as written
	n    int32             // length of the literal prefix: the text before the first wildcard
	kind globKind          // the shape of the pattern
	w    *wildcard.Pattern // globGeneral: the compiled pattern
}

// globKind is the shape of a glob.
type globKind uint8

const (
	globLiteral globKind = iota // no wildcard: compare
	globAny                     // "*": everything
	globPrefix                  // "abc*": a prefix test
	globGeneral                 // anything else: internal/wildcard
)

// compileGlob compiles the plain glob s.
func compileGlob(s string) glob {
	i := strings.IndexAny(s, "*?")
	switch {
	case i < 0:
		return glob{pat: s, n: int32(len(s)), kind: globLiteral}
	case s == "*":
		return glob{pat: s, kind: globAny}
	case i == len(s)-1 && s[i] == '*':
		return glob{pat: s, n: int32(i), kind: globPrefix}
	}
	w := wildcard.Compile(s)
	return glob{pat: s, n: int32(i), kind: globGeneral, w: &w}
}

// match reports whether s matches the whole glob.
func (g *glob) match(s string) bool {
	switch g.kind {
	case globLiteral:
		return s == g.pat
	case globAny:
		return true
	case globPrefix:
		return strings.HasPrefix(s, g.pat[:g.n])
	}
	return strings.HasPrefix(s, g.pat[:g.n]) && g.w.Match(s)
}

// isLiteral reports whether the glob has no wildcard.
func (g *glob) isLiteral() bool { return g.kind == globLiteral }
