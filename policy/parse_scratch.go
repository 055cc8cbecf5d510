package policy

import (
	"hash/maphash"
	"sync"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// parseScratch is the storage of a parser's operator and clause caches
// (opNames, clauses and their index and table), which no Policy keeps: Parse
// takes one from scratchPool and hands it back, emptied, when done, so
// that parsing document after document does not allocate and clear the
// caches each time.
type parseScratch struct {
	opNames     []opName
	clauses     []cachedClause
	opIndex     map[string]int // empty, or nil
	clauseTable []int32        // zeros, or nil
	clauseSeed  maphash.Seed   // the seed clauseTable was last filled with
	seeded      bool           // clauseSeed is set
	// keys walks a block of condition keys that blockKeys hands over.
	keys jsonsrc.FreeIter
}

// scratchPool holds *parseScratch values.
var scratchPool sync.Pool

// maxPooledEntries bounds the caches kept for reuse: the caches of a
// hostile policy (thousands of distinct operators or clauses) are left to
// the collector rather than held by the pool.
const maxPooledEntries = 64

// takeScratch gives p the storage of a pooled parseScratch, or of a new
// one.
func (p *parser) takeScratch() {
	sc, _ := scratchPool.Get().(*parseScratch)
	if sc == nil {
		sc = &parseScratch{}
	}
	p.scratch = sc
	p.opNames, p.clauses = sc.opNames, sc.clauses
}

// newOpIndex returns an empty map for opIndex, the pooled one if any.
func (p *parser) newOpIndex(n int) map[string]int {
	if m := p.scratch.opIndex; m != nil {
		p.scratch.opIndex = nil
		return m
	}
	return make(map[string]int, n)
}

// newClauseTable returns an empty clauseTable, the pooled one if any,
// and sets clauseSeed.
func (p *parser) newClauseTable() []int32 {
	sc := p.scratch
	if !sc.seeded {
		sc.clauseSeed, sc.seeded = maphash.MakeSeed(), true
	}
	p.clauseSeed = sc.clauseSeed
	if t := sc.clauseTable; t != nil {
		sc.clauseTable = nil
		return t
	}
	return make([]int32, minClauseTable)
}

// releaseScratch empties the parser's caches, which hold clauses and
// texts of the document, and hands their storage back to scratchPool.
func (p *parser) releaseScratch() {
	sc := p.scratch
	if sc == nil {
		return
	}
	p.scratch = nil
	if cap(p.opNames) <= maxPooledEntries {
		clear(p.opNames)
		sc.opNames = p.opNames[:0]
	} else {
		sc.opNames = nil
	}
	if cap(p.clauses) <= maxPooledEntries {
		clear(p.clauses)
		sc.clauses = p.clauses[:0]
	} else {
		sc.clauses = nil
	}
	if m := p.opIndex; m != nil && len(m) <= maxPooledEntries {
		clear(m)
		sc.opIndex = m
	}
	if t := p.clauseTable; t != nil && len(t) <= 2*maxPooledEntries {
		clear(t)
		sc.clauseTable = t
	}
	p.opNames, p.clauses, p.opIndex, p.clauseTable = nil, nil, nil, nil
	sc.keys.Clear() // it may hold keys of the document
	scratchPool.Put(sc)
}
