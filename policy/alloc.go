package policy

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// lower returns the item in lower case, as strings.ToLower would. ASCII
// text is lower-cased into an arena shared by the whole policy, so that it
// costs no allocation of its own.
func (p *parser) lower(it *strItem) string {
	s := it.s
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	if cap(p.arena)-len(p.arena) < len(s) {
		p.arena = make([]byte, 0, max(len(p.doc.Src())/4, len(s)))
	}
	start := len(p.arena)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		p.arena = append(p.arena, c)
	}
	// The arena's bytes are never written again once used, and it is
	// never grown in place beyond its capacity, so the string stays
	// immutable, as with strings.Builder.
	return unsafe.String(&p.arena[start], len(s))
}

// countItems returns the number of members or elements of the object or
// array v; skipping each costs a lookup in the bracket index.
func (p *parser) countItems(v jsonsrc.Value) int {
	n := 0
	for it := p.doc.Items(v); ; n++ {
		if _, _, ok := it.Next(); !ok {
			return n
		}
	}
}

// Typical statements have two or three Action and one or two Resource
// entries; the slabs are sized for that and grow in slabMin steps.
const (
	actionsPerStatement   = 3
	resourcesPerStatement = 2
	slabMin               = 16
)

// reserve sizes the slabs for a document of n statements.
func (p *parser) reserve(n int) {
	p.stmtSlab = make([]Statement, 0, n)
	p.actSlab = make([]actionEntry, 0, actionsPerStatement*n)
	p.resSlab = make([]resourceEntry, 0, resourcesPerStatement*n)
}

// newStatement returns a zero Statement carved from the statement slab.
func (p *parser) newStatement() *Statement {
	if len(p.stmtSlab) == cap(p.stmtSlab) {
		p.stmtSlab = make([]Statement, 0, slabMin)
	}
	p.stmtSlab = p.stmtSlab[:len(p.stmtSlab)+1]
	return &p.stmtSlab[len(p.stmtSlab)-1]
}

// actionEntries returns an empty slice with room for n entries, carved
// from the action slab.
func (p *parser) actionEntries(n int) []actionEntry {
	if cap(p.actSlab)-len(p.actSlab) < n {
		p.actSlab = make([]actionEntry, 0, max(slabMin, n))
	}
	l := len(p.actSlab)
	p.actSlab = p.actSlab[:l+n]
	return p.actSlab[l : l : l+n]
}

// resourceEntries returns an empty slice with room for n entries, carved
// from the resource slab.
func (p *parser) resourceEntries(n int) []resourceEntry {
	if cap(p.resSlab)-len(p.resSlab) < n {
		p.resSlab = make([]resourceEntry, 0, max(slabMin, n))
	}
	l := len(p.resSlab)
	p.resSlab = p.resSlab[:l+n]
	return p.resSlab[l : l : l+n]
}

// opName is a parsed operator name.
type opName struct {
	name  string
	op    condition.Operator
	canon string // op.String()
	err   error
}

// parseOperator is condition.ParseOperator, computed once per distinct
// spelling: policies repeat the same few operators. It also returns the
// canonical spelling of the operator.
func (p *parser) parseOperator(name string) (condition.Operator, string, error) {
	for _, o := range p.opNames {
		if o.name == name {
			return o.op, o.canon, o.err
		}
	}
	op, err := condition.ParseOperator(name)
	canon := ""
	if err == nil {
		canon = op.String()
	}
	p.opNames = append(p.opNames, opName{name, op, canon, err})
	return op, canon, err
}

// cachedClause is a compiled clause and what compiling it reported.
type cachedClause struct {
	op     condition.Operator
	key    string
	values []string
	clause condition.Clause
	errs   []error
}

// newClause is condition.NewClause, computed once per distinct operator,
// key and values: policies repeat the same conditions in many statements
// (aws:SecureTransport, aws:PrincipalOrgID), and a Clause is immutable, so
// statements can share it.
func (p *parser) newClause(op condition.Operator, key string, values []string) (condition.Clause, []error) {
	for i := range p.clauses {
		c := &p.clauses[i]
		if c.op == op && c.key == key && slices.Equal(c.values, values) {
			return c.clause, c.errs
		}
	}
	clause, errs := condition.NewClause(op, key, values, p.mode)
	if p.clauses == nil {
		p.clauses = make([]cachedClause, 0, 32)
		p.cacheValues = make([]string, 0, 64)
	}
	// The cache keeps its copy of values in one growing slice: appending
	// never writes to the part earlier entries refer to, even when the
	// slice moves.
	start := len(p.cacheValues)
	p.cacheValues = append(p.cacheValues, values...)
	p.clauses = append(p.clauses, cachedClause{op, key, p.cacheValues[start:len(p.cacheValues):len(p.cacheValues)], clause, errs})
	return clause, errs
}
