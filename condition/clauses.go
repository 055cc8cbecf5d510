package condition

import "github.com/iameval/iameval/variables"

// Clauses compiles clauses as [NewClause] does, carving their compiled
// forms from blocks it allocates a few at a time rather than one by one:
// a parser compiling the conditions of a policy uses one (policies that
// give each statement its own aws:SourceIp range compile a clause per
// statement). The clauses are immutable and safe for concurrent use, as
// any Clause; a block is kept as long as one of its clauses is. The zero
// Clauses is ready to use; it is not safe for concurrent use.
type Clauses struct {
	bodies  room[clause]             // clauses
	ips     room[clauseOf[ipPrefix]] // clauses of one IP value
	keyRoom room[clauseKey]          // the records of keys
	// keys are the last few condition keys compiled, as written, with
	// their record: a policy names the same few keys in clause after
	// clause (aws:SourceIp in each statement), whose clauses share it,
	// and comparing the text as written is cheaper than lowering it and
	// looking it up among the interned keys again.
	keys    [4]keyEntry
	lastKey int // the entry of keys written or found last
	ahead   int // how many more clauses may follow (see Expect)
}

// room is a block that items of one kind are carved from, how much of
// it is used, and how many items were carved in all. Carving advances
// the index rather than keeping the rest of the block, which would store
// a pointer (a write barrier while the collector marks) per item.
type room[T any] struct {
	block  []T
	used   int
	carved int
}

// full reports whether r has no room left.
func (r *room[T]) full() bool { return r.used == len(r.block) }

// take returns the next item of r, which is not full.
func (r *room[T]) take() *T {
	p := &r.block[r.used]
	r.used++
	r.carved++
	return p
}

// refill makes b the block of r.
func (r *room[T]) refill(b []T) { r.block, r.used = b, 0 }

// keyEntry is a key record and whether isMultivaluedGlobal holds for its
// key; a nil record marks an unused entry.
type keyEntry struct {
	k     *clauseKey
	multi bool
}

// key returns the record of key, made from c's blocks unless one of the
// last few keys was written the same, and whether isMultivaluedGlobal
// holds for it.
func (c *Clauses) key(key string) (*clauseKey, bool) {
	// The key of the last clause first: keys come in runs (each
	// statement's aws:SourceIp in turn).
	if e := c.keys[c.lastKey]; e.k != nil && e.k.key == key {
		return e.k, e.multi
	}
	for i := range c.keys {
		if e := c.keys[i]; e.k != nil && e.k.key == key {
			c.lastKey = i
			return e.k, e.multi
		}
	}
	if c.keyRoom.full() {
		// Growing by halves: clauses expected ahead mostly repeat keys.
		c.keyRoom.refill(make([]clauseKey, min(max(clauseBlockMin, c.keyRoom.carved/2), clauseBlockMax)))
	}
	k := c.keyRoom.take()
	multi := k.set(key)
	// The entry after the last one found or written; with a run of keys
	// found this may replace a key used more recently than the oldest,
	// which costs only one more normalization and a record more.
	c.lastKey = (c.lastKey + 1) % len(c.keys)
	c.keys[c.lastKey] = keyEntry{k, multi}
	return k, multi
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

// firstBlock is the first block of clauses of a Clauses with room for
// its first key records, which so take no allocation of their own.
type firstBlock[T any] struct {
	keys    [clauseBlockMin]clauseKey
	clauses [clauseBlockMin]T
}

// newBlock refills r, a room for clauses of c: the first block of c
// also holds the first key records.
func newBlock[T any](c *Clauses, r *room[T]) {
	if c.keyRoom.block == nil {
		b := new(firstBlock[T])
		c.keyRoom.refill(b.keys[:])
		r.refill(b.clauses[:])
		return
	}
	r.refill(make([]T, c.blockLen(r.carved)))
}

// body is newClauseBody, carved from c's blocks when c is not nil.
func (c *Clauses) body(key string, values []string) (*clause, bool) {
	if c == nil {
		return newClauseBody(key, values)
	}
	if c.bodies.full() {
		newBlock(c, &c.bodies)
	}
	b := c.bodies.take()
	var multi bool
	b.k, multi = c.key(key)
	setValues(b, values)
	return b, multi
}

// ipBody is newClauseBodyFor[ipPrefix], carving a clause of one value
// from c's blocks when c is not nil.
func (c *Clauses) ipBody(key string, values []string) (*clause, []ipPrefix, bool) {
	if c == nil || len(values) != 1 {
		return newClauseBodyFor[ipPrefix](key, values)
	}
	if c.ips.full() {
		newBlock(c, &c.ips)
	}
	b := c.ips.take()
	var multi bool
	b.k, multi = c.key(key)
	setValues(&b.clause, values)
	return &b.clause, b.data[:], multi
}
