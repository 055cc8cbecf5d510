package catalog

import (
	"errors"
	"hash/maphash"
)

// actionIndex finds an action by its lower-case full name
// ("s3:getobject"). It replaces a map from lower-case names, which would
// need a lower-case copy of every name and twice the memory: it is an
// open-addressing table (linear probing) of 8-byte slots, each the top
// half of the name's hash (a tag, never zero) and the place of the action
// in the catalogue (service index, action index); 0 is an empty slot.
// A tag match is confirmed by comparing the names.
type actionIndex struct {
	seed  maphash.Seed
	slots []uint64
}

// maxIndexed bounds the services of a catalogue and the actions of a
// service, which a slot holds in 16 bits each.
const maxIndexed = 1 << 16

// build indexes the actions of services. It fails on two actions whose
// names differ only in case.
func (x *actionIndex) build(services []Service) error {
	if len(services) > maxIndexed {
		return errors.New("catalog: too many services")
	}
	total := 0
	for k := range services {
		if len(services[k].Actions) > maxIndexed {
			return errors.New("catalog: service " + services[k].Prefix + " has too many actions")
		}
		total += len(services[k].Actions)
	}
	size := 2
	for size < total+total/3+1 { // at most three quarters full
		size *= 2
	}
	x.seed = maphash.MakeSeed()
	x.slots = make([]uint64, size)
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
			x.slots[i] = tag(h) | uint64(k)<<16 | uint64(j)
		}
	}
	return nil
}

// tag is the part of a hash a slot holds: the top half, never zero.
func tag(h uint64) uint64 { return h&^(1<<32-1) | 1<<32 }

// probe returns the action named lower (a lower-case full name, hash h)
// and its slot, or nil and the empty slot where it would go.
func (x *actionIndex) probe(services []Service, h uint64, lower []byte) (int, *Action) {
	mask := uint64(len(x.slots) - 1)
	t := tag(h)
	for i := h & mask; ; i = (i + 1) & mask {
		e := x.slots[i]
		if e == 0 {
			return int(i), nil
		}
		if e&^(1<<32-1) != t {
			continue
		}
		a := &services[e>>16&(1<<16-1)].Actions[e&(1<<16-1)]
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
