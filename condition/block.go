package condition

import "slices"

// Block is a compiled Condition element: clauses ANDed together
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html). The zero Block has no clauses and is true, as
// an empty Condition object is. A Block is immutable and safe for concurrent
// use.
type Block struct {
	clauses []Clause
}

// NewBlock returns the Block of the given clauses, evaluated in order.
func NewBlock(clauses []Clause) Block {
	if len(clauses) == 0 {
		return Block{}
	}
	return Block{clauses: slices.Clone(clauses)}
}

// NewBlockOf is [NewBlock] without the copy: the block keeps clauses,
// which the caller must not modify afterwards. A parser carves the
// clauses of all its blocks from one slice with it.
func NewBlockOf(clauses []Clause) Block {
	if len(clauses) == 0 {
		return Block{}
	}
	return Block{clauses: clauses[:len(clauses):len(clauses)]}
}

// Clauses returns a copy of the block's clauses.
func (b Block) Clauses() []Clause {
	return slices.Clone(b.clauses)
}

// Len returns the number of clauses.
func (b Block) Len() int {
	return len(b.clauses)
}

// emptyLookup stands in for a nil Lookup.
var emptyLookup Lookup = Context{}

// Eval reports whether every clause of b holds for the request context l (a
// nil l is an empty context). A clause whose truth the request does not
// determine (see [UnknownValue]) counts as false: Eval is the reading for
// an Allow statement, [Block.EvalFor] with deny false.
//
// With a nil t, Eval stops at the first false clause and does not allocate.
// With a non-nil t, Eval evaluates every clause and appends a
// [ClauseResult] for each to t.Clauses and every key it looked up and found
// absent to t.Missing; the result is the same either way.
func (b Block) Eval(l Lookup, t *Trace) bool {
	return b.EvalFor(l, t, false)
}

// EvalFor is [Block.Eval] for a statement of the given effect: deny true
// for a Deny statement, false for an Allow. Where a clause's truth cannot
// be known (a key AWS sets on every request given as [UnknownValue], a
// plain operator on a multivalued request value, ForAnyValue:...IfExists
// on an absent key) the engine fails closed: the clause holds for a Deny
// and fails for an Allow. A block with a false clause is false either way.
func (b Block) EvalFor(l Lookup, t *Trace, deny bool) bool {
	if l == nil {
		l = emptyLookup
	}
	if t == nil {
		for i := range b.clauses {
			switch b.clauses[i].body().holds(l) {
			case isFalse:
				return false
			case isUnknown:
				if !deny {
					return false
				}
			}
		}
		return true
	}
	room := t.reserve(b.clauses)
	pass := true
	for i := range b.clauses {
		c := b.clauses[i].body()
		o := c.decide(l)
		if !o.found && len(t.Missing) > linearMissing && len(t.Missing) == cap(t.Missing) {
			// Room for a missing key per clause left, at once: doubling
			// the list for 100,000 absent keys allocated three times
			// the list, and held twice it at the last step (issue 15).
			t.Missing = slices.Grow(t.Missing, len(b.clauses)-i)
		}
		t.record(i, c, o, l, &room)
		pass = pass && (o.truth == isTrue || o.truth == isUnknown && deny)
	}
	t.dedupMissing()
	return pass
}

// Check is [Block.EvalFor] evaluating every clause, without a [Trace]:
// noted reports whether a Trace would hold something to report, a key
// in Missing or a clause whose truth is unknown. It does not allocate, so
// explanations can record the common statement cheaply and trace only the
// noted ones.
func (b Block) Check(l Lookup, deny bool) (pass, noted bool) {
	if l == nil {
		l = emptyLookup
	}
	pass = true
	for i := range b.clauses {
		c := b.clauses[i].body()
		o := c.decide(l)
		pass = pass && (o.truth == isTrue || o.truth == isUnknown && deny)
		noted = noted || o.truth == isUnknown || !o.found && !c.invalid() || o.unres >= 0 && !c.variableKeysSet(l)
	}
	return pass, noted
}

// Eval reports whether the clause holds for the request context l (a nil l
// is an empty context). With a non-nil t it records the result as clause 0.
func (c Clause) Eval(l Lookup, t *Trace) bool {
	if l == nil {
		l = emptyLookup
	}
	b := c.body()
	o := b.decide(l)
	if t != nil {
		t.record(0, b, o, l, nil)
		t.dedupMissing()
	}
	return o.pass
}
