package policy

import (
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// condition compiles a Condition element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
// Its clauses are carved from the parser's clause slab and the offsets of
// the clauses' condition keys, returned in Block order, from its position
// slab; it reports whether the element has at least one clause.
func (p *parser) condition(v jsonsrc.Value, at *path) (condition.Block, []int32, bool) {
	if v.Kind != '{' {
		p.typeError(v, at, "an object of condition operators")
		return condition.Block{}, nil, false
	}
	start := len(p.posSlab)
	cstart := len(p.clauseSlab)
	// The keys of each operator's block, in turn, and the text of a
	// key's one value: on the stack, where the walk's stores need no
	// write barrier.
	var keys blockKeys
	var single [1]string
	for _, om := range p.operators(v, at, p.condOps[:0]) {
		bv := om.Value
		text := p.doc.Src()[om.KeyIndex:bv.End] // see lastBlock
		tail := textTail(text)
		if bv.Kind == '{' {
			if b := p.lastBlocks.find(text, tail); b != nil {
				// Element by element: a block has a clause or two,
				// which a copy of the slice would pass to the runtime.
				for i, c := range b.clauses {
					p.clauseSlab = append(p.clauseSlab, c)
					p.posSlab = append(p.posSlab, b.pos[i]-b.at+int32(bv.Index))
				}
				continue
			}
		}
		problems := p.limit.Count()
		cs, ps := len(p.clauseSlab), len(p.posSlab)
		opPath := at.Child(om.Key)
		op, canon, respelled, err := p.parseOperator(om.Key)
		opOK := err == nil
		if !opOK {
			msg := err.Error()
			if strings.HasSuffix(msg, strconv.Quote(om.Key)) {
				msg += ": expected [ForAllValues:|ForAnyValue:]Operator[IfExists] with an operator such as StringEquals or DateLessThan"
			}
			p.errorf(om.KeyIndex, &opPath, ErrUnknownOperator, "%s", msg)
		} else if respelled {
			p.warnf(om.KeyIndex, &opPath, ErrValue, "operator %s is spelled %s by AWS", strconv.Quote(om.Key), strconv.Quote(canon))
		}
		if bv.Kind != '{' {
			p.typeError(bv, &opPath, "an object of condition keys")
			continue
		}
		if p.doc.IsEmpty(bv) {
			p.warnf(bv.Index, &opPath, ErrValue, "operator %s has no condition keys: it is always true", strconv.Quote(om.Key))
			continue
		}
		// The keys are compiled as they are read, not collected first: a
		// block of 100,000 keys needs no slice of them (issue 15).
		if !p.checkOnly && !p.roomForBlock(bv) {
			p.roomForClauses(bv)
		}
		var dups []jsonsrc.Problem
		keys.start(p.doc, bv, &p.scratch.keys)
		for {
			km, more := keys.next(&opPath, &dups)
			if len(dups) > 0 {
				p.problems(dups) // repeated keys, in document order
				dups = dups[:0]
			}
			if !more {
				break
			}
			kp := opPath.Child(km.Key)
			keyOK := km.Key != ""
			if !keyOK {
				p.errorf(km.KeyIndex, &kp, ErrValue, "expected a condition key name, found \"\"")
			}
			var texts []string
			ok := true
			if s, one, good := p.singleValue(km.Value, &kp); one {
				// Into a variable of this frame, where the store
				// needs no write barrier, unlike one into condTexts.
				single[0] = s
				texts, ok = single[:], good
			} else {
				texts, ok = p.keyValues(km.Value, &kp, p.condTexts[:0])
			}
			if !ok || !opOK || !keyOK {
				continue
			}
			if c, ok := p.clause(op, &km, &kp, texts); ok && !p.checkOnly {
				p.clauseSlab = append(p.clauseSlab, c)
				p.posSlab = append(p.posSlab, int32(km.KeyIndex)) // see maxDocument
			}
		}
		if n := len(p.clauseSlab); n > cs && p.limit.Count() == problems {
			m := len(p.posSlab)
			p.lastBlocks.add(lastBlock{text: text, at: int32(bv.Index),
				clauses: p.clauseSlab[cs:n:n], pos: p.posSlab[ps:m:m]}, tail)
		}
	}
	if len(p.clauseSlab) == cstart {
		p.posSlab = p.posSlab[:start]
		return condition.Block{}, nil, false
	}
	end := len(p.posSlab)
	return condition.NewBlockOf(p.clauseSlab[cstart:]), p.posSlab[start:end:end], true
}

// operators appends to dst the members of the Condition object v, as
// p.members does. An object of at most cap(dst) members whose keys are
// distinct (the usual one or two operators) is read with
// jsonsrc.Doc.PlainMembers or, when that does not read it (a document
// with escapes), a plain jsonsrc.Iter, each key compared with the
// earlier ones, which skips setting up a FreeIter and its key set; any
// other object is read again by p.members, which reports its repeated
// keys as always, before any problem of the operators.
func (p *parser) operators(v jsonsrc.Value, at *path, dst []jsonsrc.Member) []jsonsrc.Member {
	if ms, ok := p.doc.PlainMembers(v, dst); ok && distinctKeys(ms) {
		return ms
	}
	// Declared before the loop: a variable of the for clause would be
	// copied each iteration, as its methods take its address.
	it := p.doc.Items(v)
	for {
		k, val, more := it.Next()
		if !more {
			return dst
		}
		key := p.doc.Str(k)
		if len(dst) == cap(dst) || hasKey(dst, key) {
			break
		}
		dst = append(dst, jsonsrc.Member{Key: key, KeyIndex: k.Index, Value: val})
		if lastItem(val, v) {
			return dst
		}
	}
	return p.members(v, at, dst[:0])
}

// lastItem reports whether the value v of a member or element of the
// (validated) container c ends right before c's closing bracket, so that
// it is the last: as in minified policies, which then skip the call of
// Iter.Next that finds the end.
func lastItem(v, c jsonsrc.Value) bool { return v.End == c.End-1 }

// distinctKeys reports whether the keys of ms, a few members, are
// distinct.
func distinctKeys(ms []jsonsrc.Member) bool {
	for i := 1; i < len(ms); i++ {
		if hasKey(ms[:i], ms[i].Key) {
			return false
		}
	}
	return true
}

// hasKey reports whether one of ms has the key key.
func hasKey(ms []jsonsrc.Member, key string) bool {
	for i := range ms {
		if ms[i].Key == key {
			return true
		}
	}
	return false
}

// blockKeys walks the condition keys of an operator's block as a
// jsonsrc.FreeIter does (repeated keys left out and reported), reading
// the first few keys with a plain jsonsrc.Iter, each compared with the
// earlier ones: most blocks have one or two keys, for which a FreeIter's
// set of keys costs more than the keys. At the first repeated key, or
// past len(seen) keys, it hands over to a FreeIter, which it starts over
// the same block and advances past the keys already returned: they are
// distinct, so that reports nothing, and the FreeIter then reports the
// repeats as it would have from the start. The FreeIter (about 500
// bytes) is the parser's scratch one, so that a blockKeys is small.
//
// The keys returned are kept as where they are written (seenKey), so
// that keeping one stores no pointer, with a write barrier while the
// collector marks; a key written with an escape, which is not its text,
// is left to the FreeIter.
type blockKeys struct {
	doc   *jsonsrc.Doc
	block jsonsrc.Value
	it    jsonsrc.Iter
	seen  [4]seenKey // the keys returned so far, while not free
	n     int        // how many keys were returned
	free  bool       // f walks the rest of the block
	last  bool       // the key returned last is the block's last (see lastItem)
	f     *jsonsrc.FreeIter
}

// seenKey is a key blockKeys returned: the offset of its text (past the
// opening quote) and its length.
type seenKey struct{ at, n int }

// start begins a walk over the keys of block, an object; f is the
// FreeIter it may hand over to.
func (b *blockKeys) start(doc *jsonsrc.Doc, block jsonsrc.Value, f *jsonsrc.FreeIter) {
	b.doc, b.block, b.it, b.n, b.free, b.last, b.f = doc, block, doc.Items(block), 0, false, false, f
}

// next is jsonsrc.FreeIter.Next for the block: at is its path. It is
// inlined, so that the call after a block's last key (one of two calls
// for the usual block of one key) costs a test.
func (b *blockKeys) next(at *path, probs *[]jsonsrc.Problem) (jsonsrc.Member, bool) {
	if b.last {
		return jsonsrc.Member{}, false
	}
	return b.nextKey(at, probs)
}

// nextKey is next before the block's last key.
func (b *blockKeys) nextKey(at *path, probs *[]jsonsrc.Problem) (jsonsrc.Member, bool) {
	if !b.free {
		k, v, more := b.it.Next()
		if !more {
			return jsonsrc.Member{}, false
		}
		key := b.doc.Str(k)
		// A key as long as its text between the quotes has no escape:
		// one shortens it.
		if b.n < len(b.seen) && len(key) == k.End-k.Index-2 && !b.returned(key) {
			b.seen[b.n] = seenKey{k.Index + 1, len(key)}
			b.n++
			b.last = lastItem(v, b.block)
			return jsonsrc.Member{Key: key, KeyIndex: k.Index, Value: v}, true
		}
		b.free = true
		b.doc.StartFreeItems(b.f, b.block, at, false, probs)
		for range b.n {
			b.f.Next(at, probs)
		}
	}
	return b.f.Next(at, probs)
}

// returned reports whether key is one of the keys returned so far.
func (b *blockKeys) returned(key string) bool {
	src := b.doc.Src()
	for _, s := range b.seen[:b.n] {
		if s.n == len(key) && src[s.at:][:s.n] == key {
			return true
		}
	}
	return false
}

// roomForClauses grows the clause and position slabs at once for a block
// of condition keys that may not fit them, rather than doubling them
// while it is compiled: a block of 100,000 keys left 1.6 MB of earlier
// slabs behind (issue 15). A member takes at least five bytes ("":0,),
// so only a block longer than five times the room left is counted: the
// caller calls it for a block roomForBlock does not pass.
func (p *parser) roomForClauses(block jsonsrc.Value) {
	room := min(cap(p.clauseSlab)-len(p.clauseSlab), cap(p.posSlab)-len(p.posSlab))
	if n := p.doc.Count(block); n > room {
		p.clauseSlab = slices.Grow(p.clauseSlab, n)
		p.posSlab = slices.Grow(p.posSlab, n)
	}
}

// roomForBlock reports whether the slabs have room for the members of
// any block of condition keys as long as block (see roomForClauses),
// which then is not counted: the usual short block is told here,
// inlined.
func (p *parser) roomForBlock(block jsonsrc.Value) bool {
	return (block.End-block.Index)/5 <= min(cap(p.clauseSlab)-len(p.clauseSlab), cap(p.posSlab)-len(p.posSlab))
}

// lastBlock is an operator's block of condition keys compiled without
// errors or warnings: what a block written the same way under the same
// operator reuses. Its clauses and key offsets are regions of the
// parser's slabs, which are only appended to once they hold clauses.
type lastBlock struct {
	// text is the document's text from the opening quote of the
	// operator to the end of its block: equal texts are the same
	// operator and block, told apart with one comparison.
	text    string
	at      int32              // the block's offset (see maxDocument)
	clauses []condition.Clause // its clauses, in order
	pos     []int32            // the offsets of their keys
}

// lastBlocks holds the few lastBlocks last found or added: policies
// repeat blocks such as {"Bool": {"aws:SecureTransport": "true"}} in
// many statements.
type lastBlocks struct {
	b     [lastListSize]lastBlock
	tails [lastListSize]uint64 // textTail of each b's text, scanned apart
	recency
}

// find returns the remembered block whose operator and block are
// written as text, whose textTail is tail, or nil. The blocks' tails
// are compared before their texts: blocks of one length under one
// operator mostly differ in their values, which end the text. An empty
// entry's text is "", which no text (starting with a quote) equals.
func (l *lastBlocks) find(text string, tail uint64) *lastBlock {
	for m := matches(&l.tails, tail); m != 0; m &= m - 1 {
		i := bits.TrailingZeros(m) & (lastListSize - 1)
		if l.b[i].text == text {
			l.touch(i)
			return &l.b[i]
		}
	}
	return nil
}

// textTail digests the last 16 bytes of s into a word (0 when s is
// shorter), a cheap filter for texts that mostly differ at their end.
func textTail(s string) uint64 {
	if len(s) < 16 {
		return 0
	}
	return word8(s, len(s)-16)*0x9e3779b97f4a7c15 ^ word8(s, len(s)-8)
}

// word8 returns the eight bytes of s at i as a little-endian word, which
// the compiler reads with one load.
func word8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// add remembers a block, whose text's textTail is tail, replacing the
// stalest (see recency).
func (l *lastBlocks) add(b lastBlock, tail uint64) {
	i := l.stalest()
	l.b[i], l.tails[i] = b, tail
	l.touch(i)
}

// valueWalk finds the values of a condition key by index, to position
// their problems: values are kept as text alone (see keyValues) and
// found again only for a problem. Problems come in increasing order of
// index (errors, then warnings), so the walk goes on from the value it
// found last, and a key of many bad values is positioned in linear time.
type valueWalk struct {
	doc *jsonsrc.Doc
	v   jsonsrc.Value // the key's value: a value or an array of them
	it  jsonsrc.Iter
	n   int           // elements of v read so far
	e   jsonsrc.Value // the element read last
}

// pos returns the offset and the path of value i of the key at kp: the
// key's value itself, or the element i of its array.
func (w *valueWalk) pos(kp *path, i int) (int, path) {
	if w.v.Kind != '[' {
		return w.v.Index, *kp
	}
	if w.n == 0 || i < w.n-1 {
		w.it, w.n = w.doc.Items(w.v), 0
	}
	for w.n <= i {
		_, w.e, _ = w.it.Next()
		w.n++
	}
	return w.e.Index, kp.Elem(i)
}

// clause compiles the entry *km of an operator's block and positions
// its problems; kp is its path, texts the text of each of its values
// (which newClause copies). km is passed by reference: a Member is seven
// words, which with the other arguments do not fit in registers.
func (p *parser) clause(op condition.Operator, km *jsonsrc.Member, kp *path, texts []string) (condition.Clause, bool) {
	// The JSON text of the key and its values (see newClause).
	text := p.doc.Src()[km.KeyIndex:km.Value.End]
	c, errs := p.newClause(op, text, km.Key, texts)
	if len(errs) > 0 {
		p.clauseProblems(*km, kp, len(texts), errs, nil)
		return condition.Clause{}, false
	}
	if ws := c.Warnings(); len(ws) > 0 {
		p.clauseProblems(*km, kp, len(texts), nil, ws)
	}
	return c, true
}

// clauseProblems reports the errors or the warnings of the clause of km
// (see clause), which has n values: at the value a problem names, else
// at the key.
func (p *parser) clauseProblems(km jsonsrc.Member, kp *path, n int, errs []error, warns []*condition.ValueError) {
	values := valueWalk{doc: p.doc, v: km.Value}
	for _, e := range errs {
		var ve *condition.ValueError
		if errors.As(e, &ve) && ve.Index >= 0 && ve.Index < n {
			off, vp := values.pos(kp, ve.Index)
			p.errorf(off, &vp, ErrValue, "%v", ve.Err)
			continue
		}
		p.errorf(km.KeyIndex, kp, ErrValue, "%v", e)
	}
	for _, w := range warns {
		if w.Index >= 0 && w.Index < n {
			off, vp := values.pos(kp, w.Index)
			p.warnf(off, &vp, ErrValue, "%v", w.Err)
		} else {
			p.warnf(km.KeyIndex, kp, ErrValue, "%v", w.Err)
		}
	}
}

// keyValues appends to texts the text of each value of a condition key
// whose value is an array that singleValue does not take: a non-empty
// array of strings, numbers or booleans (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Numbers and
// booleans are taken as their JSON text; a value of another type is
// reported and has the text "". A key with at most as many values as
// texts has room for uses it (the parser's condTexts); one that
// may have more uses the parser's textBuf, reused from key to key so
// that a policy of many long value lists grows it once rather than once
// per key.
func (p *parser) keyValues(v jsonsrc.Value, kp *path, texts []string) ([]string, bool) {
	// An array of n values is at least 2n+1 bytes long; a longer array
	// is counted.
	if room := cap(texts); (v.End-v.Index-1)/2 > room && p.doc.Count(v) > room {
		// A separate variable from texts, so that textBuf never holds
		// the caller's array.
		big, ok := p.arrayValues(v, kp, p.textBuf[:0])
		p.textBuf = big[:0] // newClause keeps a copy
		return big, ok
	}
	return p.arrayValues(v, kp, texts)
}

// singleValue returns the text of the value of a condition key that has
// one, the usual key, and one: a value that is not an array (a string,
// number or boolean, taken as its JSON text; another type is reported
// and has the text ""), or an array of one string without escapes. The
// values of any other key are read by keyValues.
func (p *parser) singleValue(v jsonsrc.Value, kp *path) (s string, one, ok bool) {
	if v.Kind != '[' {
		s, ok := p.scalar(v, kp)
		return s, true, ok
	}
	s, one = p.doc.SingleString(v)
	return s, one, true
}

// arrayValues appends to dst the text of each element of the array v
// of values of the key at at (see keyValues).
func (p *parser) arrayValues(v jsonsrc.Value, at *path, dst []string) ([]string, bool) {
	ok := true
	n := 0
	// Declared before the loop: a variable of the for clause would be
	// copied each iteration, as its methods take its address.
	it := p.doc.Items(v)
	for ; ; n++ {
		e, more := it.NextElem()
		if !more {
			break
		}
		// Strings, the usual values, are read here without a call.
		s, good := "", true
		if e.Kind == '"' {
			s = p.doc.Str(e)
		} else {
			s, good = p.scalar(e, nil)
		}
		if !good {
			ep := at.Elem(n)
			p.typeError(e, &ep, "a string, number or boolean")
			ok = false
		}
		dst = append(dst, s)
		if lastItem(e, v) {
			n++
			break
		}
	}
	if n == 0 {
		p.typeError(v, at, "a string, number or boolean, or a non-empty array of them")
		return dst, false
	}
	return dst, ok
}

// scalar returns the text of a condition value. When at is not nil, a
// value of another type is reported there.
func (p *parser) scalar(v jsonsrc.Value, at *path) (string, bool) {
	switch v.Kind {
	case '"':
		return p.doc.Str(v), true
	case '0', 't', 'f':
		return p.doc.Raw(v), true
	}
	if at != nil {
		p.typeError(v, at, "a string, number or boolean")
	}
	return "", false
}
