package catalog

import "strings"

// arenaChunk is the size of the allocations the strings of a catalogue
// are copied into.
const arenaChunk = 16 << 10

// strTable is the string table of the data being decoded. A string is
// copied out of the data on first use, into chunks that the strings
// share; the strings never used as such (action names, held by the full
// names instead) are never copied.
type strTable struct {
	blob  []byte
	offs  []uint32 // string i is blob[offs[i]:offs[i+1]]
	strs  []string // the copies; "" until used
	arena strings.Builder
}

// len returns the number of strings.
func (t *strTable) len() int { return len(t.offs) - 1 }

// bytes returns string i as it is in the data, without copying it.
func (t *strTable) bytes(i int) []byte { return t.blob[t.offs[i]:t.offs[i+1]] }

// get returns string i, copying it on first use.
func (t *strTable) get(i int) string {
	if s := t.strs[i]; s != "" || t.offs[i] == t.offs[i+1] {
		return s
	}
	b := t.bytes(i)
	if t.arena.Cap()-t.arena.Len() < len(b) {
		t.arena.Reset() // strings of the chunk so far stay valid
		t.arena.Grow(max(len(b), arenaChunk))
	}
	start := t.arena.Len()
	t.arena.Write(b)
	s := t.arena.String()[start:]
	t.strs[i] = s
	return s
}
