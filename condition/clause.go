package condition

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strconv"

	"github.com/iameval/iameval/variables"
)

// ValueError reports a malformed policy value of a condition clause: Index
// is the position of the value in the clause's value list, or -1 when the
// problem concerns the clause as a whole. It carries no source position;
// package policy adds it.
type ValueError struct {
	Index int
	Err   error
}

// Error returns "value N: message", or the bare message when Index is -1.
func (e *ValueError) Error() string {
	if e.Index < 0 {
		return e.Err.Error()
	}
	return "value " + strconv.Itoa(e.Index) + ": " + e.Err.Error()
}

// Unwrap returns e.Err.
func (e *ValueError) Unwrap() error {
	return e.Err
}

// Clause is one compiled entry of a Condition element: an operator, a
// context key and the policy values listed for it, parsed for the operator.
// A Clause is immutable and safe for concurrent use. The zero Clause is
// invalid and evaluates to false.
//
// A Clause is a handle to its compiled form, so that copying one (into a
// Block, a cache, a slice) copies a pointer.
type Clause struct {
	c *clause
}

// clause is the compiled form of a Clause.
type clause struct {
	op      Operator
	fam     family
	invalid bool
	key     string // as written
	nkey    string // normalized
	khash   uint64 // hashKey(nkey), for Context lookups
	values  []string

	strs  []stringValue
	nums  []decimal
	dates []instant
	bools []boolValue
	bins  [][]byte
	ips   []netip.Prefix
	arns  []arnValue
	nulls []bool

	warns []*ValueError
}

// clauseWithValues is a clause with room for the one or two values most
// clauses have, so that compiling one allocates once.
type clauseWithValues struct {
	clause
	store [2]string
}

// newClauseBody returns a zero clause holding a copy of values.
func newClauseBody(values []string) *clause {
	if len(values) > len(clauseWithValues{}.store) {
		return &clause{values: slices.Clone(values)}
	}
	cw := &clauseWithValues{}
	n := copy(cw.store[:], values)
	cw.values = cw.store[:n:n]
	return &cw.clause
}

// invalidClause is what the zero Clause stands for.
var invalidClause = clause{invalid: true}

// body returns the compiled form of c.
func (c Clause) body() *clause {
	if c.c == nil {
		return &invalidClause
	}
	return c.c
}

// errNoValues warns about a clause with an empty value list.
var errNoValues = errors.New("no values: a positive operator never matches, a negated one always does")

// NewClause compiles one operator/key entry of a Condition element. values
// are the policy values as text: the content of JSON strings, and numbers
// and booleans as their JSON text. mode decides whether ${...} is a policy
// variable; variables are recognised only in values of String*, Arn* and Bool
// operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), elsewhere ${...} is text that then fails
// to parse.
//
// Every policy value is parsed here: malformed numbers, dates, IP addresses,
// base64, booleans and Null values are reported as [*ValueError]s, one per
// bad value. A Clause returned with errors evaluates to false and should not
// be used. Non-fatal findings are available from [Clause.Warnings].
func NewClause(op Operator, key string, values []string, mode variables.Mode) (Clause, []error) {
	nkey := normalizeKey(key)
	c := newClauseBody(values)
	c.op, c.key, c.nkey, c.khash, c.fam = op, key, nkey, hashKey(nkey), op.Base.family()
	if !op.Valid() {
		c.invalid = true
		return Clause{c}, []error{&ValueError{Index: -1, Err: fmt.Errorf("invalid operator %s", op)}}
	}
	var errs []error
	var warns []*ValueError
	switch c.fam {
	case famString:
		c.strs, warns = compileString(op.Base, values, mode)
	case famNumeric:
		c.nums, errs = compileNumeric(values)
	case famDate:
		c.dates, errs, warns = compileDate(values)
	case famBool:
		c.bools, errs, warns = compileBool(values, mode)
	case famBinary:
		c.bins, errs = compileBinary(values)
	case famIP:
		c.ips, errs = compileIP(values)
	case famARN:
		c.arns, warns = compileARN(values, mode)
	case famNull:
		c.nulls, errs = compileNull(values)
	}
	if len(values) == 0 {
		warns = append(warns, &ValueError{Index: -1, Err: errNoValues})
	}
	if op.Set == NoSet && c.fam != famNull && multivaluedGlobal[nkey] {
		warns = append(warns, &ValueError{Index: -1, Err: fmt.Errorf(
			"%s is multivalued: without ForAnyValue: or ForAllValues: AWS does not say how a list of values reads, so iameval takes the condition as unknown when the key has values (an Allow does not apply, a Deny does)", key)})
	}
	c.warns = warns
	if len(errs) > 0 {
		c.invalid = true
	}
	return Clause{c}, errs
}

// Operator returns the clause's operator.
func (c Clause) Operator() Operator { return c.body().op }

// Key returns the context key as written in the policy.
func (c Clause) Key() string { return c.body().key }

// NormalizedKey returns the context key normalized with [NormalizeKey].
func (c Clause) NormalizedKey() string { return c.body().nkey }

// Values returns a copy of the policy values as given to [NewClause].
func (c Clause) Values() []string { return slices.Clone(c.body().values) }

// Warnings returns non-fatal findings about the policy values: a four-digit
// date read as epoch seconds (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), an Arn* value that is
// not an ARN and so matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), an unclosed ${ or an empty ${}
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), an empty value list (Index -1), and a plain
// operator on a documented multivalued key such as aws:TagKeys (Index
// -1). The slice is a copy.
func (c Clause) Warnings() []*ValueError { return slices.Clone(c.body().warns) }

// String returns the operator and the key, as in `StringLike "s3:prefix"`.
func (c Clause) String() string {
	b := c.body()
	return b.op.String() + " " + strconv.Quote(b.key)
}

// match tests one request value against all policy values with the positive
// form of the clause's operator.
func (c *clause) match(s string, l Lookup) pairResult {
	switch c.fam {
	case famString:
		return matchString(c.op.Base, c.strs, s, l)
	case famNumeric:
		return matchOrdered(c.op.Base, c.nums, s, parseDecimal, decimal.cmp)
	case famDate:
		return matchOrdered(c.op.Base, c.dates, s, parseDate, instant.cmp)
	case famBool:
		return matchBool(c.bools, s, l)
	case famBinary:
		return matchBinary(c.bins, s)
	case famIP:
		return matchIP(c.ips, s)
	case famARN:
		return matchARN(c.arns, s, l)
	}
	return noMatch
}
