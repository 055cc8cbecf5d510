package condition

import (
	"net/netip"

	"github.com/iameval/iameval/variables"
)

// Clauses compiles clauses as [NewClause] does, carving their compiled
// forms from blocks it allocates a few at a time rather than one by one:
// a parser compiling the conditions of a policy uses one (policies that
// give each statement its own aws:SourceIp range compile a clause per
// statement). The clauses are immutable and safe for concurrent use, as
// any Clause; a block is kept as long as one of its clauses is. The zero
// Clauses is ready to use; it is not safe for concurrent use.
type Clauses struct {
	bodies   []clause                 // the unused rest of the current block
	ips      []clauseOf[netip.Prefix] // likewise, for clauses of one IP value
	nb, nips int                      // the clauses carved from each kind of block so far
	// keys are the last few condition keys compiled, as written, with
	// their normalized form and hash: a policy names the same few keys
	// in clause after clause (aws:SourceIp in each statement), and
	// comparing the text as written is cheaper than lowering it and
	// looking it up among the interned keys again.
	keys    [4]spelledNorm
	lastKey int // the entry of keys written or found last
	ahead   int // how many more clauses may follow (see Expect)
}

// spelledNorm is a condition key as written, its normalized form,
// hashKey of that and whether isMultivaluedGlobal holds for it; a zero
// hash marks an unused entry (hashKey is never zero).
type spelledNorm struct {
	key, nkey string
	hash      uint64
	multi     bool
}

// normalize returns normalizeKey(key), its hashKey and
// isMultivaluedGlobal of it, remembered from an earlier call with the
// same text when c is not nil: a repeated key is not looked up again.
func (c *Clauses) normalize(key string) (string, uint64, bool) {
	if c == nil {
		nkey := normalizeKey(key)
		return nkey, hashKey(nkey), isMultivaluedGlobal(nkey)
	}
	// The key of the last clause first: keys come in runs (each
	// statement's aws:SourceIp in turn).
	if k := &c.keys[c.lastKey]; k.hash != 0 && k.key == key {
		return k.nkey, k.hash, k.multi
	}
	for i := range c.keys {
		if k := &c.keys[i]; k.hash != 0 && k.key == key {
			c.lastKey = i
			return k.nkey, k.hash, k.multi
		}
	}
	nkey := normalizeKey(key)
	h := hashKey(nkey)
	multi := isMultivaluedGlobal(nkey)
	// The entry after the last one found or written; with a run of keys
	// found this may replace a key used more recently than the oldest,
	// which costs only one more normalization.
	c.lastKey = (c.lastKey + 1) % len(c.keys)
	c.keys[c.lastKey] = spelledNorm{key, nkey, h, multi}
	return nkey, h, multi
}

// New is [NewClause], carving the clause from c's blocks; a nil c
// allocates it on its own, as NewClause does.
func (c *Clauses) New(op Operator, key string, values []string, mode variables.Mode) (Clause, []error) {
	return newClause(c, op, key, values, mode)
}

// Expect tells c that about n more clauses may follow: a parser passes
// the statements left in the policy, as policies that give each
// statement its own aws:SourceIp range compile a clause of one kind per
// statement. A kind of clause that has filled its first block then gets
// a next one with room for them (see blockLen), rather than a few
// blocks growing by halves.
func (c *Clauses) Expect(n int) { c.ahead = n }

// The first block of each kind has room for clauseBlockMin clauses, the
// next ones for half the clauses carved so far or the clauses expected
// ahead, whichever is more, up to clauseBlockMax: a policy takes a few
// blocks, and a condition of 20,000 keys leaves at most clauseBlockMax
// clauses of room unused (issue 15).
const (
	clauseBlockMin = 4
	clauseBlockMax = 64
)

// blockLen is the room of the next block of a kind after carved clauses
// of it.
func (c *Clauses) blockLen(carved int) int {
	n := max(clauseBlockMin, carved/2)
	if carved > 0 {
		n = max(n, c.ahead)
	}
	return min(n, clauseBlockMax)
}

// body is newClauseBody, carved from c's blocks when c is not nil.
func (c *Clauses) body(values []string) *clause {
	if c == nil {
		return newClauseBody(values)
	}
	if len(c.bodies) == 0 {
		c.bodies = make([]clause, c.blockLen(c.nb))
	}
	b := &c.bodies[0]
	c.bodies = c.bodies[1:]
	c.nb++
	setValues(b, values)
	return b
}

// ipBody is newClauseBodyFor[netip.Prefix], carving a clause of one value
// from c's blocks when c is not nil.
func (c *Clauses) ipBody(values []string) (*clause, []netip.Prefix) {
	if c == nil || len(values) != 1 {
		return newClauseBodyFor[netip.Prefix](values)
	}
	if len(c.ips) == 0 {
		c.ips = make([]clauseOf[netip.Prefix], c.blockLen(c.nips))
	}
	b := &c.ips[0]
	c.ips = c.ips[1:]
	c.nips++
	setValues(&b.clause, values)
	return &b.clause, b.data[:]
}
