package condition

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// keySeed seeds the hashes of context keys. It is chosen once per process:
// hashes are never stored outside it, and a random seed keeps request keys
// chosen to collide from slowing lookups down.
var keySeed = maphash.MakeSeed()

// hashKey returns the hash of a normalized context key as the key table
// stores it: never zero, since zero marks an empty slot.
func hashKey(key string) uint64 {
	if h, ok := internedHash(key); ok {
		return h
	}
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
//
// A large table (see denseKeys) is dense instead: slots holds exactly its
// keys, with no empty slot, and index is the open-addressing table, each
// slot of which holds one plus the position of a key in slots (0 when
// empty). A key then costs its entry and a few bytes of index, rather
// than up to 8/3 entries of empty slots (issue 15: a request context of
// 1,000,000 keys).
type keyTable struct {
	slots []tableEntry // len is a power of two, at most 3/4 full; dense: the keys
	order []int32      // indexes into slots, sorted by key (see sorted)
	// index is, for a dense table only, the open-addressing index: its
	// len is a power of two, at most 1/2 full. A pointer, and mask and
	// count of 32 bits, keep the inline tables of requests (keyTable4 ...)
	// in the size classes they had before dense tables.
	index *[]int32
	mask  uint32 // len(slots) - 1; dense: len(*index) - 1
	count int32  // keys in the table

	// A table built by Builder.Borrow sorts order on first use (lazy),
	// since most requests never list their keys; orderMu and orderReady
	// make that first use safe from several goroutines.
	lazy       bool
	orderReady atomic.Bool
	orderMu    sync.Mutex
}

// sorted returns order, the slots in key order.
func (t *keyTable) sorted() []int32 {
	if !t.lazy || t.orderReady.Load() {
		return t.order
	}
	t.orderMu.Lock()
	defer t.orderMu.Unlock()
	if !t.orderReady.Load() {
		t.order = slices.Grow(t.order[:0], int(t.count))
		for j := range t.slots {
			if t.slots[j].hash != 0 {
				t.order = append(t.order, int32(j))
			}
		}
		slices.SortFunc(t.order, func(x, y int32) int { return strings.Compare(t.slots[x].key, t.slots[y].key) })
		t.orderReady.Store(true)
	}
	return t.order
}

// newKeyTable builds the table of the keys all[i] for i in order, which
// lists distinct keys in key order.
func newKeyTable(all []spelledKey, order []int32) *keyTable {
	n := tableSize(len(order))
	t := allocKeyTable(n)
	t.mask = uint32(n - 1)
	if t.order == nil {
		t.order = make([]int32, 0, len(order))
	}
	t.fill(all, order)
	t.count = int32(len(order))
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
		h := all[k].hash
		if h == 0 {
			h = hashKey(all[k].norm)
		}
		e := tableEntry{hash: h, key: all[k].norm, val: all[k].val}
		j := e.hash & uint64(t.mask)
		for t.slots[j].hash != 0 {
			j = (j + 1) & uint64(t.mask)
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
	return &keyTable{slots: make([]tableEntry, n), order: make([]int32, 0, n)}
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
	if t.index != nil {
		return t.lookupDense(key, h)
	}
	for j := h & uint64(t.mask); ; j = (j + 1) & uint64(t.mask) {
		e := &t.slots[j]
		if e.hash == h && e.key == key {
			return &e.val
		}
		if e.hash == 0 {
			return nil
		}
	}
}

// dropAbsent removes from t the keys without a value: deleted (state has
// no slotPresent) or an empty list. The keys kept are entered again, since
// linear probing cannot leave holes; spill is scratch storage.
func (t *keyTable) dropAbsent(state []uint8, spill *[]tableEntry) {
	kept := (*spill)[:0]
	for j := range t.slots {
		e := &t.slots[j]
		if e.hash != 0 && state[j]&slotPresent != 0 && !e.val.absent() {
			kept = append(kept, *e)
		}
	}
	clear(t.slots)
	for _, e := range kept {
		j := e.hash & uint64(t.mask)
		for t.slots[j].hash != 0 {
			j = (j + 1) & uint64(t.mask)
		}
		t.slots[j] = e
	}
	clear(kept)
	*spill = kept[:0]
}
