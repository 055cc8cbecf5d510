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
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxData+1))
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if len(raw) > maxData {
		return nil, errors.New("catalog: data larger than 64 MiB")
	}
	return decodeRaw(raw)
}

type reader struct {
	b    []byte
	i    int
	strs []string
	err  error
	slab []string // lists are cut from it, so that they share allocations
}

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
	if i >= len(r.strs) {
		r.fail("bad string index")
		return ""
	}
	return r.strs[i]
}

func (r *reader) list() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	if len(r.slab)+n > cap(r.slab) {
		r.slab = make([]string, 0, max(n, 4096))
	}
	start := len(r.slab)
	for k := 0; k < n; k++ {
		r.slab = append(r.slab, r.str())
	}
	return r.slab[start:len(r.slab):len(r.slab)]
}

func decodeRaw(raw []byte) (*Catalog, error) {
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
	blob := string(raw[r.i : r.i+blobLen])
	r.i += blobLen
	n := r.count()
	r.strs = make([]string, 0, n)
	off := 0
	for k := 0; k < n && r.err == nil; k++ {
		l := r.uvarint()
		if l > len(blob)-off {
			r.fail("string past the blob")
			break
		}
		r.strs = append(r.strs, blob[off:off+l])
		off += l
	}
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

func (r *reader) service(s *Service) {
	s.Prefix = r.str()
	s.Name = r.str()
	s.RCP = r.byte()&1 != 0
	if n := r.count(); n > 0 {
		s.ResourceTypes = make([]ResourceType, n)
		for k := range s.ResourceTypes {
			rt := &s.ResourceTypes[k]
			rt.Service = s
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
	var full strings.Builder
	for k := range s.Actions {
		a := &s.Actions[k]
		a.Service = s
		a.Name = r.str()
		a.AccessLevel = AccessLevel(r.byte())
		if r.err == nil && (a.AccessLevel < List || a.AccessLevel > Tagging) {
			r.fail("bad access level")
		}
		if m := r.count(); m > 0 {
			a.ResourceTypes = make([]ActionResource, m)
			for j := range a.ResourceTypes {
				ar := &a.ResourceTypes[j]
				idx := r.uvarint()
				if idx >= len(s.ResourceTypes) {
					r.fail("bad resource type index")
					return
				}
				ar.Type = &s.ResourceTypes[idx]
				ar.Required = r.byte() != 0
				ar.ConditionKeys = r.list()
				ar.DependentActions = r.list()
			}
		}
		a.ConditionKeys = r.list()
		a.DependentActions = r.list()
		full.WriteString(s.Prefix)
		full.WriteByte(':')
		full.WriteString(a.Name)
	}
	// The full names share one allocation.
	all := full.String()
	at := 0
	for k := range s.Actions {
		a := &s.Actions[k]
		l := len(s.Prefix) + 1 + len(a.Name)
		a.FullName = all[at : at+l]
		at += l
	}
}
