package gen

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
)

// Magic starts every encoded catalogue, before compression. Package
// catalog refuses data with another first line.
const Magic = "iameval-catalog-1\n"

// The layout after Magic, where uvarint is encoding/binary's unsigned
// varint, str is the uvarint index of a string in the string table and
// list(x) is a uvarint count followed by that many x:
//
//	uvarint blobLen, blob            every string, concatenated
//	uvarint nStrings, nStrings × uvarint length (offsets are cumulative)
//	str date, str source
//	uvarint nServices, per service:
//	  str prefix, str name, byte flags (FlagRCP)
//	  list(resource: str name, list(str arnFormat), list(str key))
//	  list(key: str name, byte KeyType)
//	  list(action: str name, byte Level,
//	       list(uvarint resourceIndex, byte required, list(str key), list(str dependent)),
//	       list(str key), list(str dependent))
//
// The whole is gzip-compressed.

// FlagRCP marks a service that resource control policies support.
const FlagRCP = 1

// Access levels as encoded.
var levelCodes = map[string]byte{
	"List": 1, "Read": 2, "Write": 3, "Permissions management": 4, "Tagging": 5,
}

// Key types as encoded: a base type, plus ArrayOf for multivalued keys.
var keyTypeCodes = map[string]byte{
	"String": 1, "ARN": 2, "Numeric": 3, "Date": 4, "Bool": 5, "IPAddress": 6, "Binary": 7,
}

// ArrayOf is added to a base type code for an ArrayOf… key type.
const ArrayOf = 0x10

// KeyTypeCode returns the encoding of an AWS condition key type name such
// as "ArrayOfString".
func KeyTypeCode(t string) (byte, bool) {
	var arr byte
	if len(t) > len("ArrayOf") && t[:len("ArrayOf")] == "ArrayOf" {
		arr, t = ArrayOf, t[len("ArrayOf"):]
	}
	c, ok := keyTypeCodes[t]
	return c | arr, ok
}

// LevelCode returns the encoding of an access level name.
func LevelCode(l string) (byte, bool) {
	c, ok := levelCodes[l]
	return c, ok
}

// Encode writes m in the layout above, gzip-compressed.
func Encode(m *Model) ([]byte, error) {
	e := encoder{index: map[string]int{}}
	// First pass: intern every string so the table comes first.
	e.walk(m, true)
	var body bytes.Buffer
	body.WriteString(Magic)
	var blob bytes.Buffer
	for _, s := range e.strs {
		blob.WriteString(s)
	}
	putUvarint(&body, uint64(blob.Len()))
	body.Write(blob.Bytes())
	putUvarint(&body, uint64(len(e.strs)))
	for _, s := range e.strs {
		putUvarint(&body, uint64(len(s)))
	}
	e.out = &body
	if err := e.walk(m, false); err != nil {
		return nil, err
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(body.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

type encoder struct {
	index map[string]int
	strs  []string
	out   *bytes.Buffer
	dry   bool
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

func (e *encoder) str(s string) {
	i, ok := e.index[s]
	if !ok {
		i = len(e.strs)
		e.index[s] = i
		e.strs = append(e.strs, s)
	}
	if !e.dry {
		putUvarint(e.out, uint64(i))
	}
}

func (e *encoder) n(v int) {
	if !e.dry {
		putUvarint(e.out, uint64(v))
	}
}

func (e *encoder) byte(b byte) {
	if !e.dry {
		e.out.WriteByte(b)
	}
}

func (e *encoder) list(l []string) {
	e.n(len(l))
	for _, s := range l {
		e.str(s)
	}
}

// walk writes the model after the string table; with dry set it only
// interns the strings.
func (e *encoder) walk(m *Model, dry bool) error {
	e.dry = dry
	e.str(m.Date)
	e.str(m.Source)
	e.n(len(m.Services))
	for i := range m.Services {
		s := &m.Services[i]
		e.str(s.Prefix)
		e.str(s.Name)
		var flags byte
		if s.RCP {
			flags |= FlagRCP
		}
		e.byte(flags)
		resIndex := make(map[string]int, len(s.Resources))
		e.n(len(s.Resources))
		for j, r := range s.Resources {
			resIndex[r.Name] = j
			e.str(r.Name)
			e.list(r.ARNFormats)
			e.list(r.Keys)
		}
		e.n(len(s.Keys))
		for _, k := range s.Keys {
			e.str(k.Name)
			c, ok := KeyTypeCode(k.Type)
			if !ok {
				return fmt.Errorf("%s: condition key %s has unknown type %q", s.Prefix, k.Name, k.Type)
			}
			e.byte(c)
		}
		e.n(len(s.Actions))
		for _, a := range s.Actions {
			e.str(a.Name)
			c, ok := LevelCode(a.Level)
			if !ok {
				return fmt.Errorf("%s:%s: unknown access level %q", s.Prefix, a.Name, a.Level)
			}
			e.byte(c)
			e.n(len(a.Resources))
			for _, r := range a.Resources {
				j, ok := resIndex[r.Name]
				if !ok {
					return fmt.Errorf("%s:%s: resource type %q is not a resource type of %s", s.Prefix, a.Name, r.Name, s.Prefix)
				}
				e.n(j)
				if r.Required {
					e.byte(1)
				} else {
					e.byte(0)
				}
				e.list(r.Keys)
				e.list(r.Depends)
			}
			e.list(a.Keys)
			e.list(a.Depends)
		}
	}
	return nil
}
