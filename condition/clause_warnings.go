package condition

import (
	"runtime"
	"sync"
	"weak"
)

// clauseWarnings holds the warnings of the clauses that have any, by a
// weak pointer to the clause: few clauses have warnings, and a field for
// them in every clause was a tenth of a compiled condition (issue 15).
// An entry goes when its clause is collected.
var clauseWarnings sync.Map // weak.Pointer[clause] -> []*ValueError

// setWarnings records the warnings of c, a new clause.
func setWarnings(c *clause, warns []*ValueError) {
	c.nvals |= warnedBit
	key := weak.Make(c)
	clauseWarnings.Store(key, warns)
	runtime.AddCleanup(c, func(key weak.Pointer[clause]) { clauseWarnings.Delete(key) }, key)
}

// warnings returns the warnings of c, nil when it has none. The slice is
// shared.
func warnings(c *clause) []*ValueError {
	if c == nil || c.nvals&warnedBit == 0 {
		return nil
	}
	w, ok := clauseWarnings.Load(weak.Make(c))
	if !ok {
		return nil
	}
	return w.([]*ValueError)
}
