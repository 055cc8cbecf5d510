package catalog

import (
	"errors"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// CheckAction is [Default]().CheckAction(action), without decoding the
// whole catalogue to learn that an action exists: until something else
// decodes it, a known action is found in a set of the action names alone
// (0.8 MB, against the catalogue's 4.8 MB), and the catalogue is
// decoded only to explain an action it does not have. An explanation of
// an implicit deny asks about the requested action, and issue 15 measured
// the catalogue as most of what `iameval test` holds beyond the policies
// to explain one failing case. Safe for concurrent use.
func CheckAction(action string) string {
	if c := decoded.Load(); c != nil {
		return c.CheckAction(action)
	}
	namesOnce.Do(func() {
		set, err := decodeNames(embedded)
		if err != nil {
			// As in Default: the data are generated and tested with the
			// package.
			panic("iameval/catalog: embedded data: " + err.Error())
		}
		names = set
	})
	if names.has(action) {
		return ""
	}
	return Default().CheckAction(action)
}

var (
	// decoded is the catalogue Default decoded, once it has.
	decoded atomic.Pointer[Catalog]

	namesOnce sync.Once
	names     *nameSet // the embedded catalogue's action names
)

// nameSet is the set of a catalogue's action names ("s3:getobject"),
// looked up case-insensitively as [Catalog.Action] does. It is an
// open-addressing table (linear probing) over the lower-case names,
// which are concatenated in one string.
type nameSet struct {
	seed  maphash.Seed
	text  string   // the lower-case full names, one after another
	ends  []uint32 // name i is text[ends[i-1]:ends[i]] (from 0 for i = 0)
	slots []uint32 // i+1 for name i; 0 for an empty slot
}

// decodeNames reads the action names of gzip-compressed catalogue data,
// skipping everything else, in two passes: the first sizes the set, the
// second fills it.
func decodeNames(data []byte) (*nameSet, error) {
	raw, err := inflate(data)
	if err != nil {
		return nil, err
	}
	count, size := 0, 0
	err = walkActionNames(raw, func(prefix, name []byte) {
		count++
		size += len(prefix) + 1 + len(name)
	})
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	text.Grow(size)
	ends := make([]uint32, 0, count)
	var full []byte
	walkActionNames(raw, func(prefix, name []byte) {
		full = appendLower(append(appendLower(full[:0], prefix), ':'), name)
		text.Write(full)
		ends = append(ends, uint32(text.Len()))
	})
	x := &nameSet{seed: maphash.MakeSeed(), text: text.String(), ends: ends}
	slots := 2
	for slots < count+count/3+1 { // at most three quarters full
		slots *= 2
	}
	x.slots = make([]uint32, slots)
	for k := range ends {
		if i, found := x.probe(x.name(k)); !found {
			x.slots[i] = uint32(k) + 1
		}
	}
	return x, nil
}

// walkActionNames calls visit with the prefix and the name of each action
// of raw (decompressed data), in the data's order. It reads the layout
// reader.service reads, skipping all but the names, and checks less: it
// serves the embedded data, which Decode's tests check whole.
func walkActionNames(raw []byte, visit func(prefix, name []byte)) error {
	r, err := newReader(raw)
	if err != nil {
		return err
	}
	r.uvarint() // date
	r.uvarint() // source
	for ns := r.count(); ns > 0 && r.err == nil; ns-- {
		prefix := r.name()
		r.uvarint()                                      // service name
		r.byte()                                         // RCP flag
		for n := r.count(); n > 0 && r.err == nil; n-- { // resource types
			r.uvarint() // name
			r.skipList()
			r.skipList()
		}
		for n := r.count(); n > 0 && r.err == nil; n-- { // condition keys
			r.uvarint() // name
			r.byte()    // type
		}
		for n := r.count(); n > 0 && r.err == nil; n-- { // actions
			name := r.name()
			r.byte()                                         // access level
			for m := r.count(); m > 0 && r.err == nil; m-- { // resource types
				r.uvarint() // type index
				r.byte()    // required
				r.skipList()
				r.skipList()
			}
			r.skipList() // condition keys
			r.skipList() // dependent actions
			if r.err == nil {
				visit(prefix, name)
			}
		}
	}
	if r.err != nil {
		return r.err
	}
	if r.i != len(raw) {
		return errors.New("catalog: corrupt data: bytes left over")
	}
	return nil
}

// skipList reads past a list of strings.
func (r *reader) skipList() {
	for n := r.count(); n > 0 && r.err == nil; n-- {
		r.uvarint()
	}
}

// name returns name k of the set.
func (x *nameSet) name(k int) string {
	start := uint32(0)
	if k > 0 {
		start = x.ends[k-1]
	}
	return x.text[start:x.ends[k]]
}

// probe returns the slot of lower (a lower-case name) and whether it
// holds it, or the empty slot where it would go.
func (x *nameSet) probe(lower string) (int, bool) {
	mask := uint64(len(x.slots) - 1)
	for i := maphash.String(x.seed, lower) & mask; ; i = (i + 1) & mask {
		e := x.slots[i]
		if e == 0 {
			return int(i), false
		}
		if x.name(int(e-1)) == lower {
			return int(i), true
		}
	}
}

// has reports whether action ("s3:GetObject") is in the set, compared
// case-insensitively. It does not allocate.
func (x *nameSet) has(action string) bool {
	var buf [maxName]byte
	if len(action) > len(buf) {
		return false
	}
	_, found := x.probe(string(lowerInto(buf[:], action)))
	return found
}
