package lint

// clause is one operator-key pair of a Condition element, as a walk over
// the element gives it (see document.blocks and document.keys): no check
// keeps the clauses of a statement, which for a condition of 100,000 keys
// were 8.6 MB (issue 15). Its values are left as their place in the
// document, read when the redundancy check compares conditions.
type clause struct {
	op     *item // the operator as written, like "StringEqualsIfExists", shared by the clauses of its block
	key    item  // the condition key as written
	values value // a scalar or an array; what is not a scalar is left out
}

// blocks calls f with the operator of each block of the statement's
// Condition element, in source order, and the block (an object of
// condition keys when well-formed), until f returns false. The operator's
// path is made once per block: its keys' paths are made from it for a
// finding.
func (d *document) blocks(s *statement, f func(op *item, block value) bool) {
	if s.cond == 0 {
		return
	}
	v := d.src.ValueAt(int(s.cond) - 1)
	if !v.IsObject() {
		return
	}
	for it := d.src.Items(v); ; {
		k, block, ok := it.Next()
		if !ok {
			return
		}
		name := d.src.Str(k)
		op := &item{text: name, off: k.Index, path: ".Condition." + pathName(name), stmt: s.at}
		if !f(op, block) {
			return
		}
	}
}

// keys calls f with each clause of the block of op, in source order,
// until f returns false; a block that is not an object has none.
func (d *document) keys(op *item, block value, f func(cl clause) bool) bool {
	if !block.IsObject() {
		return true
	}
	for it := d.src.Items(block); ; {
		k, val, ok := it.Next()
		if !ok {
			return true
		}
		key := item{text: d.src.Str(k), off: k.Index, path: op.path, elem: keyed, stmt: op.stmt}
		if !f(clause{op: op, key: key, values: val}) {
			return false
		}
	}
}

// clauses calls f with each clause of the statement's Condition element,
// in source order, until f returns false.
func (d *document) clauses(s *statement, f func(cl clause) bool) {
	d.blocks(s, func(op *item, block value) bool {
		return d.keys(op, block, f)
	})
}
