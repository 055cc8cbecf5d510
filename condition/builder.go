package condition

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unsafe"
)

// Builder collects the keys of a [Context] one at a time, without the map
// [NewContext] takes, and builds the Context in one step. [Builder.Add]
// adds a key that must be new (two spellings of one key are an error, as
// in NewContext); [Builder.Set] and [Builder.Delete] let a later layer
// replace or remove a key, for merging contexts. The zero Builder is
// empty and ready; [Builder.Reset] empties it for reuse, keeping its
// storage, so that a Builder kept by a caller that builds contexts in a
// loop (or in a sync.Pool) does not allocate for its own bookkeeping.
// Contexts built earlier are not affected by later use of the Builder.
type Builder struct {
	// keys are the Add, Set and Delete operations (spelledKey.kind), in
	// the order they were made, once the Builder has left the fast path
	// (see fast); empty while it is on it.
	keys []spelledKey
	// table and state are the storage Borrow reuses: state[j] says
	// what the operations did to slot j of table (slotPresent,
	// slotAdded).
	table *keyTable
	state []uint8
	spill []tableEntry // the keys kept, when Borrow must drop some
	// layout is, when layoutOK, the operations of the last Borrow and
	// the slot of table each one wrote: a Borrow with the same keys in
	// the same order (the usual case in a loop) only writes the values.
	layout   []layoutOp
	layoutOK bool
	// fast counts the operations since Reset that repeat those of layout
	// (same kind, same spelling, a present value) while keys is empty:
	// they are not recorded in keys. The value of an operation whose
	// slot no later operation of layout writes (layoutOp.final) goes
	// straight into its slot of table, which nothing reads between Reset
	// and Borrow; the value of an operation a later one overrides goes
	// to dead. An operation that departs from layout first turns them
	// back into keys (unfast), so every other path sees keys alone.
	fast int
	dead []Value // indexed like layout
	// fastMax is len(layout) while the fast path is open: since Reset,
	// with layoutOK, no operation left it and Borrow did not lend table
	// (the operations made after a Borrow must not write into it); 0
	// otherwise.
	fastMax int
}

// layoutOp is one operation of the last Borrow and the slot it wrote.
type layoutOp struct {
	key, norm string // as given, and normalized
	hash      uint64 // hashKey(norm)
	kind      opKind
	slot      int32
	final     bool // no later operation of the layout writes slot
	// dst is where the fast path writes the operation's value: the
	// value of slot in table when final, else the operation's entry of
	// dead. Set by keepLayout; table and dead stay in place while the
	// layout is kept (only Borrow's slow path replaces them, and it
	// drops the layout first).
	dst *Value
}

// applyOp records the operation kind on a key in the key's state (see
// slotPresent): added reports a second Add of the key, which is an
// error, and set that the operation gives the key a value (Add and Set
// do; Delete removes it).
func applyOp(state *uint8, kind opKind) (added, set bool) {
	switch kind {
	case opAdd:
		added = *state&slotAdded != 0
		*state |= slotAdded | slotPresent
		return added, true
	case opSet:
		*state |= slotPresent
		return false, true
	}
	*state &^= slotPresent
	return false, false
}

// What Borrow's operations did to a slot.
const (
	slotPresent uint8 = 1 << iota // the key has a value
	slotAdded                     // the key was given with Add
)

type opKind uint8

const (
	opAdd opKind = iota
	opSet
	opDelete
)

// Reset empties b, keeping its storage.
func (b *Builder) Reset() {
	clear(b.keys)
	b.keys = b.keys[:0]
	b.fast = 0
	b.fastMax = 0
	if b.layoutOK {
		b.fastMax = len(b.layout)
	}
}

// Grow makes room for n more keys without allocating.
func (b *Builder) Grow(n int) {
	b.keys = slices.Grow(b.keys, n)
}

// Add adds key with value v. Two keys added with Add that are equal
// ignoring case make [Builder.Context] fail with [ErrDuplicateKey].
func (b *Builder) Add(key string, v Value) {
	if !b.onLayout(opAdd, key, &v) {
		b.slow(key, v, opAdd)
	}
}

// Set gives key the value v, replacing any value given before under any
// spelling of the key.
func (b *Builder) Set(key string, v Value) {
	if !b.onLayout(opSet, key, &v) {
		b.slow(key, v, opSet)
	}
}

// AddString is Add(key, StringValue(value)), for the usual single-valued
// key: the value goes to its slot without being built first.
func (b *Builder) AddString(key, value string) {
	if v := b.fastDst(opAdd, key); v != nil {
		v.one, v.list, v.single, v.unknown = value, nil, true, false
		return
	}
	b.putString(opAdd, key, value)
}

// SetString is Set(key, StringValue(value)); see [Builder.AddString].
func (b *Builder) SetString(key, value string) {
	if v := b.fastDst(opSet, key); v != nil {
		v.one, v.list, v.single, v.unknown = value, nil, true, false
		return
	}
	b.putString(opSet, key, value)
}

// SetUnknown is Set(key, UnknownValue()); see [Builder.AddString].
func (b *Builder) SetUnknown(key string) {
	if v := b.fastDst(opSet, key); v != nil {
		v.one, v.list, v.single, v.unknown = "", nil, false, true
		return
	}
	b.put(opSet, key, UnknownValue())
}

// putString is put for a StringValue, which it builds only when needed.
func (b *Builder) putString(kind opKind, key, value string) {
	if v := b.sameText(kind, key); v != nil {
		v.one, v.list, v.single, v.unknown = value, nil, true, false
		return
	}
	b.slow(key, StringValue(value), kind)
}

// put takes the operation kind on key with the value v when fastDst did
// not: on the fast path when key is another string of the same text as
// the layout's, else recorded in keys. Apart from the operations, so that
// they make no call and keep a small frame on the fast path.
func (b *Builder) put(kind opKind, key string, v Value) {
	if d := b.sameText(kind, key); d != nil {
		*d = v
		return
	}
	b.slow(key, v, kind)
}

// sameText is fastDst for a key that is another string of the same text
// as the layout's (fastDst compares the strings' pointers only); when it
// returns nil, it has left the fast path (unfast).
func (b *Builder) sameText(kind opKind, key string) *Value {
	if i := b.fast; i < b.fastMax {
		if l := &b.layout[i]; l.kind == kind && l.key == key {
			b.fast++
			return l.dst
		}
	}
	b.unfast()
	return nil
}

// Delete removes key, under any spelling, and any value given before.
func (b *Builder) Delete(key string) {
	b.unfast()
	b.slow(key, Value{}, opDelete)
}

// slow records the operation kind on key, spelled as given, off the
// fast path (see Builder.fast).
func (b *Builder) slow(key string, v Value, kind opKind) {
	b.keys = append(b.keys, spelledKey{norm: normalizeKey(key), key: key, val: v, kind: kind})
}

// onLayout takes the operation kind on key (spelled as given) with value
// *v on the fast path when it repeats the next operation of layout, and
// reports whether it did: a Builder reused in a loop normalizes each key
// once and writes each value once. Otherwise the operations taken so far
// are turned back into keys, where the caller records this one.
func (b *Builder) onLayout(kind opKind, key string, v *Value) bool {
	if v.single || len(v.list) > 0 || v.unknown {
		d := b.fastDst(kind, key)
		if d == nil {
			d = b.sameText(kind, key)
		}
		if d != nil {
			*d = *v
			return true
		}
	}
	b.unfast()
	return false
}

// fastDst returns, when the operation kind on key repeats the next
// operation of layout with the very same string (a constant, a key of
// the principal's table: the usual case in a loop), where its value goes,
// and takes the operation; else nil, and the caller tries sameText.
// Small enough to be inlined into the operations.
func (b *Builder) fastDst(kind opKind, key string) *Value {
	if i := b.fast; i < b.fastMax {
		if l := &b.layout[i]; l.kind == kind && len(l.key) == len(key) &&
			unsafe.StringData(l.key) == unsafe.StringData(key) {
			b.fast++
			return l.dst
		}
	}
	return nil
}

// unfast turns the operations taken on the fast path back into keys,
// with the normalized key and hash of the layout and the values they
// wrote.
func (b *Builder) unfast() {
	b.fastMax = 0
	if b.fast == 0 {
		return
	}
	b.keys = slices.Grow(b.keys, b.fast)
	for _, l := range b.layout[:b.fast] {
		b.keys = append(b.keys, spelledKey{norm: l.norm, key: l.key, hash: l.hash, val: *l.dst, kind: l.kind})
	}
	clear(b.dead[:b.fast])
	b.fast = 0
}

// SetAll sets every key of c, as [Builder.Set] does.
func (b *Builder) SetAll(c Context) {
	if c.t == nil {
		return
	}
	// The keys of c are distinct: their order does not matter.
	for j := range c.t.slots {
		if e := &c.t.slots[j]; e.hash != 0 {
			if !b.onLayout(opSet, e.key, &e.val) {
				b.keys = append(b.keys, spelledKey{norm: e.key, key: e.key, hash: e.hash, val: e.val, kind: opSet})
			}
		}
	}
}

// Has reports whether key, normalized, has a value after the operations
// made so far. It reads every operation: it is meant for the few keys a
// merge checks, not for every key.
func (b *Builder) Has(key string) bool {
	b.unfast()
	n := normalizeKey(key)
	for i := len(b.keys) - 1; i >= 0; i-- {
		if b.keys[i].norm == n {
			return b.keys[i].kind != opDelete
		}
	}
	return false
}

// Context returns the Context of the keys added or set and not deleted.
// As in [NewContext], a key whose value is an empty list is absent, and
// two keys added with [Builder.Add] that are equal ignoring case make it
// fail with an error wrapping [ErrDuplicateKey]. The Context does not
// share storage with b.
func (b *Builder) Context() (Context, error) {
	b.unfast()
	if len(b.keys) > denseKeys {
		return b.denseContext()
	}
	return b.sortedContext()
}

// sortedContext is [Builder.Context] for few operations: resolve sorts
// them, and the table of the keys kept is built in one step.
func (b *Builder) sortedContext() (Context, error) {
	var small [32]int32
	kept, err := b.resolve(small[:0])
	if err != nil || len(kept) == 0 {
		return Context{}, err
	}
	return Context{t: newKeyTable(b.keys, kept)}, nil
}

// Borrow returns the same Context as [Builder.Context], stored in memory
// that b owns and reuses: the Context is valid only until the next Reset
// or Borrow of b, and must not be used after it (it would then hold other
// keys). It lets a caller that builds a context per request in a loop,
// with one Builder per goroutine (or in a sync.Pool), build them without
// allocating.
func (b *Builder) Borrow() (Context, error) {
	if b.fast > 0 && b.fast == b.fastMax {
		// Every operation repeated the last Borrow's and wrote its value
		// into its slot: the table holds the context.
		b.fastMax = 0 // lent: later operations must not write into it
		return Context{t: b.table}, nil
	}
	b.unfast()
	if len(b.keys) == 0 {
		return Context{}, nil
	}
	// The operations are applied in order to a hash table of their
	// keys, which leaves each key's final value in its slot: no sorting
	// (the key order is sorted on first use, see keyTable.sorted).
	b.layoutOK = false
	b.layout = b.layout[:0]
	n := tableSize(len(b.keys))
	t := b.table
	if t == nil || cap(t.slots) < n {
		t = allocKeyTable(n)
		b.table = t
	}
	t.slots = t.slots[:n]
	clear(t.slots)
	t.mask = uint32(n - 1)
	t.order = t.order[:0]
	t.lazy = true
	t.orderReady.Store(false)
	if cap(b.state) < n {
		b.state = make([]uint8, n)
	}
	state := b.state[:n]
	clear(state)
	dup, drop := false, false
	for i := range b.keys {
		k := &b.keys[i]
		if k.hash == 0 {
			k.hash = hashKey(k.norm)
		}
		j := k.hash & uint64(t.mask)
		for e := &t.slots[j]; e.hash != 0 && (e.hash != k.hash || e.key != k.norm); e = &t.slots[j] {
			j = (j + 1) & uint64(t.mask)
		}
		e := &t.slots[j]
		added, set := applyOp(&state[j], k.kind)
		dup = dup || added
		if !set {
			drop = true // deleted, and the layout is not kept
			continue
		}
		e.hash, e.key, e.val = k.hash, k.norm, k.val
		drop = drop || k.val.absent()
		b.layout = append(b.layout, layoutOp{key: k.key, norm: k.norm, hash: k.hash, kind: k.kind, slot: int32(j)})
	}
	if dup {
		// Keys added twice: the sorting path words the error.
		_, err := b.resolve(nil)
		return Context{}, err
	}
	if drop {
		t.dropAbsent(state, &b.spill)
	} else {
		b.keepLayout()
	}
	t.count = 0
	for j := range t.slots {
		if t.slots[j].hash != 0 {
			t.count++
		}
	}
	if t.count == 0 {
		return Context{}, nil
	}
	return Context{t: t}, nil
}

// keepLayout marks, in the layout of the Borrow just made, the last
// operation on each slot, and makes room for the values of the others:
// the operations of the next requests can then take the fast path.
func (b *Builder) keepLayout() {
	// From the last operation back: the first seen on a slot is its
	// last. state is free once the table is built.
	seen := b.state
	clear(seen)
	for i := len(b.layout) - 1; i >= 0; i-- {
		l := &b.layout[i]
		l.final = seen[l.slot] == 0
		seen[l.slot] = 1
	}
	if cap(b.dead) < len(b.layout) {
		b.dead = make([]Value, len(b.layout))
	}
	b.dead = b.dead[:len(b.layout)]
	for i := range b.layout {
		l := &b.layout[i]
		l.dst = &b.dead[i]
		if l.final {
			l.dst = &b.table.slots[l.slot].val
		}
	}
	b.layoutOK = true
}

// resolve returns, in order (which it may grow), the indexes into b.keys
// of the final value of every key that has one, in key order; or the
// error of keys added twice.
func (b *Builder) resolve(order []int32) ([]int32, error) {
	if len(b.keys) == 0 {
		return order[:0], nil
	}
	all := b.keys
	order = order[:0]
	for i := range b.keys {
		order = append(order, int32(i))
	}
	// Sorting by normalized key, then by order of the operations, puts
	// the operations on one key together, in the order they were made.
	slices.SortFunc(order, func(x, y int32) int {
		if c := strings.Compare(all[x].norm, all[y].norm); c != 0 {
			return c
		}
		return int(x - y)
	})
	var dups []string
	kept := order[:0] // compacted in place: the final value of each key
	for i := 0; i < len(order); {
		j := i
		final := int32(-1)
		adds := 0
		for ; j < len(order) && all[order[j]].norm == all[order[i]].norm; j++ {
			switch all[order[j]].kind {
			case opAdd:
				adds++
				final = order[j]
			case opSet:
				final = order[j]
			case opDelete:
				final = -1
			}
		}
		if adds > 1 {
			var added []string
			for _, o := range order[i:j] {
				if all[o].kind == opAdd {
					added = append(added, all[o].key)
				}
			}
			sort.Strings(added)
			for _, k := range added[1:] {
				dups = append(dups, fmt.Sprintf("%q and %q", added[0], k))
			}
		}
		if final >= 0 && !all[final].val.absent() {
			kept = append(kept, final)
		}
		i = j
	}
	if len(dups) > 0 {
		sort.Strings(dups)
		return order[:0], fmt.Errorf("%w: %s differ only in case", ErrDuplicateKey, strings.Join(dups, ", "))
	}
	return kept, nil
}
