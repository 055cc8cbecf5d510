package condition

// why says which rule decided a clause.
type why uint8

const (
	whyInvalid      why = iota // the clause has malformed policy values
	whyNull                    // Null: presence test
	whyAbsent                  // the key is absent (the absent-key truth table)
	whyList                    // plain operator on a multivalued request value (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
	whyPair                    // plain operator on a single request value
	whyEmptySet                // set qualifier on "" or [""] (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
	whyDeciding                // set qualifier: request value val decided
	whyAllValues               // set qualifier: every request value was tested
	whyUnknownValue            // the key is present with a value nobody gave (UnknownValue)
	whyAnyIfExists             // ForAnyValue:...IfExists on an absent key (readings differ)
	whyOverBudget              // a policy value expanded past variables.MaxExpansion
	whyTooManyPairs            // a set qualifier would compare more than MaxSetPairs pairs
)

// MaxSetPairs is the most pairs of a request value and a policy value
// that a clause with ForAnyValue: or ForAllValues: compares for one
// request. Each request value is compared with the policy values in
// turn, so 30,000 of each (a 0.6 MB scenario) took 12 s, and a 64 MiB one
// would take hours (issue 15). Past it the clause's truth is unknown and
// it fails closed, as for an expansion past the budget. No request AWS
// makes comes near it: its multivalued keys (aws:TagKeys, aws:CalledVia)
// hold tens of values, and a policy of 10,240 characters a few thousand.
const MaxSetPairs = 1_000_000

// truth is the result of a clause: false, true, or unknown when the
// request does not determine it. AWS's text leaves these cases open, and the readings disagree, so
// the engine fails closed: an unknown clause makes an Allow statement not
// apply and a Deny statement apply (Block.EvalFor).
//
//   - A key AWS sets on every request that the caller did not give
//     ([UnknownValue]), under any operator but Null.
//   - A plain operator (no ForAnyValue:/ForAllValues:) on a multivalued
//     request value: AWS says the set operators are required for
//     multivalued keys but not what happens without one
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
//     Reading it as false made a Deny with StringNotEquals on aws:CalledVia
//     never fire.
//   - ForAnyValue:...IfExists on an absent key: the IfExists rule says
//     "if the key is not present, evaluate the condition element as true"
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists),
//     while ForAnyValue on an absent key is false and re:Post reports
//     requests denied that way. ForAllValues:...IfExists needs no choice:
//     both readings are true.
type truth uint8

const (
	isFalse truth = iota
	isTrue
	isUnknown
)

// of returns the truth of a known boolean.
func of(b bool) truth {
	if b {
		return isTrue
	}
	return isFalse
}

// outcome is the result of one clause, with what a trace needs to explain
// it. Computing it never allocates.
type outcome struct {
	pass  bool // truth == isTrue
	truth truth
	why   why
	found bool       // the key is present with at least one value
	value Value      // the request value
	val   int        // request value that decided (whyPair, whyDeciding), or -1
	pair  pairResult // its pair result
	bad   int        // whyAllValues: first request value that did not parse, or -1
	unres int        // first policy value whose variables had no value, or -1
}

// lookup reads the clause's key from a Context, what the engine passes,
// with the hash computed at compile time. It returns nil when the key is
// absent, else a pointer into the table; a pointer saves copying the
// Value.
func (c *clause) lookup(ctx Context) *Value {
	return ctx.lookupPtr(c.k.nkey, c.k.khash)
}

// decide evaluates the clause against l and says why it passed or failed,
// for a trace.
func (c *clause) decide(l Lookup) outcome {
	o := outcome{val: -1, bad: -1, unres: -1}
	o.truth = c.eval(l, &o)
	o.pass = o.truth == isTrue
	return o
}

// holds reports whether the clause holds for l: decide without the
// explanation, for the hot path.
func (c *clause) holds(l Lookup) truth {
	return c.eval(l, nil)
}

// eval evaluates the clause against l. It is the only evaluator: decide
// and holds both call it, so that evaluating with and without a trace
// cannot differ. When o is not nil it also records there why the clause
// passed or failed (every field but pass, which is the result).
func (c *clause) eval(l Lookup, o *outcome) truth {
	if c.invalid() {
		if o != nil {
			o.why = whyInvalid
		}
		return isFalse
	}
	if ctx, ok := l.(Context); ok {
		return c.evalValue(c.lookup(ctx), l, o)
	}
	v, ok := l.LookupKey(c.k.nkey)
	if !ok {
		return c.evalValue(nil, l, o)
	}
	return c.evalValue(&v, l, o)
}

// evalValue is eval once the key is looked up: v is its value, nil when
// the key is absent.
func (c *clause) evalValue(v *Value, l Lookup, o *outcome) truth {
	if o == nil && v != nil && v.single && !v.unknown && c.op.Set == NoSet && c.fam != famNull {
		// The common clause of the hot path: one request value under a
		// plain operator. The steps below reach the same pair rule for
		// it, after tests that cannot hold here.
		p := c.match(v.one, l)
		if p.unknown() {
			return isUnknown
		}
		return of(p.isMatch() != c.op.Base.Negated())
	}
	if v != nil && v.unknown {
		// Present, value not given: Null knows the answer, nothing else does.
		if c.fam == famNull {
			p := matchNull(c.nulls(), false)
			if o != nil {
				o.why, o.pair = whyNull, p
			}
			return of(p.isMatch())
		}
		if o != nil {
			o.why = whyUnknownValue
		}
		return isUnknown
	}
	if v != nil && v.Len() == 0 {
		v = nil // an empty list is an absent key (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
	}
	found := v != nil
	if o != nil && found {
		o.found, o.value = true, *v
	}

	if c.fam == famNull {
		p := matchNull(c.nulls(), !found || allEmpty(v))
		if o != nil {
			o.why, o.pair = whyNull, p
		}
		return of(p.isMatch())
	}

	neg := c.op.Base.Negated()
	if !found {
		// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html: positive false, negated true, IfExists
		// true, ForAnyValue false, ForAllValues true (IfExists has no effect
		// under a set qualifier).
		if o != nil {
			o.why = whyAbsent
		}
		switch c.op.Set {
		case ForAnyValue:
			if c.op.IfExists {
				if o != nil {
					o.why = whyAnyIfExists
				}
				return isUnknown
			}
			return isFalse
		case ForAllValues:
			return isTrue
		}
		return of(neg || c.op.IfExists)
	}

	if c.op.Set == NoSet {
		if v.IsList() {
			if o != nil {
				o.why = whyList // see truth
			}
			return isUnknown
		}
		p := c.match(v.At(0), l)
		if p.unknown() {
			if o != nil {
				o.why, o.val, o.pair = whyOverBudget, 0, p
			}
			return isUnknown
		}
		if o != nil {
			o.why, o.val, o.pair, o.unres = whyPair, 0, p, p.unresolved
		}
		return of(p.isMatch() != neg)
	}

	if allEmpty(v) {
		// "" and [""] are an empty set under a set qualifier (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
		if o != nil {
			o.why = whyEmptySet
		}
		return of(c.op.Set == ForAllValues)
	}
	if v.Len()*c.count() > MaxSetPairs {
		if o != nil {
			o.why = whyTooManyPairs
		}
		return isUnknown
	}
	// ForAnyValue passes when some request value passes Op,
	// ForAllValues when every one does; a single value is a one-element set.
	anyValue := c.op.Set == ForAnyValue
	overBudget := -1 // a request value whose pair cannot be known
	var overPair pairResult
	for i := range v.Len() {
		p := c.match(v.At(i), l)
		if p.unknown() {
			// It cannot decide; a value that is known still can.
			if overBudget < 0 {
				overBudget, overPair = i, p
			}
			continue
		}
		if o != nil {
			if p.bad && o.bad < 0 {
				o.bad = i
			}
			if p.unresolved >= 0 && o.unres < 0 {
				o.unres = p.unresolved
			}
		}
		if (p.isMatch() != neg) == anyValue {
			if o != nil {
				o.why, o.val, o.pair = whyDeciding, i, p
			}
			return of(anyValue)
		}
	}
	if overBudget >= 0 {
		if o != nil {
			o.why, o.val, o.pair = whyOverBudget, overBudget, overPair
		}
		return isUnknown
	}
	if o != nil {
		o.why = whyAllValues
	}
	return of(!anyValue)
}
