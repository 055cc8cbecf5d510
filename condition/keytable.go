package condition

import "hash/maphash"

// keySeed seeds the hashes of context keys. It is chosen once per process:
// hashes are never stored outside it, and a random seed keeps request keys
// chosen to collide from slowing lookups down.
var keySeed = maphash.MakeSeed()

// hashKey returns the hash of a normalized context key as the key table
// stores it: never zero, since zero marks an empty slot.
func hashKey(key string) uint64 {
	return maphash.String(keySeed, key) | 1
}

// tableEntry is one key of a Context and its value.
type tableEntry struct {
	hash uint64 // hashKey(key); 0 in an empty slot
	key  string // normalized
	val  Value
}

// keyTable is the immutable storage of a Context: an open-addressing hash
// table with linear probing whose entries sit in the slots themselves, so
// that a lookup usually reads one or two cache lines, plus the slots in key
// order for Keys and Each. It is never written after newKeyTable returns.
type keyTable struct {
	slots []tableEntry // len is a power of two, at most 3/4 full
	mask  uint64       // len(slots) - 1
	order []int32      // indexes into slots, sorted by key
}

// newKeyTable builds the table of the keys all[i] for i in order, which
// lists distinct keys in key order.
func newKeyTable(all []spelledKey, order []int32) *keyTable {
	n := tableSize(len(order))
	t := allocKeyTable(n)
	t.mask = uint64(n - 1)
	if t.order == nil {
		t.order = make([]int32, 0, len(order))
	}
	t.fill(all, order)
	return t
}

// fillKeyTable is newKeyTable into t, reusing its storage when it is large
// enough; t may be nil.
func fillKeyTable(t *keyTable, all []spelledKey, order []int32) *keyTable {
	n := tableSize(len(order))
	if t == nil || cap(t.slots) < n || cap(t.order) < len(order) {
		return newKeyTable(all, order)
	}
	t.slots = t.slots[:n]
	clear(t.slots)
	t.mask = uint64(n - 1)
	t.order = t.order[:0]
	t.fill(all, order)
	return t
}

// tableSize returns the number of slots for n keys: a power of two, at
// most 3/4 full.
func tableSize(n int) int {
	size := 4
	for size*3 < n*4 {
		size *= 2
	}
	return size
}

// fill enters the keys all[i] for i in order into the empty table t.
func (t *keyTable) fill(all []spelledKey, order []int32) {
	for _, k := range order {
		e := tableEntry{hash: hashKey(all[k].norm), key: all[k].norm, val: all[k].val}
		j := e.hash & t.mask
		for t.slots[j].hash != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = e
		t.order = append(t.order, int32(j))
	}
}

// Tables of the usual sizes are allocated with their slots (and their
// order, which is shorter than the slots) in one block,
// so that a lookup does not read two separately allocated objects (two
// cache misses when many requests are in flight).
type (
	keyTable4 struct {
		t     keyTable
		buf   [4]tableEntry
		order [4]int32
	}
	keyTable8 struct {
		t     keyTable
		buf   [8]tableEntry
		order [8]int32
	}
	keyTable16 struct {
		t     keyTable
		buf   [16]tableEntry
		order [16]int32
	}
	keyTable32 struct {
		t     keyTable
		buf   [32]tableEntry
		order [32]int32
	}
)

// allocKeyTable returns an empty table with n slots.
func allocKeyTable(n int) *keyTable {
	switch n {
	case 4:
		b := &keyTable4{}
		b.t.slots = b.buf[:]
		b.t.order = b.order[:0]
		return &b.t
	case 8:
		b := &keyTable8{}
		b.t.slots = b.buf[:]
		b.t.order = b.order[:0]
		return &b.t
	case 16:
		b := &keyTable16{}
		b.t.slots = b.buf[:]
		b.t.order = b.order[:0]
		return &b.t
	case 32:
		b := &keyTable32{}
		b.t.slots = b.buf[:]
		b.t.order = b.order[:0]
		return &b.t
	}
	return &keyTable{slots: make([]tableEntry, n)}
}

// lookup returns the value of the normalized key whose hashKey is h.
func (t *keyTable) lookup(key string, h uint64) (Value, bool) {
	if v := t.lookupPtr(key, h); v != nil {
		return *v, true
	}
	return Value{}, false
}

// lookupPtr returns a pointer to the value of the normalized key whose
// hashKey is h, or nil when the key is absent. The table is at most 3/4
// full, so the probe always reaches an empty slot.
func (t *keyTable) lookupPtr(key string, h uint64) *Value {
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		e := &t.slots[j]
		if e.hash == h && e.key == key {
			return &e.val
		}
		if e.hash == 0 {
			return nil
		}
	}
}
