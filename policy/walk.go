package policy

import (
	"strconv"
	"strings"
)

// member is one member of an object read by fields.
type member struct {
	key    string
	keyIdx int
	v      jv
	ok     bool
}

// fields reads the members of the object obj into out, which has one slot
// per name in known. Members whose name is not in known are reported as
// unknown (with a hint when only the case differs), repeated members as
// duplicates (P4); the first occurrence of each member is kept.
func (p *parser) fields(obj jv, at *path, known []string, out []member) {
	var other []member // unknown keys, for duplicate detection
	var seen keyIndex
	it := p.sc.items(obj)
next:
	for {
		k, v, ok := it.next()
		if !ok {
			return
		}
		key := p.sc.str(k)
		for i, name := range known {
			if name != key {
				continue
			}
			if out[i].ok {
				p.duplicate(key, k.off, out[i].keyIdx, at)
			} else {
				out[i] = member{key: key, keyIdx: k.off, v: v, ok: true}
			}
			continue next
		}
		if first, dup := seen.find(key, other); dup {
			p.duplicate(key, k.off, first, at)
			continue next
		}
		other = append(other, member{key: key, keyIdx: k.off})
		seen.add(other)
		p.unknown(key, k.off, at, known)
	}
}

// members appends to dst the members of an object whose keys are free
// form (condition operators and keys), reporting repeated keys (P4) and
// leaving out their later occurrences.
func (p *parser) members(obj jv, at *path, dst []member) []member {
	start := len(dst)
	var seen keyIndex
	it := p.sc.items(obj)
next:
	for {
		k, v, ok := it.next()
		if !ok {
			return dst
		}
		key := p.sc.str(k)
		if first, dup := seen.find(key, dst[start:]); dup {
			p.duplicate(key, k.off, first, at)
			continue next
		}
		dst = append(dst, member{key: key, keyIdx: k.off, v: v, ok: true})
		seen.add(dst[start:])
	}
}

// keyIndex finds the repeated keys of one object in linear time: it
// compares a new key with the members read so far while they are at most
// scanLimit, and looks it up in a map built from them past that, so that
// an object of 80,000 keys is not compared pair by pair.
type keyIndex struct {
	m map[string]int // key → offset of its first occurrence
}

// find reports the offset of the first occurrence of key among seen, the
// members read so far.
func (x *keyIndex) find(key string, seen []member) (int, bool) {
	if x.m != nil {
		off, ok := x.m[key]
		return off, ok
	}
	for i := range seen {
		if seen[i].key == key {
			return seen[i].keyIdx, true
		}
	}
	return 0, false
}

// add records the last member of seen, which was just appended.
func (x *keyIndex) add(seen []member) {
	switch {
	case x.m != nil:
		m := &seen[len(seen)-1]
		x.m[m.key] = m.keyIdx
	case len(seen) > scanLimit:
		x.m = make(map[string]int, 2*len(seen))
		for i := range seen {
			x.m[seen[i].key] = seen[i].keyIdx
		}
	}
}

// duplicate reports the key k that was first seen at offset first. The
// position of the first occurrence is given as line:col of the document.
func (p *parser) duplicate(key string, offset, first int, at *path) {
	f := p.doc.Pos(first)
	c := at.child(key)
	p.errorf(offset, &c, ErrDuplicateKey,
		"duplicate key %q (first at %d:%d): JSON policies must not repeat a key", key, f.Line, f.Column)
}

// unknown reports the key at offset that is not one of known.
func (p *parser) unknown(key string, offset int, at *path, known []string) {
	c := at.child(key)
	for _, name := range known {
		if strings.EqualFold(name, key) {
			cn := at.child(name)
			p.noteMiscased(cn.String())
			p.errorf(offset, &c, ErrUnknownElement,
				"expected %q, found %q: element names are case-sensitive", name, key)
			return
		}
	}
	q := make([]string, len(known))
	for i, name := range known {
		q[i] = strconv.Quote(name)
	}
	p.errorf(offset, &c, ErrUnknownElement, "unknown element %q: expected one of %s", key, strings.Join(q, ", "))
}

// strItem is one string of an element that takes a string or a list of
// strings.
type strItem struct {
	s      string
	offset int  // of the opening quote
	index  int  // in the array
	list   bool // the element is an array
	raw    bool // s is the text between the quotes (no escapes)
}

// path returns the path of the item in the element at.
func (it *strItem) path(at *path) path {
	if it.list {
		return at.elem(it.index)
	}
	return *at
}

// strs appends to dst the entries of an element that takes a string or a
// non-empty array of non-empty strings (P5). Invalid entries are reported
// and left out. at is the element's path.
func (p *parser) strs(v jv, at *path, dst []strItem) []strItem {
	switch v.kind {
	case '"':
		str, raw := p.sc.strRaw(v)
		if str == "" {
			p.errorf(v.off, at, ErrValue, "expected a non-empty string, found \"\"")
			return dst
		}
		return append(dst, strItem{s: str, offset: v.off, raw: raw})
	case '[':
		n := 0
		for it := p.sc.items(v); ; n++ {
			_, e, ok := it.next()
			if !ok {
				break
			}
			if e.kind != '"' {
				ep := at.elem(n)
				p.typeError(e, &ep, "a string")
				continue
			}
			if str, raw := p.sc.strRaw(e); str != "" {
				dst = append(dst, strItem{s: str, offset: e.off, index: n, list: true, raw: raw})
			} else {
				ep := at.elem(n)
				p.errorf(e.off, &ep, ErrValue, "expected a non-empty string, found \"\"")
			}
		}
		if n == 0 {
			p.typeError(v, at, "a string or a non-empty array of strings")
		}
	default:
		p.typeError(v, at, "a string or an array of strings")
	}
	return dst
}
