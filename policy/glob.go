package policy

import (
	"strings"

	"github.com/iameval/iameval/internal/wildcard"
)

// glob is a compiled plain glob with fast paths for the shapes policies
// use most: a literal, "*", and a literal followed by one trailing "*".
type glob struct {
	kind globKind
	lit  string           // the literal, or the prefix before the trailing '*'
	pat  wildcard.Pattern // the pattern, for globGeneral
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
		return glob{kind: globLiteral, lit: s}
	case s == "*":
		return glob{kind: globAny}
	case i == len(s)-1 && s[i] == '*':
		return glob{kind: globPrefix, lit: s[:i]}
	}
	return glob{kind: globGeneral, lit: s[:i], pat: wildcard.Compile(s)}
}

// match reports whether s matches the whole glob.
func (g *glob) match(s string) bool {
	switch g.kind {
	case globLiteral:
		return s == g.lit
	case globAny:
		return true
	case globPrefix:
		return strings.HasPrefix(s, g.lit)
	}
	return strings.HasPrefix(s, g.lit) && g.pat.Match(s)
}

// isLiteral reports whether the glob has no wildcard.
func (g *glob) isLiteral() bool { return g.kind == globLiteral }
