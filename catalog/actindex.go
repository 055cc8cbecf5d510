package catalog

import (
	"errors"
	"hash/maphash"
	"math/bits"
)

// actionIndex finds an action by its lower-case full name
// ("s3:getobject"). It replaces a map from lower-case names, which would
// need a lower-case copy of every name and twice the memory: it is an
// open-addressing table (linear probing) of 4-byte slots. A slot holds,
// from the top bit down: 1 (0 is an empty slot), as many bits of the
// name's hash as fit (a tag), the index of the service and the index of
// the action in the service, each in as few bits as the catalogue needs
// (9 and 10 bits for the 2026 data). A tag match is confirmed by
// comparing the names.
type actionIndex struct {
	seed    maphash.Seed
	slots   []uint32
	actBits uint // bits of the action index
	tagMask uint32
}

// used marks an occupied slot.
const used = 1 << 31

// build indexes the actions of services. It fails on two actions whose
// names differ only in case.
func (x *actionIndex) build(services []Service) error {
	total, most := 0, 0
	for k := range services {
		total += len(services[k].Actions)
		most = max(most, len(services[k].Actions))
	}
	x.actBits = uint(bits.Len(uint(most)))
	placeBits := x.actBits + uint(bits.Len(uint(len(services))))
	if placeBits > 31 {
		return errors.New("catalog: too many actions to index")
	}
	x.tagMask = (used - 1) &^ (1<<placeBits - 1)
	size := 2
	for size < total+total/3+1 { // at most three quarters full
		size *= 2
	}
	x.seed = maphash.MakeSeed()
	x.slots = make([]uint32, size)
	var buf [maxName]byte
	for k := range services {
		for j := range services[k].Actions {
			a := &services[k].Actions[j]
			if len(a.FullName) > len(buf) {
				continue // no lookup can name it (see maxName)
			}
			lower := lowerInto(buf[:], a.FullName)
			h := maphash.Bytes(x.seed, lower)
			i, found := x.probe(services, h, lower)
			if found != nil {
				return errors.New("catalog: action " + a.FullName + " twice")
			}
			x.slots[i] = x.tag(h) | uint32(k)<<x.actBits | uint32(j)
		}
	}
	return nil
}

// tag is the part of a slot that comes from the hash, with the used bit.
func (x *actionIndex) tag(h uint64) uint32 { return used | uint32(h>>32)&x.tagMask }

// probe returns the action named lower (a lower-case full name, hash h)
// and its slot, or nil and the empty slot where it would go.
func (x *actionIndex) probe(services []Service, h uint64, lower []byte) (int, *Action) {
	mask := uint64(len(x.slots) - 1)
	t := x.tag(h)
	head := used | x.tagMask
	for i := h & mask; ; i = (i + 1) & mask {
		e := x.slots[i]
		if e == 0 {
			return int(i), nil
		}
		if e&head != t {
			continue
		}
		place := e &^ head
		a := &services[place>>x.actBits].Actions[place&(1<<x.actBits-1)]
		if equalLower(a.FullName, lower) {
			return int(i), a
		}
	}
}

// find returns the action named lower (a lower-case full name), or nil.
func (x *actionIndex) find(services []Service, lower []byte) *Action {
	if len(x.slots) == 0 {
		return nil
	}
	_, a := x.probe(services, maphash.Bytes(x.seed, lower), lower)
	return a
}

// equalLower reports whether s in ASCII lower case is lower.
func equalLower(s string, lower []byte) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
