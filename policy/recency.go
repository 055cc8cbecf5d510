package policy

// recency chooses which of the lastListSize entries of a lastList or
// lastBlocks a new one replaces: the least recently found or added. An
// element repeated in statement after statement, such as a Bool block on
// aws:SecureTransport next to an IpAddress block that changes with each
// statement, then stays remembered, where replacing the oldest entry
// dropped it every lastListSize statements.
type recency struct {
	used [lastListSize]int // when each entry was last found or added; 0 for an empty one
	now  int
	last int // the entry found or added last (0 before any)
}

// The lookups below are written out for exactly four entries.
const _, _ = uint(lastListSize - 4), uint(4 - lastListSize)

// touch records that entry i was found or added.
func (r *recency) touch(i int) {
	r.now++
	r.used[i] = r.now
	r.last = i
}

// stalest returns the entry to replace: an empty one, else the least
// recently touched (the first such). Written out as two pairs compared
// with conditional moves: a loop comparing the ever-changing ages
// mispredicted about twice per call in cachegrind's branch simulation.
func (r *recency) stalest() int {
	u := &r.used
	i, a := 0, u[0]
	if u[1] < a {
		i, a = 1, u[1]
	}
	j, b := 2, u[2]
	if u[3] < b {
		j, b = 3, u[3]
	}
	if b < a {
		i = j
	}
	return i
}

// matches returns the set of the entries i (bit i) whose key k[i] is
// key: the comparisons, without branches, that pick the few entries
// worth comparing in full, so that a lookup takes one branch on whether
// any is left rather than one per entry.
func matches[K int | uint64](k *[lastListSize]K, key K) uint {
	return b2u(k[0] == key) | b2u(k[1] == key)<<1 | b2u(k[2] == key)<<2 | b2u(k[3] == key)<<3
}

// b2u is 1 for true, else 0, which the compiler sets without a branch.
func b2u(b bool) uint {
	if b {
		return 1
	}
	return 0
}
