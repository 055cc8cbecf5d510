package condition

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/iameval/iameval/variables"
)

// Trace records how a [Block] was evaluated: one [ClauseResult] per clause
// and the context keys that were looked up but absent. Pass a new Trace (or
// a reset one) to [Block.Eval]; it appends. The zero Trace is empty.
type Trace struct {
	Clauses []ClauseResult
	// Missing lists, without duplicates (ignoring case), the condition keys
	// (as first written in the policy) that were absent from the request and
	// the variable keys (lower case) whose ${...} had no value.
	Missing []string
	// Lean, set before evaluating, keeps in Clauses only what a summary
	// reads: the first clause that did not pass and the clauses of unknown
	// truth, without their policy and request values. Missing is complete
	// either way. A condition of 100,000 absent keys traced 11 MB of clause
	// results that a summary never shows (issue 15).
	Lean bool
}

// reserve makes room in t for the results of the clauses and returns room
// for copies of their values (issue 15: a condition of 100,000 keys grew
// Clauses seventeen times and copied each clause's values apart).
func (t *Trace) reserve(clauses []Clause) []string {
	if t.Lean {
		return nil
	}
	t.Clauses = slices.Grow(t.Clauses, len(clauses))
	n := 0
	for i := range clauses {
		n += clauses[i].body().count()
	}
	return make([]string, 0, n)
}

// copyValues returns a copy of vs, carved from room (see reserve) when
// it has enough; its capacity is its length, so that appending to it
// never writes into another clause's copy.
func copyValues(vs []string, room *[]string) []string {
	if len(vs) == 0 {
		return nil
	}
	if room == nil || cap(*room)-len(*room) < len(vs) {
		return slices.Clone(vs)
	}
	start := len(*room)
	*room = append(*room, vs...)
	return (*room)[start:len(*room):len(*room)]
}

// linearMissing is how many missing keys addMissing compares one by one;
// past it, keys are appended as found and dedupMissing removes the
// repeats in one pass at the end of the evaluation, so that a condition of
// 100,000 absent keys is traced in linear time.
const linearMissing = 16

// ClauseResult explains one clause: its index in the block, its operator in
// canonical spelling, its key as written, the policy and request values,
// whether it passed, whether the key was absent (or an empty list), and a
// human-readable reason naming the rule that decided.
type ClauseResult struct {
	Index         int
	Operator      string
	Key           string
	PolicyValues  []string
	RequestValues []string
	Passed        bool
	Missing       bool
	// Unknown is true when the request does not determine the clause's
	// truth (see [Block.EvalFor]); Passed is then false and the clause
	// holds only for a Deny statement.
	Unknown bool
	Reason  string
}

// Reset empties t for reuse, keeping its storage.
func (t *Trace) Reset() {
	t.Clauses = t.Clauses[:0]
	t.Missing = t.Missing[:0]
}

// addMissing adds key unless a key equal to it ignoring case is listed
// (for long lists: until dedupMissing runs).
func (t *Trace) addMissing(key string) {
	if len(t.Missing) > linearMissing ||
		!slices.ContainsFunc(t.Missing, func(k string) bool { return strings.EqualFold(k, key) }) {
		if len(t.Missing) == cap(t.Missing) {
			// Doubled, not grown by append's quarter for large slices:
			// 100,000 missing keys allocated five times their list
			// (issue 15).
			t.Missing = slices.Grow(t.Missing, max(len(t.Missing), 4))
		}
		t.Missing = append(t.Missing, key)
	}
}

// dedupMissing removes from Missing the keys equal ignoring case to an
// earlier one, keeping the first. It sorts the keys' positions rather
// than filling a map of folded copies: 100,000 missing keys took 5.8 MB
// that way, 0.5 MB this way (issue 15).
func (t *Trace) dedupMissing() {
	n := len(t.Missing)
	if n <= linearMissing {
		return
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := compareFold(t.Missing[i], t.Missing[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	repeat := make([]bool, n)
	for k := 1; k < n; k++ {
		if compareFold(t.Missing[order[k-1]], t.Missing[order[k]]) == 0 {
			repeat[order[k]] = true
		}
	}
	out := t.Missing[:0]
	for i, k := range t.Missing {
		if !repeat[i] {
			out = append(out, k)
		}
	}
	clear(t.Missing[len(out):])
	t.Missing = out
}

// record appends the result of clause c, index i, with outcome o; the
// copy of its values is carved from room when it is not nil.
func (t *Trace) record(i int, c *clause, o outcome, l Lookup, room *[]string) {
	if t.Lean {
		// Every clause a lean trace keeps did not pass, so an empty
		// Clauses means no clause has failed yet.
		if keep := o.truth == isUnknown || !o.pass && len(t.Clauses) == 0; keep {
			t.Clauses = append(t.Clauses, ClauseResult{
				Index: i, Operator: c.op.String(), Key: c.k.key,
				Passed: o.pass, Missing: !o.found, Unknown: o.truth == isUnknown, Reason: c.reason(o),
			})
		}
	} else {
		t.recordFull(i, c, o, room)
	}
	if !o.found && !c.invalid() {
		t.addMissing(c.k.key)
	}
	if o.unres >= 0 {
		for _, k := range c.variableKeys() {
			if _, ok := l.LookupVariable(k); !ok {
				t.addMissing(k)
			}
		}
	}
}

// recordFull appends the whole result of clause i, with copies of its
// values.
func (t *Trace) recordFull(i int, c *clause, o outcome, room *[]string) {
	r := ClauseResult{
		Index:        i,
		Operator:     c.op.String(),
		Key:          c.k.key,
		PolicyValues: copyValues(c.values(), room),
		Passed:       o.pass,
		Missing:      !o.found,
		Unknown:      o.truth == isUnknown,
		Reason:       c.reason(o),
	}
	if o.found {
		r.RequestValues = o.value.Strings()
	}
	t.Clauses = append(t.Clauses, r)
}

// variableKeys returns the request keys read by the clause's policy
// variables.
func (c *clause) variableKeys() []string {
	var keys []string
	strs, bools, arns := c.strs(), c.bools(), c.arns()
	for i := range strs {
		if strs[i].dyn {
			keys = append(keys, strs[i].tmpl.Names()...)
		}
	}
	for i := range bools {
		if bools[i].dyn {
			keys = append(keys, bools[i].tmpl.Names()...)
		}
	}
	for i := range arns {
		if arns[i].dyn {
			keys = append(keys, arns[i].tmpl.Names()...)
		}
	}
	return keys
}

// variableKeysSet reports whether l has a value for every key that
// variableKeys lists, without allocating.
func (c *clause) variableKeysSet(l Lookup) bool {
	strs, bools, arns := c.strs(), c.bools(), c.arns()
	for i := range strs {
		if strs[i].dyn && !strs[i].tmpl.AllKeysSet(l) {
			return false
		}
	}
	for i := range bools {
		if bools[i].dyn && !bools[i].tmpl.AllKeysSet(l) {
			return false
		}
	}
	for i := range arns {
		if arns[i].dyn && !arns[i].tmpl.AllKeysSet(l) {
			return false
		}
	}
	return true
}

// reason explains outcome o in words.
func (c *clause) reason(o outcome) string {
	neg := c.op.Base.Negated()
	switch o.why {
	case whyInvalid:
		return "clause has malformed policy values and never passes"
	case whyNull:
		state := "absent"
		switch {
		case o.found && allEmpty(&o.value):
			state = "present with only empty values, which count as null"
		case o.found:
			state = "present"
		}
		return fmt.Sprintf("key is %s: Null %s", state, passFail(o.pass))
	case whyAbsent:
		switch {
		case c.op.Set == ForAnyValue:
			return "key is absent: ForAnyValue fails on an empty set"
		case c.op.Set == ForAllValues:
			return "key is absent: ForAllValues passes on an empty set"
		case c.op.IfExists:
			return "key is absent: IfExists passes"
		case neg:
			return "key is absent: a negated operator passes"
		}
		return "key is absent: the operator fails"
	case whyList:
		return "request value is multivalued and the operator has no ForAnyValue: or ForAllValues:; AWS does not say how it reads that, so " + failClosed
	case whyUnknownValue:
		return "AWS sets " + c.k.key + " on every request, but the request does not give its value, so " + failClosed + "; supply the key in the request context"
	case whyAnyIfExists:
		return "key is absent: IfExists passes but ForAnyValue fails on an empty set and AWS does not say which wins, so " + failClosed
	case whyOverBudget:
		return fmt.Sprintf("policy value %q expands past the %d KiB expansion budget: what it matches cannot be known, so %s",
			c.values()[o.pair.overBudget], variables.MaxExpansion>>10, failClosed)
	case whyTooManyPairs:
		return fmt.Sprintf("%s: %d request values × %d policy values are more than the %d pairs a clause compares for one request, so %s",
			c.op.Set, o.value.Len(), c.count(), MaxSetPairs, failClosed)
	case whyEmptySet:
		if c.op.Set == ForAllValues {
			return "request value is empty: ForAllValues passes on an empty set"
		}
		return "request value is empty: ForAnyValue fails on an empty set"
	case whyPair:
		return c.pairReason(o.value.At(o.val), o.pair, neg)
	case whyDeciding:
		verb := "passes"
		if !o.pass {
			verb = "fails"
		}
		return fmt.Sprintf("%s: request value %d %s: %s", c.op.Set, o.val, verb,
			c.pairReason(o.value.At(o.val), o.pair, neg))
	case whyAllValues:
		var b strings.Builder
		if c.op.Set == ForAllValues {
			b.WriteString("ForAllValues: every request value passes")
		} else {
			b.WriteString("ForAnyValue: no request value passes")
		}
		if o.bad >= 0 {
			fmt.Fprintf(&b, "; request value %q is not %s", o.value.At(o.bad), c.fam.kind())
		}
		if o.unres >= 0 {
			fmt.Fprintf(&b, "; policy value %q has a variable with no value and matches nothing", c.values()[o.unres])
		}
		return b.String()
	}
	return ""
}

// pairReason explains the test of request value s against the policy values.
func (c *clause) pairReason(s string, p pairResult, neg bool) string {
	var b strings.Builder
	switch {
	case p.bad:
		fmt.Fprintf(&b, "request value %q is not %s, so it matches no policy value", s, c.fam.kind())
	case p.isMatch():
		fmt.Fprintf(&b, "request value %q matches policy value %q", s, c.values()[p.index])
	default:
		fmt.Fprintf(&b, "request value %q matches no policy value", s)
	}
	if p.unresolved >= 0 && !p.isMatch() {
		fmt.Fprintf(&b, "; policy value %q has a variable with no value and matches nothing", c.values()[p.unresolved])
	}
	if neg {
		if p.isMatch() {
			b.WriteString(": the negated operator fails")
		} else {
			b.WriteString(": the negated operator passes")
		}
	}
	return b.String()
}

// failClosed says what an unknown clause does.
const failClosed = "the clause's truth is unknown: an Allow statement does not apply, a Deny statement does"

func passFail(pass bool) string {
	if pass {
		return "passes"
	}
	return "fails"
}
