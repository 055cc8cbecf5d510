package catalog

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// magic starts the decompressed data; catalog/internal/gen writes it
// (gen.Magic) and documents the layout that follows.
const magic = "iameval-catalog-1\n"

// maxData bounds the decompressed data, so corrupt input cannot exhaust
// memory. The 2026 data decompress to about 1 MiB.
const maxData = 64 << 20

// Decode reads a catalogue in the compact form `go generate ./catalog`
// writes (gzip-compressed). Embedded data are decoded by [Default]; Decode
// is for data generated from another snapshot of the reference.
func Decode(data []byte) (*Catalog, error) {
	raw, err := inflate(data)
	if err != nil {
		return nil, err
	}
	return decodeRaw(raw)
}

// inflate returns the decompressed catalogue data.
func inflate(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	raw, err := readAll(io.LimitReader(zr, maxData+1), sizeHint(data))
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if len(raw) > maxData {
		return nil, errors.New("catalog: data larger than 64 MiB")
	}
	return raw, nil
}

// sizeHint returns the size the gzip data say they decompress to (the
// ISIZE field that ends them, RFC 1952), plus one byte for the read that
// finds the end; 512 when the field is missing or too large. It is a
// hint only: corrupt data may say anything, so it is believed only up
// to what deflate can expand the data to (1032 times).
func sizeHint(data []byte) int {
	if len(data) < 4 {
		return 512
	}
	n := binary.LittleEndian.Uint32(data[len(data)-4:])
	if n > maxData || int(n) > 1032*len(data) {
		return 512
	}
	return int(n) + 1
}

// readAll reads r to its end into a buffer of capacity hint, grown as
// needed: as io.ReadAll does, without growing from 512 bytes, which
// leaves 2 MB of garbage behind for 1 MB of data.
func readAll(r io.Reader, hint int) ([]byte, error) {
	b := make([]byte, 0, hint)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

type reader struct {
	b    []byte
	i    int
	strs strTable
	err  error
	slab []string // lists are cut from it, so that they share allocations
	// lists interns the lists by their encoding: many actions and
	// resource types share a list of condition keys or dependent actions.
	lists map[string][]string
	// resources interns an action's resource types by their encoding,
	// within one service (indexes are the service's): many actions take
	// the same resource types with the same keys.
	resources map[string][]ActionResource
	arSlab    []ActionResource // interned resource lists are cut from it
	arTmp     []ActionResource
	names     [][]byte // the names of a service's actions, in the data
}

// slabSize is the number of elements of a slab allocation: large enough
// to amortise the allocations, small enough that the unused end of the
// last one does not matter.
const slabSize = 1024

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("catalog: corrupt data at byte %d: %s", r.i, what)
	}
}

func (r *reader) uvarint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 || v > uint64(len(r.b)) {
		r.fail("bad number")
		return 0
	}
	r.i += n
	return int(v)
}

// count reads a list length, which cannot exceed the bytes left (every
// element takes at least one byte).
func (r *reader) count() int {
	n := r.uvarint()
	if n > len(r.b)-r.i {
		r.fail("list longer than the data")
		return 0
	}
	return n
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.i >= len(r.b) {
		r.fail("truncated")
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *reader) str() string {
	i := r.uvarint()
	if i >= r.strs.len() {
		r.fail("bad string index")
		return ""
	}
	return r.strs.get(i)
}

// name reads a string without copying it out of the data.
func (r *reader) name() []byte {
	i := r.uvarint()
	if i >= r.strs.len() {
		r.fail("bad string index")
		return nil
	}
	return r.strs.bytes(i)
}

func (r *reader) list() []string {
	at := r.i
	n := r.count()
	if n == 0 {
		return nil
	}
	if len(r.slab)+n > cap(r.slab) {
		r.slab = make([]string, 0, max(n, slabSize))
	}
	start := len(r.slab)
	for k := 0; k < n; k++ {
		r.slab = append(r.slab, r.str())
	}
	if r.err != nil {
		return nil
	}
	if l, ok := r.lists[string(r.b[at:r.i])]; ok {
		r.slab = r.slab[:start] // the same list, decoded before
		return l
	}
	l := r.slab[start:len(r.slab):len(r.slab)]
	r.lists[string(r.b[at:r.i])] = l
	return l
}

func decodeRaw(raw []byte) (*Catalog, error) {
	r, err := newReader(raw)
	if err != nil {
		return nil, err
	}
	r.lists = make(map[string][]string)
	r.resources = make(map[string][]ActionResource)
	r.strs.strs = make([]string, r.strs.len())
	c := &Catalog{}
	c.date = r.str()
	c.source = r.str()
	ns := r.count()
	c.services = make([]Service, ns)
	for k := 0; k < ns && r.err == nil; k++ {
		r.service(&c.services[k])
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.i != len(raw) {
		return nil, fmt.Errorf("catalog: corrupt data: %d bytes left over", len(raw)-r.i)
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	return c, nil
}

// newReader checks the header of raw (decompressed data) and reads its
// string table; the reader stands at what follows it, the date.
func newReader(raw []byte) (*reader, error) {
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("catalog: not catalogue data (bad header)")
	}
	r := &reader{b: raw, i: len(magic)}
	blobLen := r.uvarint()
	if r.err == nil && blobLen > len(raw)-r.i {
		r.fail("string blob longer than the data")
	}
	if r.err != nil {
		return nil, r.err
	}
	r.strs.blob = raw[r.i : r.i+blobLen]
	r.i += blobLen
	n := r.count()
	r.strs.offs = make([]uint32, 1, n+1)
	off := 0
	for k := 0; k < n && r.err == nil; k++ {
		l := r.uvarint()
		if l > blobLen-off {
			r.fail("string past the blob")
			break
		}
		off += l
		r.strs.offs = append(r.strs.offs, uint32(off))
	}
	return r, r.err
}

func (r *reader) service(s *Service) {
	s.Prefix = r.str()
	s.Name = r.str()
	s.RCP = r.byte()&1 != 0
	if n := r.count(); n > 0 {
		s.ResourceTypes = make([]ResourceType, n)
		for k := range s.ResourceTypes {
			rt := &s.ResourceTypes[k]
			rt.Service = s
			rt.index = k
			rt.Name = r.str()
			rt.ARNFormats = r.list()
			rt.ConditionKeys = r.list()
		}
	}
	if n := r.count(); n > 0 {
		s.ConditionKeys = make([]ConditionKey, n)
		for k := range s.ConditionKeys {
			ck := &s.ConditionKeys[k]
			ck.Service = s
			ck.Name = r.str()
			ck.Type = KeyType(r.byte())
			if r.err == nil && !ck.Type.valid() {
				r.fail("bad key type")
			}
		}
	}
	n := r.count()
	if n == 0 {
		return
	}
	s.Actions = make([]Action, n)
	clear(r.resources)
	r.names = r.names[:0]
	for k := range s.Actions {
		a := &s.Actions[k]
		a.Service = s
		r.names = append(r.names, r.name())
		a.AccessLevel = AccessLevel(r.byte())
		if r.err == nil && (a.AccessLevel < List || a.AccessLevel > Tagging) {
			r.fail("bad access level")
		}
		a.ResourceTypes = r.actionResources(s)
		a.ConditionKeys = r.list()
		a.DependentActions = r.list()
	}
	if r.err != nil {
		return
	}
	// The full names share one allocation, of the exact size; each name
	// is the end of its full name.
	size := 0
	for _, name := range r.names {
		size += len(s.Prefix) + 1 + len(name)
	}
	var full strings.Builder
	full.Grow(size)
	for _, name := range r.names {
		full.WriteString(s.Prefix)
		full.WriteByte(':')
		full.Write(name)
	}
	all := full.String()
	at := 0
	for k := range s.Actions {
		a := &s.Actions[k]
		l := len(s.Prefix) + 1 + len(r.names[k])
		a.FullName = all[at : at+l]
		a.Name = a.FullName[len(s.Prefix)+1:]
		at += l
	}
}

// actionResources reads an action's resource types. Identical lists
// within the service are decoded once and shared.
func (r *reader) actionResources(s *Service) []ActionResource {
	at := r.i
	m := r.count()
	if m == 0 {
		return nil
	}
	r.arTmp = r.arTmp[:0]
	for j := 0; j < m && r.err == nil; j++ {
		var ar ActionResource
		idx := r.uvarint()
		if idx >= len(s.ResourceTypes) {
			r.fail("bad resource type index")
			return nil
		}
		ar.Type = &s.ResourceTypes[idx]
		ar.Required = r.byte() != 0
		ar.ConditionKeys = r.list()
		ar.DependentActions = r.list()
		r.arTmp = append(r.arTmp, ar)
	}
	if r.err != nil {
		return nil
	}
	if l, ok := r.resources[string(r.b[at:r.i])]; ok {
		return l
	}
	if len(r.arSlab)+m > cap(r.arSlab) {
		r.arSlab = make([]ActionResource, 0, max(m, slabSize))
	}
	start := len(r.arSlab)
	r.arSlab = append(r.arSlab, r.arTmp...)
	l := r.arSlab[start:len(r.arSlab):len(r.arSlab)]
	r.resources[string(r.b[at:r.i])] = l
	return l
}
