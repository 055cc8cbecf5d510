package policy

import (
	"math"
	"math/rand/v2"
	"strings"
	"unsafe"

	"github.com/iameval/iameval/internal/wildcard"
)

// actionEntry is one compiled entry of an Action or NotAction element
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
type actionEntry struct {
	// lower is the entry in lower case; the service prefix is its first
	// serviceLen bytes, compared literally. Keeping one string and a
	// length rather than the service and the full text apart, and the
	// name glob's shape rather than a Pattern, make an entry 40 bytes
	// rather than 80, with one pointer: its slab is smaller to clear and
	// has fewer pointers for the collector to scan. It has no flags
	// either, which would make it 48 bytes: serviceLen is 0 for "*" only
	// (see isAny, compileAction), and the name's shape says whether the
	// name is literal (see isLiteral).
	lower      string
	serviceLen int32
	// name is the shape of the lower-case glob for the action name, the
	// text of lower after the service prefix and its colon (see
	// namePattern).
	name wildcard.Shape
	// hash is actionHash(lower) when the name is literal, else
	// actionHash of the service. Comparing hashes first rejects almost
	// every other action without comparing text.
	hash uint64
}

// isAny reports whether the entry is "*": every action of every service.
func (e *actionEntry) isAny() bool { return e.serviceLen == 0 }

// isLiteral reports whether the name has no wildcard.
func (e *actionEntry) isLiteral() bool { return e.name.IsLiteral() }

// service returns the lower-case service prefix ("" for "*").
func (e *actionEntry) service() string { return e.lower[:e.serviceLen] }

// namePattern returns the lower-case glob for the action name (the zero
// Pattern for "*").
func (e *actionEntry) namePattern() wildcard.Pattern {
	if e.isAny() {
		return wildcard.Pattern{}
	}
	return e.name.Of(e.lower[e.serviceLen+1:])
}

// full returns "service:name" in lower case when the name has no
// wildcard, else "".
func (e *actionEntry) full() string {
	if !e.isLiteral() {
		return ""
	}
	return e.lower
}

// actionSeed seeds actionHash; hashes are only compared within the
// process.
var actionSeed = rand.Uint64()

// actionHash hashes a lower-case action ("s3:getobject") or service
// prefix. Actions are short: it mixes in eight bytes at a time with a
// multiplication, the last few as one more word (which may overlap the
// one before), in a third of the instructions of maphash.String, and
// folds the high half into the low bits that actionBit takes.
func actionHash(s string) uint64 {
	const k = 0x9E3779B97F4A7C15
	h := actionSeed ^ uint64(len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		h = (h ^ loadWord(s, i)) * k
	}
	switch {
	case i == len(s):
	case len(s) >= 8:
		h = (h ^ loadWord(s, len(s)-8)) * k
	default:
		h = (h ^ tailWord(s, 0)) * k
	}
	return h ^ h>>32
}

// compileAction compiles one Action entry; lower is s in lower case. ok is
// false when the entry is neither "*" nor "service:name"; warn reports a
// wildcard in the service prefix, which is matched literally.
func compileAction(s, lower string) (e actionEntry, ok, warn bool) {
	if s == "*" {
		return e, true, false // serviceLen 0: see isAny
	}
	i := strings.IndexByte(lower, ':')
	if i <= 0 || i == len(lower)-1 {
		return e, false, false
	}
	e.lower, e.serviceLen = lower, int32(i)
	name := wildcard.Compile(lower[i+1:])
	e.name = name.Shape()
	if name.IsLiteral() {
		e.hash = actionHash(lower)
	} else {
		e.hash = actionHash(lower[:i])
	}
	return e, true, hasWildcard(lower[:i])
}

// match reports whether the entry covers the prepared request action.
func (e *actionEntry) match(q *prepared) bool {
	switch {
	case e.isAny():
		return true
	case e.isLiteral():
		return e.hash == q.actionHash && q.isAction(e.lower)
	}
	return e.hash == q.serviceHash && q.isService(e.service()) && q.nameMatches(e.namePattern())
}

// actionSet is a compiled Action or NotAction element. It holds its
// entries as a pointer and an int32 count rather than a slice, as
// Statement.clauseOff does, so that with resourceSet it keeps a
// Statement 32 bytes smaller (128 bytes, see Statement).
type actionSet struct {
	first *actionEntry // the first of n entries, nil for none
	n     int32
	not   bool // NotAction
}

// newActionSet returns the set of the given entries, which it keeps.
func newActionSet(entries []actionEntry, not bool) actionSet {
	if len(entries) == 0 {
		return actionSet{not: not}
	}
	return actionSet{first: &entries[0], n: entryCount(len(entries)), not: not}
}

// entries returns the entries of the element.
func (a *actionSet) entries() []actionEntry {
	if a.first == nil {
		return nil
	}
	return unsafe.Slice(a.first, a.n)
}

// entryCount returns n as the count of an actionSet or resourceSet. An
// element cannot hold 2^31 entries: their slab alone would take over 128
// GiB.
func entryCount(n int) int32 {
	if n > math.MaxInt32 {
		panic("policy: an element of more than 2^31-1 entries")
	}
	return int32(n)
}

// covers reports whether some entry matches the action.
func (a *actionSet) covers(q *prepared) bool {
	ents := a.entries()
	for i := range ents {
		if ents[i].match(q) {
			return true
		}
	}
	return false
}

// applies reports whether the action part of a statement holds for the
// prepared request, for Action and NotAction alike.
func (a *actionSet) applies(q *prepared) bool {
	return a.covers(q) != a.not
}

// namesServices reports whether the element names every service it can
// match: an Action (not NotAction) element without a "*" entry.
func (a *actionSet) namesServices() bool {
	if a.not || len(a.entries()) == 0 {
		return false
	}
	ents := a.entries()
	for i := range ents {
		if ents[i].isAny() {
			return false
		}
	}
	return true
}

// mayMatchService reports whether the action part can hold for some
// action of the lower-case service prefix svc: a NotAction element always
// may, an Action element when it has "*" or an entry for svc.
func (a *actionSet) mayMatchService(svc string) bool {
	if a.not {
		return true
	}
	ents := a.entries()
	for i := range ents {
		if e := &ents[i]; e.isAny() || e.service() == svc {
			return true
		}
	}
	return false
}

// anyService reports whether the action part can hold for an action of a
// service that no entry names: a NotAction element, or an Action element
// with "*".
func (a *actionSet) anyService() bool {
	if a.not {
		return true
	}
	ents := a.entries()
	for i := range ents {
		if ents[i].isAny() {
			return true
		}
	}
	return false
}

// actionBit is the bit of an action mask that stands for the lower-case
// action whose actionHash is h.
func actionBit(h uint64) uint64 { return 1 << (h & 63) }

// mask returns the action mask of the element: the actionBits of its
// literal entries, or all bits when an entry has a wildcard in the name
// or the element is NotAction. A request action whose bit is not in the
// mask matches no entry, since a literal entry only matches an action
// with its hash.
func (a *actionSet) mask() uint64 {
	if a.not {
		return ^uint64(0)
	}
	var m uint64
	ents := a.entries()
	for i := range ents {
		e := &ents[i]
		if !e.isLiteral() {
			return ^uint64(0)
		}
		m |= actionBit(e.hash)
	}
	return m
}
