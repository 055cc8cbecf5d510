package lint

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
)

// clauseHasher hashes the conditions of statements for groupStatements
// without making their signatures: a condition of 100,000 keys made
// 100,000 clause strings, their sorted slice and their join, 12 MB
// (issue 15).
type clauseHasher struct {
	seed  maphash.Seed
	h     maphash.Hash
	vals  []string // scratch: a clause's values
	lower []byte   // scratch: a key in lower case
}

// condition returns a hash of the statement's condition that is equal
// for two statements whose conditionSignature is equal: the sum of the
// hashes of its clauses, each hashed as the text conditionSignature makes
// of it, so that the order of the clauses does not matter and a repeated
// clause counts each time, as in the sorted list of clauses the
// signature joins. A statement without clauses hashes to 0.
func (x *clauseHasher) condition(doc *document, s *statement) uint64 {
	if !s.hasClause {
		return 0
	}
	x.h.SetSeed(x.seed)
	var sum uint64
	doc.clauses(s, func(cl clause) bool {
		x.h.Reset()
		x.h.WriteString(cl.op.text)
		x.h.WriteByte(0)
		x.writeLower(cl.key.text)
		x.h.WriteByte(0)
		x.vals = valueTexts(doc.src, cl.values, x.vals[:0])
		slices.Sort(x.vals)
		for i, v := range x.vals {
			if i > 0 {
				x.h.WriteByte(0)
			}
			x.h.WriteString(v)
		}
		sum += x.h.Sum64()
		return true
	})
	clear(x.vals)
	return sum
}

// writeLower hashes strings.ToLower(s), without making it when s is
// ASCII.
func (x *clauseHasher) writeLower(s string) {
	x.lower = x.lower[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			x.h.WriteString(strings.ToLower(s))
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.lower = append(x.lower, c)
	}
	x.h.Write(x.lower)
}
