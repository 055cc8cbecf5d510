package condition

import "slices"

// denseKeys is the number of operations above which [Builder.Context]
// builds a dense table (see keyTable) in one pass over a hash index,
// rather than sorting the operations: linear in the keys, and about 80
// bytes a key instead of up to 200. The contexts of requests, a few dozen
// keys, stay below it and keep their inline tables.
const denseKeys = 64

// lookupDense is lookupPtr for a dense table.
func (t *keyTable) lookupDense(key string, h uint64) *Value {
	index, mask := *t.index, uint64(t.mask)
	for j := h & mask; ; j = (j + 1) & mask {
		i := index[j]
		if i == 0 {
			return nil
		}
		if e := &t.slots[i-1]; e.hash == h && e.key == key {
			return &e.val
		}
	}
}

// indexSize returns the number of index slots for n keys: a power of two,
// at most half full.
func indexSize(n int) int {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return size
}

// denseContext is [Builder.Context] for many operations: it applies them
// in order to a dense table, finding each key through the table's index,
// and drops the keys left without a value. Keys added twice make it fail
// as resolve words it.
func (b *Builder) denseContext() (Context, error) {
	t := &keyTable{slots: make([]tableEntry, 0, len(b.keys)), lazy: true}
	index := make([]int32, indexSize(len(b.keys)))
	t.index = &index
	t.mask = uint32(len(index) - 1)
	mask := uint64(t.mask)
	state := make([]uint8, 0, len(b.keys)) // per entry: slotPresent, slotAdded
	dup, drop := false, false
	for i := range b.keys {
		k := &b.keys[i]
		if k.hash == 0 {
			k.hash = hashKey(k.norm)
		}
		j := k.hash & mask
		for ; index[j] != 0; j = (j + 1) & mask {
			if e := &t.slots[index[j]-1]; e.hash == k.hash && e.key == k.norm {
				break
			}
		}
		at := int(index[j]) - 1
		if at < 0 {
			if k.kind == opDelete {
				continue // nothing to delete
			}
			at = len(t.slots)
			t.slots = append(t.slots, tableEntry{hash: k.hash, key: k.norm})
			state = append(state, 0)
			index[j] = int32(at + 1)
		}
		added, set := applyOp(&state[at], k.kind)
		dup = dup || added
		if !set {
			drop = true
			continue
		}
		t.slots[at].val = k.val
		drop = drop || k.val.absent()
	}
	if dup {
		_, err := b.resolve(nil)
		return Context{}, err
	}
	if drop {
		kept := t.slots[:0]
		for i, e := range t.slots {
			if state[i]&slotPresent != 0 && !e.val.absent() {
				kept = append(kept, e)
			}
		}
		clear(t.slots[len(kept):])
		t.slots = kept
		clear(index)
		for i := range t.slots {
			j := t.slots[i].hash & mask
			for index[j] != 0 {
				j = (j + 1) & mask
			}
			index[j] = int32(i + 1)
		}
	}
	t.count = int32(len(t.slots))
	if t.count == 0 {
		return Context{}, nil
	}
	return Context{t: t}, nil
}

// Overlay returns the Context of every key of over, with its value, and
// of each key of under that over lacks. It is the merge of a caller's
// context over keys derived elsewhere, made without a [Builder]: a
// context of 1,000,000 keys is copied entry by entry, its index with it
// when it has room for under's keys, rather than recorded and hashed
// again (issue 15).
func Overlay(over, under Context) Context {
	switch {
	case under.Len() == 0:
		return over
	case over.Len() == 0:
		return under
	}
	if over.Len()+under.Len() <= denseKeys {
		var b Builder
		b.Grow(over.Len() + under.Len())
		b.SetAll(under)
		b.SetAll(over)
		c, _ := b.Context() // Set and SetAll never fail
		return c
	}
	o := over.t
	t := &keyTable{slots: make([]tableEntry, 0, int(o.count)+under.Len()), lazy: true}
	for j := range o.slots {
		if o.slots[j].hash != 0 {
			t.slots = append(t.slots, o.slots[j])
		}
	}
	n := len(t.slots)
	under.EachUnsorted(func(key string, v Value) {
		if over.t.lookupPtr(key, hashKey(key)) == nil {
			t.slots = append(t.slots, tableEntry{hash: hashKey(key), key: key, val: v})
		}
	})
	size := indexSize(len(t.slots))
	var index []int32
	if o.index != nil && len(*o.index) == size {
		// A dense over keeps its keys in place: its index still finds
		// them, and only under's keys are entered.
		index = slices.Clone(*o.index)
	} else {
		index = make([]int32, size)
		n = 0
	}
	t.index = &index
	t.mask = uint32(size - 1)
	mask := uint64(t.mask)
	for i := n; i < len(t.slots); i++ {
		j := t.slots[i].hash & mask
		for index[j] != 0 {
			j = (j + 1) & mask
		}
		index[j] = int32(i + 1)
	}
	t.count = int32(len(t.slots))
	return Context{t: t}
}
