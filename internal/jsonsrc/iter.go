package jsonsrc

import "math/bits"

// Root returns the top-level value.
func (d *Doc) Root() Value { return d.root }

// ValueAt returns the value that starts at byte offset i of the document
// (after white space), such as one a reader found earlier and kept only
// the offset of. i must be where a value starts.
func (d *Doc) ValueAt(i int) Value {
	var hint int32 = -1
	return d.valueAt(i, &hint)
}

// valueAt returns the value that starts at offset i (after white space).
// hint is the index in d.opens where the search for a container's bracket
// starts; it is advanced past the bracket found and its contents.
func (d *Doc) valueAt(i int, hint *int32) Value {
	i = skipSpace(d.src, i)
	if i >= len(d.src) {
		return Value{Index: i, End: i}
	}
	v := Value{Kind: Kind(d.src[i]), Index: i, open: -1}
	switch v.Kind {
	case Object, Array:
		v.End, v.open = d.skipContainer(i, hint)
	case String:
		var plain bool
		if v.End, plain = d.endString(i); plain {
			v.open = plainString
		}
	case True, False, Null:
		v.End = d.skipWord(i)
	default:
		v.Kind = Number
		v.End = d.skipWord(i)
	}
	return v
}

// keyAt returns the text of the string whose opening quote is at offset
// i, a key an iterator has returned before.
func (d *Doc) keyAt(i int) string {
	end, plain := d.endString(i)
	if plain {
		return d.src[i+1 : end-1]
	}
	return d.Str(Value{Kind: String, Index: i, End: end, open: -1})
}

// endString returns the offset just past the (validated) string at i and
// whether it has no escapes (its content is the text between its quotes).
func (d *Doc) endString(i int) (end int, plain bool) {
	if d.quotes != nil {
		if j := closingQuoteFar(d.quotes, i); j > i {
			return j + 1, true
		}
	}
	src := d.src
	plain = true
	for i++; i < len(src); i += 2 {
		i = nextQuoteOrBackslash(src, i)
		if i >= len(src) {
			break
		}
		if src[i] == '"' {
			return i + 1, plain
		}
		// A backslash: the validated escape's second byte is neither a
		// closing quote nor the start of an escape, and the rest of a
		// \u escape is hexadecimal digits.
		plain = false
	}
	return len(src), plain
}

// closingQuote returns the offset of the quote that closes the string
// whose opening quote is at i, from quotes, the bitmap of closing quotes
// (see brackets.quotes), when it is among the next 32 bytes or so; else
// -1 (see closingQuoteFar). Such strings cost one 64-bit window of the
// bitmap and no loop, whatever their content. It is inlined.
func closingQuote(quotes []int32, i int) int {
	if w, ok := quoteWindow(quotes, i); ok && w != 0 {
		return i + 1 + bits.TrailingZeros64(w)
	}
	return -1
}

// quoteWindow returns the window of the bitmap of closing quotes that
// starts at offset i+1 (bit 0), at least 32 bits of it, and false when
// the bitmap ends before a window there: closingQuote's read, for walks
// that test what the window holds together with other things.
func quoteWindow(quotes []int32, i int) (uint64, bool) {
	k := (i + 1) >> 5
	if k+1 >= len(quotes) || k < 0 {
		return 0, false
	}
	// The high word's sign extension falls off the top.
	return (uint64(uint32(quotes[k])) | uint64(quotes[k+1])<<32) >> ((i + 1) & 31), true
}

// closingQuoteFar is closingQuote for strings of any length, reading the
// bitmap a word at a time.
func closingQuoteFar(quotes []int32, i int) int {
	i++
	k := i >> 5
	if k >= len(quotes) || i < 0 {
		return -1
	}
	if w := uint32(quotes[k]) >> (i & 31); w != 0 {
		return i + bits.TrailingZeros32(w)
	}
	for k++; k < len(quotes); k++ {
		if w := uint32(quotes[k]); w != 0 {
			return k<<5 + bits.TrailingZeros32(w)
		}
	}
	return -1
}

// nextQuoteOrBackslash returns the offset of the first '"' or '\\' of s
// at or after i, or len(s), reading eight bytes at a time.
func nextQuoteOrBackslash(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := quoteOrBackslashBytes(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			return i
		}
	}
	return len(s)
}

// quoteOrBackslashBytes returns a word whose lowest set bit is the top
// bit of the first byte of w (little-endian) that is '"' or '\\'; 0 when
// there is none. Bits above the lowest may be spurious (borrows), which
// callers do not look at. It is inlined (see [specialBytes]).
func quoteOrBackslashBytes(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, b := w^(ones*'"'), w^(ones*'\\')
	return ((q-ones)&^q | (b-ones)&^b) & highs
}

// skipWord returns the offset just past a number or literal at i.
func (d *Doc) skipWord(i int) int {
	for i < len(d.src) {
		switch d.src[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r', ':':
			return i
		}
		i++
	}
	return i
}

// skipContainer returns the offset just past the object or array at i
// and the index of its bracket in d.opens (-1 without an index), looking
// it up from *hint.
func (d *Doc) skipContainer(i int, hint *int32) (int, int32) {
	if d.opens == nil {
		// Too long for the bracket index (see maxSource), or released
		// (see Release): scan for the end.
		return d.scanContainer(i), -1
	}
	k := int(*hint)
	if k < 0 || k >= len(d.opens) || int(d.opens[k]) != i {
		// Lookups mostly move forward: try the next one, then search.
		if k+1 < len(d.opens) && k+1 >= 0 && int(d.opens[k+1]) == i {
			k++
		} else {
			lo, hi := 0, len(d.opens)
			for lo < hi {
				m := int(uint(lo+hi) >> 1)
				if int(d.opens[m]) < i {
					lo = m + 1
				} else {
					hi = m
				}
			}
			if lo == len(d.opens) || int(d.opens[lo]) != i {
				return len(d.src), -1
			}
			k = lo
		}
	}
	// The next container of the walk is the first one after this
	// one's contents.
	*hint = d.after[k]
	if c := int(d.closes[k]); c > i {
		return c + 1, int32(k)
	}
	return len(d.src), int32(k)
}

// scanContainer returns the offset just past the (validated) object or
// array at i, counting brackets outside strings.
func (d *Doc) scanContainer(i int) int {
	src := d.src
	depth := 0
	for ; i < len(src); i++ {
		switch src[i] {
		case '"':
			end, _ := d.endString(i)
			i = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// Iter walks the members of an object or the elements of an array; see
// [Doc.Items]. It allocates nothing.
type Iter struct {
	d    *Doc
	i    int   // where to continue
	end  int   // offset of the closing bracket
	obj  bool  // an object: members have keys
	hint int32 // see valueAt
	n    int   // items returned so far
}

// Items starts a walk over the object or array v; for other kinds the
// walk is empty.
func (d *Doc) Items(v Value) Iter {
	if v.Kind != Object && v.Kind != Array {
		return Iter{d: d}
	}
	return Iter{d: d, i: v.Index + 1, end: v.End - 1, obj: v.Kind == Object, hint: v.open + 1}
}

// Next returns the next item: for objects the key (a [String] value, see
// [Doc.Str]) and the value, for arrays the element and a [Missing] key.
// ok is false at the end.
func (it *Iter) Next() (key, val Value, ok bool) {
	d := it.d
	if d == nil {
		return Value{}, Value{}, false
	}
	src, quotes := d.src, d.quotes
	// Between items: white space, a comma, white space; minified text
	// has only the comma, which is tested first.
	i := it.i
	i += b2i(src[i] == ',') // see NextString
	if src[i] <= ' ' {
		i = itemStartSpaced(src, i, it.end)
	}
	if i >= it.end {
		it.i = it.end
		return Value{}, Value{}, false
	}
	if it.obj {
		if src[i] != '"' {
			it.i = it.end
			return Value{}, Value{}, false
		}
		key = Value{Kind: String, Index: i, open: -1}
		// Where the key ends is in the bitmap of closing quotes (see
		// closingQuote) when no string of the document has an escape;
		// else most keys still have none, and their closing quote is
		// the first quote or backslash, found here without a call (see
		// endString; near the end of src the loop may stop at another
		// byte).
		if quotes != nil {
			if j := closingQuote(quotes, i); j > i {
				key.End, key.open = j+1, plainString
			}
		} else {
			j := i + 1
			for ; j+8 <= len(src); j += 8 {
				if m := quoteOrBackslashBytes(load64(src, j)); m != 0 {
					j += bits.TrailingZeros64(m) / 8
					break
				}
			}
			if j < len(src) && src[j] == '"' {
				key.End, key.open = j+1, plainString
			}
		}
		if key.End == 0 {
			var plain bool
			if key.End, plain = d.endString(i); plain {
				key.open = plainString
			}
		}
		// The colon, then the value: in minified text right after
		// the key.
		if i = key.End; i+1 < len(src) && src[i] == ':' && src[i+1] > ' ' {
			i++
		} else {
			i = valueStartSpaced(src, i, it.end)
		}
	}
	if i < len(src) && src[i] == '"' {
		// A string value, likewise.
		j := -1
		if quotes != nil {
			j = closingQuote(quotes, i)
		} else {
			for j = i + 1; j+8 <= len(src); j += 8 {
				if m := quoteOrBackslashBytes(load64(src, j)); m != 0 {
					j += bits.TrailingZeros64(m) / 8
					break
				}
			}
			if j >= len(src) || src[j] != '"' {
				j = -1
			}
		}
		if j > i {
			val = Value{Kind: String, Index: i, End: j + 1, open: plainString}
		} else {
			val = d.valueAt(i, &it.hint)
		}
	} else if k := int(it.hint); i < len(src) && (src[i] == '{' || src[i] == '[') && k >= 0 && k < len(d.opens) && int(d.opens[k]) == i {
		// A container where the walk expects the next one: its end is
		// in the bracket index (see skipContainer), read here without
		// a call.
		val = Value{Kind: Kind(src[i]), Index: i, End: int(d.closes[k]) + 1, open: int32(k)}
		it.hint = d.after[k]
	} else {
		val = d.valueAt(i, &it.hint)
	}
	if val.End <= i || val.End > it.end {
		it.i = it.end
		return Value{}, Value{}, false
	}
	it.i = val.End
	it.n++
	return key, val, true
}

// NextElem is [Iter.Next] for the elements of an array, returning the
// element alone (and for an object, the value of the next member). An
// array's walk has no keys, so it is a shorter path than Next's: it
// returns one Value rather than two and keeps its state in registers,
// which halves the cost of a step through a list of strings.
func (it *Iter) NextElem() (Value, bool) {
	d := it.d
	if d == nil || it.obj {
		_, v, ok := it.Next()
		return v, ok
	}
	src := d.src
	// Between items as in Next: a comma, in minified text without
	// white space around it.
	i := it.i
	i += b2i(src[i] == ',') // see NextString
	if src[i] <= ' ' {
		i = itemStartSpaced(src, i, it.end)
	}
	if i >= it.end || i >= len(src) {
		it.i = it.end
		return Value{}, false
	}
	var val Value
	c := src[i]
	if j := -1; c == '"' {
		// A string whose end is in the bitmap of closing quotes (see
		// closingQuote); valueAt finds the end of the others.
		if d.quotes != nil {
			j = closingQuote(d.quotes, i)
		}
		if j > i {
			val = Value{Kind: String, Index: i, End: j + 1, open: plainString}
		} else {
			val = d.valueAt(i, &it.hint)
		}
	} else if k := int(it.hint); (c == '{' || c == '[') && k >= 0 && k < len(d.opens) && int(d.opens[k]) == i {
		// A container where the walk expects the next one (see Next).
		val = Value{Kind: Kind(c), Index: i, End: int(d.closes[k]) + 1, open: int32(k)}
		it.hint = d.after[k]
	} else {
		val = d.valueAt(i, &it.hint)
	}
	if val.End <= i || val.End > it.end {
		it.i = it.end
		return Value{}, false
	}
	it.i = val.End
	it.n++
	return val, true
}

// NextString is [Iter.NextElem] for the arrays of strings of a document
// with the bitmap of closing quotes (see closingQuote): when the next
// element is a string, it returns its text (the text between its quotes,
// as no string has an escape), the offset of its opening quote and true,
// rather than a Value the caller would read with [Doc.Str]. At the end,
// at an element of another kind, or in another document, it returns
// false and leaves the walk where it was, for NextElem.
func (it *Iter) NextString() (s string, at int, ok bool) {
	d := it.d
	if d == nil || it.obj || d.quotes == nil {
		return "", 0, false
	}
	// Past the comma the first element lacks, added rather than
	// branched on; i is at most it.end, the closing bracket.
	src, quotes, i, end := d.src, d.quotes, it.i, it.end
	i += b2i(src[i] == ',')
	c := src[i]
	if c <= ' ' {
		i = itemStartSpaced(src, i, end)
		c = src[i]
	}
	// The element is a string when it starts with a quote whose closing
	// quote is in the bitmap's window (w is 0 without one), before the
	// end: one test of the three.
	w, _ := quoteWindow(quotes, i)
	j := i + 1 + bits.TrailingZeros64(w)
	if b2i(c == '"')&b2i(w != 0)&b2i(j < end) == 0 {
		return "", 0, false
	}
	it.i = j + 1
	it.n++
	return src[i+1 : j], i, true
}

// SingleString returns the text of the array arr when it is written as
// one string without escapes and without white space (["10.1.0.0/16"]),
// as most condition values are, read without an iterator: the array is
// valid JSON, so a string whose closing quote is right before the
// closing bracket is its one element. For any other value it reports
// false.
func (d *Doc) SingleString(arr Value) (string, bool) {
	src, i, j := d.src, arr.Index, arr.End
	if arr.Kind != Array || i < 0 || j-i < len(`[""]`) || j > len(src) || src[i+1] != '"' || src[j-2] != '"' {
		return "", false
	}
	// The string's closing quote, from the bitmap of closing quotes
	// (see closingQuote), else the first quote or backslash after its
	// opening quote: a backslash is an escape.
	var q int
	if d.quotes != nil {
		if q = closingQuote(d.quotes, i+1); q < 0 {
			q = closingQuoteFar(d.quotes, i+1)
		}
	} else {
		q = nextQuoteOrBackslash(src, i+2)
	}
	if q != j-2 {
		return "", false
	}
	return src[i+2 : j-2], true
}

// nextMember is Next for the members of an object, for fieldsFrom: the key
// as the offset of its opening quote and, for a key without escapes, of
// its closing quote (else -1). In a document with the bitmap of closing
// quotes it is a shorter path than Next's, which returns the key as a
// second Value; other documents, and anything unusual, take Next's.
func (it *Iter) nextMember() (keyAt, keyClose int, val Value, ok bool) {
	d := it.d
	if d == nil || !it.obj || d.quotes == nil {
		return it.nextMemberSlow()
	}
	src, quotes := d.src, d.quotes
	i := it.i
	i += b2i(src[i] == ',') // see NextString
	if src[i] <= ' ' {
		i = itemStartSpaced(src, i, it.end)
	}
	if i >= it.end || src[i] != '"' {
		return it.nextMemberSlow()
	}
	keyAt = i
	if keyClose = closingQuote(quotes, i); keyClose <= i {
		return it.nextMemberSlow()
	}
	// The colon, then the value: in minified text right after the key.
	if i = keyClose + 1; i+1 < len(src) && src[i] == ':' && src[i+1] > ' ' {
		i++
	} else {
		i = valueStartSpaced(src, i, it.end)
	}
	if i >= it.end {
		return it.nextMemberSlow()
	}
	if c := src[i]; c == '"' {
		j := closingQuote(quotes, i)
		if j <= i {
			return it.nextMemberSlow()
		}
		val = Value{Kind: String, Index: i, End: j + 1, open: plainString}
	} else if k := int(it.hint); (c == '{' || c == '[') && k >= 0 && k < len(d.opens) && int(d.opens[k]) == i {
		// A container where the walk expects the next one (see Next).
		val = Value{Kind: Kind(c), Index: i, End: int(d.closes[k]) + 1, open: int32(k)}
		it.hint = d.after[k]
	} else {
		return it.nextMemberSlow()
	}
	if val.End > it.end {
		return it.nextMemberSlow()
	}
	it.i = val.End
	it.n++
	return keyAt, keyClose, val, true
}

// nextMemberSlow is nextMember by way of Next: the iterator is where it
// was when nextMember began.
func (it *Iter) nextMemberSlow() (keyAt, keyClose int, val Value, ok bool) {
	k, v, ok := it.Next()
	keyClose = -1
	if k.open == plainString {
		keyClose = k.End - 1
	}
	return k.Index, keyClose, v, ok
}

// Index returns the array index (or member number) of the item Next
// returned last.
func (it *Iter) Index() int { return it.n - 1 }

// Count returns the number of items of the object or array v.
func (d *Doc) Count(v Value) int {
	n := 0
	for it := d.Items(v); ; n++ {
		if _, ok := it.NextElem(); !ok {
			return n
		}
	}
}

// Containers returns the number of objects and arrays directly inside
// the object or array v, read from the bracket index by following its
// after links from one child container to the next, without reading the
// text between them; ok is false when v has no index (a document too long
// for one, or released: see [Doc.Release]), and the caller counts with
// [Doc.Count]. A reader that sizes a slice for the containers of an array
// (the statements of a policy) pays one load per container rather than a
// walk of every item.
func (d *Doc) Containers(v Value) (n int, ok bool) {
	k := int(v.open)
	if v.Kind != Object && v.Kind != Array || k < 0 || k >= len(d.opens) || int(d.opens[k]) != v.Index {
		return 0, false
	}
	end := d.closes[k]
	for k++; k < len(d.opens) && d.opens[k] < end; n++ {
		next := int(d.after[k])
		if next <= k { // cannot happen: after points past k's contents
			return 0, false
		}
		k = next
	}
	return n, true
}

// Member is one key and value of a JSON object.
type Member struct {
	Key      string // the key, unescaped
	KeyIndex int    // byte offset of the key's opening quote
	Value    Value  // the value; Value.Index is its byte offset
}

// Members returns the members of obj in source order, duplicates
// included. It returns nil when obj is not an object.
func (d *Doc) Members(obj Value) []Member {
	if obj.Kind != Object {
		return nil
	}
	var ms []Member
	for it := d.Items(obj); ; {
		k, v, ok := it.Next()
		if !ok {
			return ms
		}
		if ms == nil {
			ms = make([]Member, 0, membersHint)
		}
		ms = append(ms, Member{Key: d.Str(k), KeyIndex: k.Index, Value: v})
	}
}

// Elements returns the elements of arr in order. It returns nil when arr
// is not an array.
func (d *Doc) Elements(arr Value) []Value {
	if arr.Kind != Array {
		return nil
	}
	var es []Value
	for it := d.Items(arr); ; {
		_, v, ok := it.Next()
		if !ok {
			return es
		}
		if es == nil {
			es = make([]Value, 0, membersHint)
		}
		es = append(es, v)
	}
}

// Exists reports whether the member was given: [Doc.Fields] leaves the
// slots of absent keys zero.
func (m Member) Exists() bool { return m.Value.Kind != Missing }

// Get returns the value of the first member of obj named key, or a
// Missing value when obj is not an object or has no such member.
func (d *Doc) Get(obj Value, key string) Value {
	if obj.Kind != Object {
		return Value{}
	}
	for it := d.Items(obj); ; {
		k, v, ok := it.Next()
		if !ok {
			return Value{}
		}
		if d.Str(k) == key {
			return v
		}
	}
}

// itemStartSpaced returns where the item after offset i starts, i
// being the end of the previous item, or just past the opening bracket,
// or past its comma, and at white space: past that space, a comma if
// there was none and the space after it; end at the end of the
// container. It is inlined, and makes no call: a walk that called it
// would keep its state on the stack around the call on its usual path
// too.
func itemStartSpaced(src string, i, end int) int {
	if i = spaceTo(src, i, end); i < end && src[i] == ',' {
		i = spaceTo(src, i+1, end)
	}
	return i
}

// valueStartSpaced returns where the value of a member starts, i being
// the end of its key: past the colon and the white space around it. It
// is inlined, like itemStartSpaced.
func valueStartSpaced(src string, i, end int) int {
	if i = spaceTo(src, i, end); i < end && src[i] == ':' {
		i++
	}
	return spaceTo(src, i, end)
}

// spaceTo returns the offset of the first byte at or after i that is not
// white space, or end. Between the tokens of valid text every byte up to
// ' ' is white space, so that one comparison tells it.
func spaceTo(src string, i, end int) int {
	for i < end && src[i] <= ' ' {
		i++
	}
	return i
}
