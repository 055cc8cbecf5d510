package jsonsrc

import (
	"hash/maphash"
	"math/bits"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/editdist"
)

// ProblemKind says what a strict walk found wrong; see [Problem].
type ProblemKind uint8

// The problems a strict walk reports.
const (
	UnknownKey   ProblemKind = iota + 1 // a key that is not one of the known keys
	DuplicateKey                        // a key repeated in one object
	FoldedKey                           // a key equal to an earlier one but for case, where keys are case-insensitive
	WrongType                           // a value of another JSON type than the walk wants
)

// Problem is one finding of a strict walk, with what a reader needs to
// word it in its own vocabulary. Its path is text, formatted only when
// there is a problem, so that the walk's *Path values stay on the stack. Offsets are byte offsets into the
// document: [Doc.Pos] positions them.
type Problem struct {
	Kind   ProblemKind
	Offset int    // where: the key's opening quote, or the value for WrongType
	At     string // the path of the object (or, for WrongType, the value) the problem is in
	Key    string // the member's key (UnknownKey, DuplicateKey, FoldedKey)

	First    Member   // the earlier member the key repeats (DuplicateKey, FoldedKey): its Key and KeyIndex, and its Value for a known key
	Near     string   // the known key an unknown key most likely means, "" for none
	CaseOnly bool     // Near differs from Key only in case
	Known    []string // the known keys (UnknownKey)

	Value Value  // the value of the wrong type (WrongType)
	Want  string // what was wanted, like "an object" (WrongType)

	// More counts the problems after this one that a list of problems
	// (the *[]Problem of FieldsTo, FreeMembersTo, FreeItems and
	// FreeIter.Next) left out: it keeps at most diag.MaxErrors, and the
	// reader counts these as problems it does not keep (issue 15: an
	// object of 600,000 unknown keys held 600,000 problems). MoreOffset
	// is where the first of them is. A Sink is given every problem.
	More, MoreOffset int
}

// addProblem appends p to *probs, or, when *probs holds diag.MaxErrors
// problems, counts it in the last one's More.
func addProblem(probs *[]Problem, p Problem) {
	l := *probs
	if len(l) < diag.MaxErrors {
		*probs = append(l, p)
		return
	}
	last := &l[len(l)-1]
	if last.More == 0 {
		last.MoreOffset = p.Offset
	}
	last.More++
}

// reportTo hands p to sink as it is found or, without one, keeps it in
// *probs (see addProblem). The two are apart, not in one struct, so that
// a caller's slice stays on its stack.
func reportTo(sink Sink, probs *[]Problem, p Problem) {
	if sink != nil {
		sink.Problem(&p)
	} else {
		addProblem(probs, p)
	}
}

// pathText returns text, or at formatted when text is "": a walk formats
// its object's path once, for its first problem.
func pathText(at *Path, text string) string {
	if text == "" {
		return at.String()
	}
	return text
}

// full reports whether *probs holds diag.MaxErrors problems: a problem
// found now is only counted, so its text need not be made.
func full(probs *[]Problem) bool { return len(*probs) >= diag.MaxErrors }

// Path returns the path of the member (or value) the problem is about.
func (p *Problem) Path() string {
	if p.Kind == WrongType {
		return p.At
	}
	return Join(p.At, p.Key)
}

// Sink receives the problems a strict walk finds, in document order.
type Sink interface {
	Problem(*Problem)
}

// Fields reads the members of the object obj whose keys must be among
// known into out, which has one slot per known key (len(out) ==
// len(known)); a slot whose Value is Missing was not given. The first
// occurrence of each key is kept. Keys outside known are reported as
// [UnknownKey] with the known key they most likely mean, repeated keys as
// [DuplicateKey], and an obj that is not an object as [WrongType]. at is
// the path of obj. Fields allocates only to report problems.
func (d *Doc) Fields(obj Value, at *Path, known []string, out []Member, sink Sink) []Member {
	var ps []Problem
	out = d.fieldsTo(obj, at, known, out, &ps, sink, true)
	report(ps, sink)
	return out
}

// KnownFields is [Doc.Fields] for objects that may have keys outside
// known, such as AWS's outputs, which gain fields over time: other keys
// are skipped, not reported.
func (d *Doc) KnownFields(obj Value, at *Path, known []string, out []Member, sink Sink) []Member {
	var ps []Problem
	out = d.fieldsTo(obj, at, known, out, &ps, sink, false)
	report(ps, sink)
	return out
}

// report hands the problems to sink, in order.
func report(ps []Problem, sink Sink) {
	for i := range ps {
		sink.Problem(&ps[i])
	}
}

// FieldsTo is [Doc.Fields] appending the problems to *probs instead of
// handing them to a [Sink]: a reader that keeps its state on the stack
// passes a slice of its own, as a Sink (an interface) would move that
// state to the heap.
func (d *Doc) FieldsTo(obj Value, at *Path, known []string, out []Member, probs *[]Problem) []Member {
	return d.fieldsTo(obj, at, known, out, probs, nil, true)
}

// KnownKeys is a list of known keys (see [Doc.Fields]) with a table that
// finds a key's slot with one lookup: a reader that walks many objects
// of the same keys (the statements of a policy) makes it once, with
// [NewKnownKeys], and passes it to [Doc.FieldsToKnown].
type KnownKeys struct {
	// byText holds, by textHash, the only known key of 3 to
	// maxTextKey bytes with that hash, if any, as knownMembers reads
	// it from the text; first, as that walk reads it for every member.
	byText [knownSlots]knownText
	names  []string
	// slots holds, by knownHash of a key, the only known key of 1 to 16
	// bytes with that hash, if any, as keyBits reads it.
	slots [knownSlots]knownSlot
}

// knownSlot is an entry of KnownKeys.slots: the known key's length and
// its words (see keyBits), and 1 + its index; 0 for none, -1 when the
// key must be searched for (several known keys have its hash).
type knownSlot struct {
	slot   int32
	n      int32
	lo, hi uint64
}

// knownText is an entry of KnownKeys.byText: a known key as minified
// text and the usual pretty-printed text write it, quoted and followed
// by its colon (`"Sid":`, 6 to 16 bytes), which knownMembers compares
// with the 16 bytes of text from a key's opening quote, as two
// little-endian words, w0 and w1: the key is this one when
// (w0^lo)<<shift (which drops the bytes of w0 past the text) and
// (w1^hi)&mhi are zero. The zero knownText, for a slot of no known key
// or of several, matches no text of a valid document, as none has a NUL
// byte. A knownText is 32 bytes, so that it takes one cache line.
type knownText struct {
	lo, hi, mhi uint64
	slot        int32 // 1 + the key's index
	vo          uint8 // len(key)+3: the value's offset from the opening quote in minified text
	shift       uint8
}

// maxTextKey is the longest key KnownKeys.byText holds: quoted and with
// its colon, it is 16 bytes.
const maxTextKey = 13

// knownSlots is the size of a KnownKeys table: a power of two.
const knownSlots = 64

// NewKnownKeys returns the table of the known keys names, which it keeps
// (they must not be modified).
func NewKnownKeys(names []string) *KnownKeys {
	kk := &KnownKeys{names: names}
	for i, name := range names {
		if len(name) < 1 || len(name) > 16 {
			// Keys of its length are not in the table: they are
			// searched for (see find).
			continue
		}
		e := &kk.slots[knownHash(len(name), name[0])]
		if e.slot != 0 {
			e.slot = -1
			continue
		}
		lo, hi := keyBits(name)
		*e = knownSlot{slot: int32(i + 1), n: int32(len(name)), lo: lo, hi: hi}
	}
	var shared [knownSlots]bool // byText slots of several known keys
	for i, name := range names {
		if len(name) < 3 || len(name) > maxTextKey || strings.ContainsAny(name, "\"\\") {
			continue
		}
		h := textHash(name[0], (name + `"`)[3])
		if e := &kk.byText[h]; shared[h] || e.slot != 0 {
			*e, shared[h] = knownText{}, true
			continue
		}
		kk.byText[h] = newKnownText(i, name)
	}
	return kk
}

// newKnownText returns the byText entry of name, known key i.
func newKnownText(i int, name string) knownText {
	text := `"` + name + `":`
	var b [16]byte
	copy(b[:], text)
	var mhi uint64
	for j := 8; j < len(text); j++ {
		mhi |= 0xff << (8 * (j - 8))
	}
	shift := 0
	if len(text) < 8 {
		shift = 8 * (8 - len(text))
	}
	return knownText{lo: load64(string(b[:8]), 0), hi: load64(string(b[8:]), 0), mhi: mhi,
		slot: int32(i + 1), vo: uint8(len(text)), shift: uint8(shift)}
}

// textHash hashes a key by its first byte and the byte at offset 3 of its
// text, which is its closing quote for a key of 3 bytes; it tells apart
// the known keys of each object of a policy (Sid, NotAction, NotResource,
// ...). It is inlined.
func textHash(first, fourth byte) int {
	return (int(first)*7 + int(fourth)) & (knownSlots - 1)
}

// Names returns the known keys.
func (kk *KnownKeys) Names() []string { return kk.names }

// SetKeys sets the Key of each slot of out, which has one per known key,
// to its known key: [Doc.FieldsToKnown] leaves the keys as they are.
func (kk *KnownKeys) SetKeys(out []Member) {
	for i := range out {
		out[i].Key = kk.names[i]
	}
}

// knownHash hashes a non-empty key by its length n and first byte, which
// tell apart the known keys of the policy grammar (Action, Effect,
// NotAction, ...). It is inlined.
func knownHash(n int, first byte) int {
	return (n*5 + int(first)) & (knownSlots - 1)
}

// keyBits returns the bytes of a key of 1 to 16 bytes as two
// little-endian words, zero past its end: with its length, they are the
// key, as the words of the 16 bytes of text from its start are when
// masked to its length. It reads overlapping words
// from each end, or for keys of 1 to 3 bytes, the first, middle and last
// byte, shifted to their places.
func keyBits(key string) (lo, hi uint64) {
	switch n := len(key); {
	case n >= 8:
		return load64(key, 0), load64(key, n-8) >> (uint(16-n) * 8)
	case n >= 4:
		return uint64(le32(key, 0)) | uint64(le32(key, n-4))<<(uint(n-4)*8), 0
	}
	n := len(key)
	return uint64(key[0]) | uint64(key[n/2])<<(uint(n/2)*8) | uint64(key[n-1])<<(uint(n-1)*8), 0
}

// FieldsToKnown is [Doc.FieldsTo] for known keys given as a table (see
// [KnownKeys]), which finds each key's slot at once rather than by
// comparing it with the known keys in turn. It writes a slot's KeyIndex
// and Value, not its Key: the key of slot i is known.Names()[i], which a
// reader that walks many objects into one out sets once, with
// [KnownKeys.SetKeys]. A Key is a pointer, whose store into out costs a
// write barrier while the collector marks; a policy stored one per
// member of each statement.
func (d *Doc) FieldsToKnown(obj Value, at *Path, known *KnownKeys, out []Member, probs *[]Problem) []Member {
	it := d.Items(obj)
	last := len(known.names) - 1 // see fieldsFrom
	if obj.Kind == Object && d.quotes != nil {
		// The usual object is read by knownMembers alone, without the
		// frame of fieldsFrom.
		var done bool
		if last, done = d.knownMembers(&it, known, out, last); done {
			return out
		}
	}
	return d.fieldsFrom(&it, last, obj, at, known.names, known, out, probs, nil, true)
}

// fieldsTo is FieldsTo; with a sink, the problems go to it as they are
// found rather than into *probs, and without unknown, keys outside known
// are skipped. It has no table of known (see FieldsToKnown).
func (d *Doc) fieldsTo(obj Value, at *Path, known []string, out []Member, probs *[]Problem, sink Sink, unknownKeys bool) []Member {
	it := d.Items(obj)
	return d.fieldsFrom(&it, len(known)-1, obj, at, known, nil, out, probs, sink, unknownKeys)
}

// fieldsFrom is fieldsTo from the member of obj where it is on; last is
// the slot of the previous known key (len(known)-1 at the start): the
// search of the next one starts after it.
func (d *Doc) fieldsFrom(it *Iter, last int, obj Value, at *Path, known []string, table *KnownKeys, out []Member, probs *[]Problem, sink Sink, unknownKeys bool) []Member {
	if obj.Kind != Object {
		*probs = append(*probs, Problem{Kind: WrongType, Offset: obj.Index, At: at.String(), Value: obj, Want: "an object"})
		return out
	}
	var atText string   // at, formatted for the first problem
	var unknown *keySet // unknown keys, for duplicate detection; nil until one
	// A member whose value ends right before the closing brace is the
	// last: as in minified text, which then skips the call of Next that
	// finds the end. The caller has tried knownMembers at the start
	// (see FieldsToKnown); after each member read here, the loop tries
	// it again.
	for more, fast := true, false; more; fast = table != nil && d.quotes != nil {
		if fast {
			var done bool
			if last, done = d.knownMembers(it, table, out, last); done {
				return out
			}
		}
		keyAt, keyClose, v, ok := it.nextMember()
		if !ok {
			return out
		}
		more = v.End != obj.End-1
		var key string
		if keyClose >= 0 { // no escapes: the text between the quotes
			key = d.src[keyAt+1 : keyClose]
		} else {
			key = d.keyAt(keyAt)
		}
		// With a table, a key of 1 to 16 bytes is found with one lookup
		// and two comparisons of words, here rather than in a call: a
		// known key equal to it would have its length and hash, so it
		// is in its slot unless several known keys share the slot.
		i := -1
		if n := len(key); table != nil && n >= 1 && n <= 16 {
			e := &table.slots[knownHash(n, key[0])]
			if e.slot < 0 {
				i = findKnown(known, key, last)
			} else if e.slot > 0 && int(e.n) == n {
				if lo, hi := keyBits(key); lo == e.lo && hi == e.hi {
					i = int(e.slot - 1)
				}
			}
		} else {
			i = findKnown(known, key, last)
		}
		if i >= 0 {
			last = i
			switch {
			case out[i].Value.Kind != Missing:
				// First's Key is the known key, which with a table
				// out[i] may not hold.
				first := Member{Key: known[i], KeyIndex: out[i].KeyIndex, Value: out[i].Value}
				atText = pathText(at, atText)
				reportTo(sink, probs, Problem{Kind: DuplicateKey, Offset: keyAt, At: atText, Key: key, First: first})
			case table != nil: // see FieldsToKnown
				out[i].KeyIndex, out[i].Value = keyAt, v
			default:
				out[i] = Member{Key: key, KeyIndex: keyAt, Value: v}
			}
			continue
		}
		if unknown == nil {
			unknown = &keySet{d: d}
		} else if first, repeated := unknown.find(key); repeated {
			atText = pathText(at, atText)
			reportTo(sink, probs, Problem{Kind: DuplicateKey, Offset: keyAt, At: atText, Key: key, First: first})
			continue
		}
		unknown.add(key, keyAt)
		if !unknownKeys {
			continue
		}
		if sink == nil && full(probs) {
			reportTo(sink, probs, Problem{Kind: UnknownKey, Offset: keyAt})
			continue
		}
		near, caseOnly := Near(key, known)
		atText = pathText(at, atText)
		reportTo(sink, probs, Problem{Kind: UnknownKey, Offset: keyAt, At: atText, Key: key, Near: near, CaseOnly: caseOnly, Known: known})
	}
	return out
}

// knownMembers is the usual path of FieldsToKnown, in a document with
// the bitmap of closing quotes: it reads the members of its object into
// out while each is the first of a known key of 3 to maxTextKey bytes
// (see KnownKeys.byText) written `"key":`, with a string, object or
// array value; one loop with the walk's state in registers, rather than
// a call of nextMember and a lookup per member. It stops at the end of
// the object (done) or before the first member it leaves to fieldsFrom,
// which reads that one (and reports what is wrong with it). last is
// fieldsFrom's, the slot of the previous known key. it.n is not counted
// (fieldsFrom has no use for it).
//
// Its tests do not branch on what varies from member to member of
// minified text, which a branch predictor would miss: whether a comma
// precedes the key (the first member has none: it is added), or the
// value is a string or a container (both ends are found, and one is
// chosen). The key, its quotes and its colon are one comparison of two
// words.
func (d *Doc) knownMembers(it *Iter, table *KnownKeys, out []Member, last int) (_ int, done bool) {
	src, quotes, opens := d.src, d.quotes, d.opens
	// closes and after have the length of opens: resliced, the compiler
	// knows it, and checks an index of the three once.
	closes, after := d.closes[:len(opens)], d.after[:len(opens)]
	i, end, hint := it.i, it.end, int(it.hint)
	// The key's opening quote, in minified text: past the comma the
	// first member lacks.
	at := i + b2i(src[i] == ',')
	for {
		if src[at] != '"' {
			// White space, or the end of the object.
			if at = itemStartSpaced(src, i, end); at >= end {
				it.i = end
				return last, true
			}
		}
		// The key's entry, when the 16 bytes of text from its quote
		// start with a known key's text (see knownText); else the
		// member is left to fieldsFrom.
		if at+16 > len(src) {
			break
		}
		t := src[at : at+16]
		w0, w1 := load64(t, 0), load64(t, 8)
		e := &table.byText[textHash(byte(w0>>8), byte(w0>>32))]
		if (w0^e.lo)<<(e.shift&63)|(w1^e.hi)&e.mhi != 0 {
			break
		}
		slot := int(e.slot) - 1
		m := &out[slot]
		if m.Value.Kind != Missing {
			break // a repeated key, which fieldsFrom reports
		}
		// The value, right after the colon in minified text.
		vi := at + int(e.vo)
		c := src[vi]
		if c <= ' ' {
			vi = spaceTo(src, vi, end)
			c = src[vi]
		}
		// Where a string there ends, from the bitmap (see
		// closingQuote; w is 0 when it is further), and where a
		// container there ends, when it is the one the walk expects
		// (see Next): one of them is the value, unless it is a
		// number, a literal or a long string, left to fieldsFrom.
		// The hint is past the last container when none follows: the
		// last one is then not at vi, and opens[h] == vi tells a
		// container's index all the same. (opens is not empty: it
		// holds the object.)
		// The window is quoteWindow's read, written out: through the
		// helper this loop kept less in registers (about 1,000 more
		// instructions a W3 parse by callgrind).
		k, h := (vi+1)>>5, min(hint, len(opens)-1)
		if k+1 >= len(quotes) {
			break
		}
		w := (uint64(uint32(quotes[k])) | uint64(quotes[k+1])<<32) >> ((vi + 1) & 31)
		// Chosen with a mask rather than a branch.
		container := b2i(int(opens[h]) == vi)
		cm := -container
		vend := vi + 2 + bits.TrailingZeros64(w)
		vend ^= (vend ^ (int(closes[h]) + 1)) & cm
		next := hint ^ (hint^int(after[h]))&cm
		if (b2i(c == '"')&b2i(w != 0)|container)&b2i(vend <= end) == 0 {
			break
		}
		v := Value{Kind: Kind(c), Index: vi, End: vend, open: int32(plainString ^ (plainString^h)&cm)}
		m.KeyIndex, m.Value = at, v // not the Key: see FieldsToKnown
		last, i, hint = slot, v.End, next
		if i == end {
			// The last member, which ends right before the closing
			// brace in minified text.
			break
		}
		at = i + 1
	}
	it.i, it.hint = i, int32(hint)
	return last, i == end
}

// b2i returns 1 for true and 0 for false, which the compiler computes
// without a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PlainMembers appends the members of the object obj to dst, in one
// loop with the walk's state in registers rather than a call of
// [Iter.Next] and [Doc.Str] per member, for the usual small object of
// free keys (condition operators and keys): in a document with the
// bitmap of closing quotes (no string has an escape), when obj has at
// most cap(dst)-len(dst) members and each value is where the walk finds
// it without a search. Else it returns dst as it was and false, and the
// caller walks obj as before. Repeated keys are appended as they are.
func (d *Doc) PlainMembers(obj Value, dst []Member) ([]Member, bool) {
	start := len(dst)
	if d.quotes == nil || obj.Kind != Object {
		return dst, false
	}
	src := d.src
	i, end, hint := obj.Index+1, obj.End-1, int(obj.open)+1
	for n := start; ; n++ {
		// The key, past the comma the first member lacks; at the end,
		// the closing brace (src[end]).
		at := i
		if src[at] == ',' {
			at++
		}
		if src[at] != '"' {
			if at = itemStartSpaced(src, at, end); at >= end {
				return dst, true
			}
			if src[at] != '"' {
				break
			}
		}
		if n == cap(dst) {
			break
		}
		kc := closingQuote(d.quotes, at)
		if kc <= at {
			if kc = closingQuoteFar(d.quotes, at); kc <= at {
				break
			}
		}
		// The value, right after the colon in minified text.
		vi := kc + 2
		if vi >= end || src[vi-1] != ':' || src[vi] <= ' ' {
			if vi = valueStartSpaced(src, kc+1, end); vi >= end {
				break
			}
		}
		v := Value{Kind: Kind(src[vi]), Index: vi}
		if v.Kind == String {
			q := closingQuote(d.quotes, vi)
			if q <= vi {
				if q = closingQuoteFar(d.quotes, vi); q <= vi {
					break
				}
			}
			v.End, v.open = q+1, plainString
		} else if (v.Kind == Object || v.Kind == Array) && hint >= 0 && hint < len(d.opens) && int(d.opens[hint]) == vi {
			v.End, v.open = int(d.closes[hint])+1, int32(hint)
			hint = int(d.after[hint])
		} else {
			// A number or literal (which takes no hint), or a container
			// the walk did not expect.
			h := int32(-1)
			if v = d.valueAt(vi, &h); v.Kind == Object || v.Kind == Array {
				break
			}
		}
		if v.End > end {
			break
		}
		// Field by field: a Member literal is built on the stack and
		// copied.
		dst = dst[:n+1]
		m := &dst[n]
		m.Key, m.KeyIndex, m.Value = src[at+1:kc], at, v
		if v.End == end {
			// The last member, which ends right before the closing
			// brace in minified text.
			return dst, true
		}
		i = v.End
	}
	return dst[:start], false
}

// findKnown returns the index of key in known, or -1. Members are
// mostly written in the order of known (Sid, Effect, Action, Resource),
// so the search starts after the previous member's slot, last, and
// wraps around.
func findKnown(known []string, key string, last int) int {
	for j := range known {
		i := last + 1 + j
		if i >= len(known) {
			i -= len(known)
		}
		// Known keys of one length mostly differ in their first byte
		// (Action, Effect): compare it before the whole key.
		name := known[i]
		if len(name) != len(key) || len(key) != 0 && name[0] != key[0] {
			continue
		}
		if sameKey(name, key) {
			return i
		}
	}
	return -1
}

// sameKey reports whether name and key, of the same length, are equal.
// Keys of up to 16 bytes (those of policy elements) are compared inline,
// those of 4 to 16 bytes as two overlapping words from each end, rather
// than by a call of the runtime's memequal.
func sameKey(name, key string) bool {
	n := len(key)
	if len(name) != n {
		return false
	}
	switch {
	case n >= 8 && n <= 16:
		return load64(name, 0) == load64(key, 0) && load64(name, n-8) == load64(key, n-8)
	case n >= 4 && n < 8:
		return le32(name, 0) == le32(key, 0) && le32(name, n-4) == le32(key, n-4)
	case n < 4:
		return (n < 1 || name[0] == key[0]) && (n < 2 || name[1] == key[1]) && (n < 3 || name[2] == key[2])
	}
	return name == key
}

// le32 returns the four bytes of s at i as a little-endian word, which
// the compiler reads with one load.
func le32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// FreeMembers appends to dst the members of the object obj whose keys are
// data (condition keys, tags, context keys), leaving out and reporting
// repeated keys: exact repeats as [DuplicateKey] and, with foldCase,
// keys equal to an earlier one but for case as [FoldedKey]. An obj that is
// not an object is reported as [WrongType].
func (d *Doc) FreeMembers(obj Value, at *Path, foldCase bool, dst []Member, sink Sink) []Member {
	var ps []Problem
	dst = d.FreeMembersTo(obj, at, foldCase, dst, &ps)
	report(ps, sink)
	return dst
}

// FreeMembersTo is [Doc.FreeMembers] appending the problems to *probs;
// see [Doc.FieldsTo]. While an object has at most linearMembers distinct
// keys, a key is compared with the members already appended to dst, as a
// [FreeIter] would compare it with its own copies of them, so that the
// usual small object (condition operators) costs no FreeIter (about 500
// bytes to clear); past that, or with foldCase, a FreeIter takes over.
func (d *Doc) FreeMembersTo(obj Value, at *Path, foldCase bool, dst []Member, probs *[]Problem) []Member {
	start := len(dst)
	it := d.Items(obj)
	for obj.Kind == Object && !foldCase {
		if len(dst)-start == linearMembers {
			return d.freeMembersFrom(it, dst, start, at, probs)
		}
		k, v, ok := it.Next()
		if !ok {
			return dst
		}
		var key string
		if k.open == plainString { // no escapes (see Iter.Next): the text between the quotes
			key = d.src[k.Index+1 : k.End-1]
		} else {
			key = d.Str(k)
		}
		first := -1
		for j := start; j < len(dst); j++ {
			if dst[j].Key == key {
				first = j
				break
			}
		}
		if first < 0 {
			dst = append(dst, Member{Key: key, KeyIndex: k.Index, Value: v})
			continue
		}
		// As FreeIter.Next reports it: the earlier member's Key and
		// KeyIndex, not its Value.
		if full(probs) {
			addProblem(probs, Problem{Kind: DuplicateKey, Offset: k.Index})
		} else {
			addProblem(probs, Problem{Kind: DuplicateKey, Offset: k.Index, At: at.String(), Key: key,
				First: Member{Key: dst[first].Key, KeyIndex: dst[first].KeyIndex}})
		}
	}
	var f FreeIter
	d.StartFreeItems(&f, obj, at, foldCase, probs)
	return d.freeMembersOf(&f, dst, at, probs)
}

// freeMembersFrom is FreeMembersTo (without foldCase) from it on, the
// object's distinct keys so far being those of dst[start:]: a FreeIter
// that has seen them takes over.
func (d *Doc) freeMembersFrom(it Iter, dst []Member, start int, at *Path, probs *[]Problem) []Member {
	var f FreeIter
	f.seen.d = d
	for _, m := range dst[start:] {
		f.seen.add(m.Key, m.KeyIndex)
	}
	f.it = it
	return d.freeMembersOf(&f, dst, at, probs)
}

// freeMembersOf appends to dst the members f walks.
func (d *Doc) freeMembersOf(f *FreeIter, dst []Member, at *Path, probs *[]Problem) []Member {
	for {
		m, ok := f.Next(at, probs)
		if !ok {
			return dst
		}
		dst = append(dst, m)
	}
}

// FreeIter walks the members of an object whose keys are data, as
// [Doc.FreeMembers] reads them, without collecting them: a condition of
// 100,000 keys is compiled key by key rather than from a slice of them
// (issue 15). Make one with [Doc.FreeItems].
type FreeIter struct {
	it   Iter
	seen keySet
}

// FreeItems starts a walk over the members of obj whose keys are data:
// [FreeIter.Next] leaves out repeated keys, reporting a [DuplicateKey]
// or, with foldCase, a [FoldedKey] problem for each, whose First has the
// earlier member's Key and KeyIndex (not its Value). An obj that is not
// an object is reported in *probs as [WrongType] and has no members.
func (d *Doc) FreeItems(obj Value, at *Path, foldCase bool, probs *[]Problem) FreeIter {
	var f FreeIter
	d.StartFreeItems(&f, obj, at, foldCase, probs)
	return f
}

// StartFreeItems is [Doc.FreeItems] into *f, which may hold an earlier
// walk: a reader that walks many objects reuses one FreeIter rather than
// copying a new one (about 500 bytes) for each.
func (d *Doc) StartFreeItems(f *FreeIter, obj Value, at *Path, foldCase bool, probs *[]Problem) {
	f.seen.d, f.seen.fold, f.seen.n, f.seen.table, f.seen.used = d, foldCase, 0, nil, 0
	if obj.Kind != Object {
		addProblem(probs, Problem{Kind: WrongType, Offset: obj.Index, At: at.String(), Value: obj, Want: "an object"})
		f.it = Iter{d: d}
		return
	}
	f.it = d.Items(obj)
}

// Clear empties f of what it holds of the document it walked last (its
// keys), so that a FreeIter kept for reuse keeps no document alive. A
// FreeIter not started since it was last cleared is left as it is,
// which spares clearing its 500 bytes of pointers (with a write barrier
// each while the collector marks) when no walk used it.
func (f *FreeIter) Clear() {
	if f.it.d != nil || f.seen.d != nil {
		*f = FreeIter{}
	}
}

// Next returns the next member whose key has not been seen before,
// appending to *probs a problem for each repeated key it leaves out; at is
// the path of the object. ok is false at the end. The problems are not
// kept in f, so that a caller's slice of them can stay on its stack.
func (f *FreeIter) Next(at *Path, probs *[]Problem) (m Member, ok bool) {
	d := f.it.d
	for {
		k, v, more := f.it.Next()
		if !more {
			return Member{}, false
		}
		var key string
		if k.open == plainString { // no escapes (see Iter.Next): the text between the quotes
			key = d.src[k.Index+1 : k.End-1]
		} else {
			key = d.Str(k)
		}
		if first, repeated := f.seen.find(key); repeated {
			kind := DuplicateKey
			if first.Key != key {
				kind = FoldedKey
			}
			if full(probs) {
				addProblem(probs, Problem{Kind: kind, Offset: k.Index})
			} else {
				addProblem(probs, Problem{Kind: kind, Offset: k.Index, At: at.String(), Key: key, First: first})
			}
			continue
		}
		if f.seen.table == nil && f.seen.n == len(f.seen.small) {
			// The set leaves its linear phase: its table is sized once
			// for every member left rather than doubled as it fills
			// (issue 15: an object of 100,000 keys allocated 2 MB of
			// tables that way, 1 MB this way).
			rest, left := f.it, 1
			for {
				if _, _, more := rest.Next(); !more {
					break
				}
				left++
			}
			f.seen.startTable(f.seen.n + left)
		}
		f.seen.add(key, k.Index)
		return Member{Key: key, KeyIndex: k.Index, Value: v}, true
	}
}

// keySet finds the repeated keys of one object in linear time: it
// compares a new key with the first linearMembers keys one by one, and
// looks it up in a hash table of them past that, so that an object of
// 80,000 keys is not compared pair by pair. Past linearMembers it keeps
// neither the keys nor the members: a table entry is 8 bytes, the key's
// hash and its offset, and a key is read back from the document to
// confirm a match. An object of 100,000 keys took 4.6 MB in a Go map of
// hashes, 2 MB this way (issue 15).
type keySet struct {
	d     *Doc
	fold  bool // keys equal but for case are the same key
	n     int  // keys in small
	small [linearMembers]seenKey
	seed  maphash.Seed
	// table is an open-addressing table (linear probing) of the keys
	// past linearMembers, at most seven eighths full. An entry is a key's
	// tag (the top bits of its hash, lower-cased with fold) above
	// offBits bits holding the offset of its first occurrence plus one;
	// 0 is an empty slot. A slot's place comes from the tag, so the
	// table grows without hashing the keys again.
	table   []uint64
	used    int
	offBits uint
}

// seenKey is a key a keySet holds and the offset of its opening quote.
type seenKey struct {
	key   string
	index int
}

// find returns the earlier member (Key and KeyIndex) whose key is key.
func (x *keySet) find(key string) (Member, bool) {
	if x.table != nil {
		i, found := x.probe(x.tag(key), key)
		if !found {
			return Member{}, false
		}
		index := int(x.table[i]&(1<<x.offBits-1)) - 1
		return Member{Key: x.d.keyAt(index), KeyIndex: index}, true
	}
	for _, s := range x.small[:x.n] {
		if s.key == key || x.fold && strings.EqualFold(s.key, key) {
			return Member{Key: s.key, KeyIndex: s.index}, true
		}
	}
	return Member{}, false
}

// add records a key not seen before, at offset index.
func (x *keySet) add(key string, index int) {
	if x.table == nil {
		if x.n < len(x.small) {
			x.small[x.n] = seenKey{key, index}
			x.n++
			return
		}
		x.startTable(4 * len(x.small))
	}
	x.put(key, index)
}

// startTable moves the keys of the linear phase into a table with room
// for n keys (it grows past them).
func (x *keySet) startTable(n int) {
	x.seed = maphash.MakeSeed()
	x.offBits = uint(bits.Len(uint(len(x.d.src)) + 1))
	size := 2 * len(x.small)
	for size*7 < n*8 { // at most seven eighths full
		size *= 2
	}
	x.table = make([]uint64, size)
	for _, s := range x.small[:x.n] {
		x.put(s.key, s.index)
	}
}

// put enters a key not seen before in the table.
func (x *keySet) put(key string, index int) {
	if (x.used+1)*8 > len(x.table)*7 {
		x.grow()
	}
	tag := x.tag(key)
	i, _ := x.probe(tag, key)
	x.table[i] = tag<<x.offBits | uint64(index+1)
	x.used++
}

// grow doubles the table.
func (x *keySet) grow() {
	old := x.table
	x.table = make([]uint64, 2*len(old))
	mask := uint64(len(x.table) - 1)
	for _, e := range old {
		if e == 0 {
			continue
		}
		i := e >> x.offBits & mask
		for x.table[i] != 0 {
			i = (i + 1) & mask
		}
		x.table[i] = e
	}
}

// tag is the part of a key's entry that comes from its hash: the hash of
// the key lower-cased with fold, which an ASCII key of up to maxFoldBuf
// bytes is without a copy.
func (x *keySet) tag(key string) uint64 {
	var h uint64
	switch {
	case !x.fold:
		h = maphash.String(x.seed, key)
	case len(key) <= maxFoldBuf && isASCII(key):
		var buf [maxFoldBuf]byte
		for i := 0; i < len(key); i++ {
			c := key[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		h = maphash.Bytes(x.seed, buf[:len(key)])
	default:
		h = maphash.String(x.seed, strings.ToLower(key))
	}
	return h >> x.offBits
}

// maxFoldBuf is the longest key keySet.tag lower-cases on the stack.
const maxFoldBuf = 128

// probe returns the slot holding key (compared as same does), whose tag
// is tag, or the empty slot where it would go.
func (x *keySet) probe(tag uint64, key string) (int, bool) {
	mask := uint64(len(x.table) - 1)
	for i := tag & mask; ; i = (i + 1) & mask {
		e := x.table[i]
		if e == 0 {
			return int(i), false
		}
		if e>>x.offBits == tag && x.same(x.d.keyAt(int(e&(1<<x.offBits-1))-1), key) {
			return int(i), true
		}
	}
}

// same reports whether the table takes keys a and b for one key: equal,
// or with fold equal lower-cased (for ASCII keys, equal ignoring ASCII
// case, which is the same without the copies).
func (x *keySet) same(a, b string) bool {
	switch {
	case a == b:
		return true
	case !x.fold:
		return false
	case isASCII(a) && isASCII(b):
		return len(a) == len(b) && strings.EqualFold(a, b)
	}
	// Lower-cased, not strings.EqualFold, which folds more ("ſ" is "s"):
	// keys the table takes for one must hash alike (see tag).
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return la == lb
}

// linearMembers is the number of members up to which repeated keys are
// found by comparing with every earlier one.
const linearMembers = 16

// Near returns the known key that key most likely means: one equal but
// for case (caseOnly), else, for keys longer than three bytes, one within
// two edits ignoring case; "" when none is close.
func Near(key string, known []string) (near string, caseOnly bool) {
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return k, true
		}
	}
	if len(key) > 3 {
		lk := strings.ToLower(key)
		for _, k := range known {
			if editdist.Distance(strings.ToLower(k), lk, 3) <= 2 {
				return k, false
			}
		}
	}
	return "", false
}
