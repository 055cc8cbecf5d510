package jsonsrc

import "strings"

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

	First    Member   // the earlier member the key repeats (DuplicateKey, FoldedKey)
	Near     string   // the known key an unknown key most likely means, "" for none
	CaseOnly bool     // Near differs from Key only in case
	Known    []string // the known keys (UnknownKey)

	Value Value  // the value of the wrong type (WrongType)
	Want  string // what was wanted, like "an object" (WrongType)
}

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
	if obj.Kind != Object {
		sink.Problem(&Problem{Kind: WrongType, Offset: obj.Index, At: at.String(), Value: obj, Want: "an object"})
		return out
	}
	var other []Member // unknown keys, for duplicate detection
	it := d.Items(obj)
next:
	for {
		k, v, ok := it.Next()
		if !ok {
			return out
		}
		key := d.Str(k)
		m := Member{Key: key, KeyIndex: k.Index, Value: v}
		for i, name := range known {
			if name != key {
				continue
			}
			if out[i].Value.Kind != Missing {
				sink.Problem(&Problem{Kind: DuplicateKey, Offset: k.Index, At: at.String(), Key: key, First: out[i]})
			} else {
				out[i] = m
			}
			continue next
		}
		for _, o := range other {
			if o.Key == key {
				sink.Problem(&Problem{Kind: DuplicateKey, Offset: k.Index, At: at.String(), Key: key, First: o})
				continue next
			}
		}
		other = append(other, m)
		near, caseOnly := Near(key, known)
		sink.Problem(&Problem{Kind: UnknownKey, Offset: k.Index, At: at.String(), Key: key, Near: near, CaseOnly: caseOnly, Known: known})
	}
}

// FreeMembers appends to dst the members of the object obj whose keys are
// data (condition keys, tags, context keys), leaving out and reporting
// repeated keys: exact repeats as [DuplicateKey] and, with foldCase,
// keys equal to an earlier one but for case as [FoldedKey]. An obj that is
// not an object is reported as [WrongType].
func (d *Doc) FreeMembers(obj Value, at *Path, foldCase bool, dst []Member, sink Sink) []Member {
	if obj.Kind != Object {
		sink.Problem(&Problem{Kind: WrongType, Offset: obj.Index, At: at.String(), Value: obj, Want: "an object"})
		return dst
	}
	start := len(dst)
	var seen map[string]int // folded (or exact) key to its index in dst, once the object is large
	it := d.Items(obj)
	for {
		k, v, ok := it.Next()
		if !ok {
			return dst
		}
		key := d.Str(k)
		look := key
		if foldCase {
			look = strings.ToLower(key)
		}
		first := -1
		if seen != nil {
			if j, ok := seen[look]; ok {
				first = j
			}
		} else {
			for j := start; j < len(dst); j++ {
				if dst[j].Key == key || foldCase && strings.EqualFold(dst[j].Key, key) {
					first = j
					break
				}
			}
		}
		if first >= 0 {
			kind := DuplicateKey
			if dst[first].Key != key {
				kind = FoldedKey
			}
			sink.Problem(&Problem{Kind: kind, Offset: k.Index, At: at.String(), Key: key, First: dst[first]})
			continue
		}
		dst = append(dst, Member{Key: key, KeyIndex: k.Index, Value: v})
		switch n := len(dst) - start; {
		case seen != nil:
			seen[look] = len(dst) - 1
		case n == linearMembers:
			// Large objects look keys up in a map, so that walking them
			// stays linear.
			seen = make(map[string]int, 2*n)
			for j := start; j < len(dst); j++ {
				l := dst[j].Key
				if foldCase {
					l = strings.ToLower(l)
				}
				seen[l] = j
			}
		}
	}
}

// linearMembers is the number of members up to which FreeMembers finds
// repeated keys by comparing with every earlier one.
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
			if distance(strings.ToLower(k), lk) <= 2 {
				return k, false
			}
		}
	}
	return "", false
}

// distance is the Levenshtein distance between a and b in bytes; it is
// only used on short key names.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
