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
}

// touch records that entry i was found or added.
func (r *recency) touch(i int) {
	r.now++
	r.used[i] = r.now
}

// stalest returns the entry to replace: an empty one, else the least
// recently touched.
func (r *recency) stalest() int {
	k := 0
	for i := 1; i < lastListSize; i++ {
		if r.used[i] < r.used[k] {
			k = i
		}
	}
	return k
}
