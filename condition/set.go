package condition

// why says which rule decided a clause.
type why uint8

const (
	whyInvalid   why = iota // the clause has malformed policy values
	whyNull                 // Null: presence test
	whyAbsent               // the key is absent (§5 truth table)
	whyList                 // plain operator on a multivalued request value (M4)
	whyPair                 // plain operator on a single request value
	whyEmptySet             // set qualifier on "" or [""] (V10)
	whyDeciding             // set qualifier: request value val decided
	whyAllValues            // set qualifier: every request value was tested
)

// outcome is the result of one clause, with what a trace needs to explain
// it. Computing it never allocates.
type outcome struct {
	pass  bool
	why   why
	found bool       // the key is present with at least one value
	value Value      // the request value
	val   int        // request value that decided (whyPair, whyDeciding), or -1
	pair  pairResult // its pair result
	bad   int        // whyAllValues: first request value that did not parse, or -1
	unres int        // first policy value whose variables had no value, or -1
}

// decide evaluates the clause against l. It is the only evaluator: Eval with
// and without a trace both call it, so their results cannot differ.
func (c *Clause) decide(l Lookup) outcome {
	o := outcome{val: -1, bad: -1, unres: -1}
	if c.invalid {
		o.why = whyInvalid
		return o
	}
	v, found := l.LookupKey(c.nkey)
	if found && v.Len() == 0 {
		found = false // an empty list is an absent key (V10)
	}
	o.found, o.value = found, v

	if c.fam == famNull {
		o.why = whyNull
		o.pair = matchNull(c.nulls, isNull(v, found))
		o.pass = o.pair.matched
		return o
	}

	neg := c.op.Base.Negated()
	if !found {
		// spec/conditions.md §5: positive false, negated true, IfExists
		// true, ForAnyValue false, ForAllValues true (IfExists has no effect
		// under a set qualifier, M5).
		o.why = whyAbsent
		switch c.op.Set {
		case ForAnyValue:
			o.pass = false
		case ForAllValues:
			o.pass = true
		default:
			o.pass = neg || c.op.IfExists
		}
		return o
	}

	if c.op.Set == NoSet {
		if v.IsList() {
			o.why = whyList // M4: false whatever the operator
			return o
		}
		o.why, o.val = whyPair, 0
		o.pair = c.match(v.At(0), l)
		o.unres = o.pair.unresolved
		o.pass = o.pair.matched != neg
		return o
	}

	if allEmpty(v) {
		// V10: "" and [""] are an empty set under a set qualifier (M2).
		o.why = whyEmptySet
		o.pass = c.op.Set == ForAllValues
		return o
	}
	// M2/M3: ForAnyValue passes when some request value passes Op,
	// ForAllValues when every one does; a single value is a one-element set.
	anyValue := c.op.Set == ForAnyValue
	for i := range v.Len() {
		p := c.match(v.At(i), l)
		if p.bad && o.bad < 0 {
			o.bad = i
		}
		if p.unresolved >= 0 && o.unres < 0 {
			o.unres = p.unresolved
		}
		if (p.matched != neg) == anyValue {
			o.why, o.val, o.pair, o.pass = whyDeciding, i, p, anyValue
			return o
		}
	}
	o.why, o.pass = whyAllValues, !anyValue
	return o
}
