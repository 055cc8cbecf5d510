package condition

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unsafe"

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
	op Operator
	// fam is the operator's family, famInvalid for an invalid clause (an
	// invalid operator or a policy value that does not parse).
	fam family
	// nvals is the number of policy values, below warnedBit, which marks
	// a clause with warnings (see clauseWarnings); use count.
	nvals uint32
	// k is the context key: clauses of one key as written share it
	// (see Clauses), as policies name the same few keys in clause after
	// clause, which keeps a clause at 40 bytes rather than 72 and
	// stores one pointer for the key rather than two strings.
	k *clauseKey

	// one is the single policy value most clauses have; the values of a
	// clause of more are a copy of the list, which one's bytes are
	// (see values): the count in the word of the operator, no pointer
	// to a value, and the rare warnings kept apart (see clauseWarnings)
	// make a clause small (issue 15).
	one string

	// data points to the first of len(values) compiled values of the
	// family's type (see the accessors strs, nums, ...), or is nil: one
	// word rather than a slice header per family, of which a clause
	// uses one (issue 15: a clause was 320 bytes). String clauses whose
	// values are all fixed text leave it nil and compare values
	// directly.
	data unsafe.Pointer
}

// clauseKey is the context key of clauses: as written, normalized, and
// hashKey of that.
type clauseKey struct {
	key   string // as written
	nkey  string // normalized
	khash uint64 // hashKey(nkey), for Context lookups
}

// set makes k the record of key and reports isMultivaluedGlobal of it.
func (k *clauseKey) set(key string) (multi bool) {
	nkey := normalizeKey(key)
	*k = clauseKey{key, nkey, hashKey(nkey)}
	return isMultivaluedGlobal(nkey)
}

// invalid reports whether the clause is invalid: it evaluates to false.
func (c *clause) invalid() bool { return c.fam == famInvalid }

// warnedBit marks, in clause.nvals, a clause that has warnings.
const warnedBit = 1 << 31

// maxValues is the most policy values a clause holds.
const maxValues = warnedBit - 1

// count returns the number of policy values of c.
func (c *clause) count() int { return int(c.nvals &^ warnedBit) }

// payload returns the pointer a clause keeps for the compiled values vs.
func payload[T any](vs []T) unsafe.Pointer {
	if len(vs) == 0 {
		return nil
	}
	return unsafe.Pointer(unsafe.SliceData(vs))
}

// view returns the compiled values of c as a slice of T; the accessors
// below call it only for the family that stored a []T in data.
func view[T any](c *clause) []T {
	if c.data == nil {
		return nil
	}
	return unsafe.Slice((*T)(c.data), c.count())
}

// values returns the policy values of c.
func (c *clause) values() []string {
	switch n := c.count(); n {
	case 0:
		return nil
	case 1:
		return unsafe.Slice(&c.one, 1)
	default:
		return unsafe.Slice((*string)(unsafe.Pointer(unsafe.StringData(c.one))), n)
	}
}

// strs returns the compiled values of a String* clause, or nil when they
// are all fixed text (the values themselves).
func (c *clause) strs() []stringValue {
	if c.fam != famString {
		return nil
	}
	return view[stringValue](c)
}

// nums returns the compiled values of a Numeric* clause.
func (c *clause) nums() []decimal {
	if c.fam != famNumeric {
		return nil
	}
	return view[decimal](c)
}

// dates returns the compiled values of a Date* clause.
func (c *clause) dates() []instant {
	if c.fam != famDate {
		return nil
	}
	return view[instant](c)
}

// bools returns the compiled values of a Bool clause.
func (c *clause) bools() []boolValue {
	if c.fam != famBool {
		return nil
	}
	return view[boolValue](c)
}

// bins returns the compiled values of a BinaryEquals clause.
func (c *clause) bins() [][]byte {
	if c.fam != famBinary {
		return nil
	}
	return view[[]byte](c)
}

// ips returns the compiled values of an IpAddress or NotIpAddress clause.
func (c *clause) ips() []ipPrefix {
	if c.fam != famIP {
		return nil
	}
	if c.count() == 1 {
		// A clause of one IP value is a clauseOf[ipPrefix] (see
		// ipBody), whose data it leaves nil.
		return (*clauseOf[ipPrefix])(unsafe.Pointer(c)).data[:]
	}
	return view[ipPrefix](c)
}

// arns returns the compiled values of an Arn* clause.
func (c *clause) arns() []arnValue {
	if c.fam != famARN {
		return nil
	}
	return view[arnValue](c)
}

// nulls returns the compiled values of a Null clause.
func (c *clause) nulls() []bool {
	if c.fam != famNull {
		return nil
	}
	return view[bool](c)
}

// setValues makes the zero clause c hold a copy of values.
func setValues(c *clause, values []string) {
	c.nvals = uint32(len(values))
	switch len(values) {
	case 0:
	case 1:
		c.one = values[0]
	default:
		// one's bytes are the copy of the list (see values).
		vs := slices.Clone(values)
		c.one = unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(vs))), len(vs)*int(unsafe.Sizeof("")))
	}
}

// clauseOf is a clause of one policy value together with its compiled
// value of type T, which the clause's data points to (an IP clause's is
// found without, see ips).
type clauseOf[T any] struct {
	clause
	data [1]T
}

// keyedClause is a clause that has its key to itself, as [NewClause]
// compiles it: one allocation of 80 bytes.
type keyedClause struct {
	clause
	key clauseKey
}

// keyedClauseOf is a clauseOf that has its key to itself.
type keyedClauseOf[T any] struct {
	clauseOf[T]
	key clauseKey
}

// newClauseBody returns a zero clause of key holding a copy of values,
// and whether key is multivalued (see isMultivaluedGlobal).
func newClauseBody(key string, values []string) (*clause, bool) {
	b := &keyedClause{}
	multi := b.key.set(key)
	b.k = &b.key
	setValues(&b.clause, values)
	return &b.clause, multi
}

// newClauseBodyFor is newClauseBody also returning room for the compiled
// values, of type T: a single value, as most clauses have, shares one
// allocation with its compiled value.
func newClauseBodyFor[T any](key string, values []string) (*clause, []T, bool) {
	if len(values) != 1 {
		c, multi := newClauseBody(key, values)
		return c, make([]T, len(values)), multi
	}
	b := &keyedClauseOf[T]{}
	multi := b.key.set(key)
	b.k = &b.key
	setValues(&b.clause, values)
	return &b.clause, b.data[:], multi
}

// invalidClause is what the zero Clause stands for.
var invalidClause = clause{fam: famInvalid, k: &clauseKey{}}

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
	return newClause(nil, op, key, values, mode)
}

// newClause is NewClause, carving the clause from the blocks of cs when
// it is not nil (see Clauses).
func newClause(cs *Clauses, op Operator, key string, values []string, mode variables.Mode) (Clause, []error) {
	if uint64(len(values)) > maxValues {
		c, _ := cs.body(key, nil)
		c.op = op
		return Clause{c}, []error{&ValueError{Index: -1, Err: fmt.Errorf("%d values: more than a clause holds", len(values))}}
	}
	fam := op.Base.family()
	var c *clause
	var multivalued bool
	var ipRoom []ipPrefix // where compileIPTo compiles an IP clause's values
	if fam == famIP && op.Valid() {
		c, ipRoom, multivalued = cs.ipBody(key, values)
	} else {
		c, multivalued = cs.body(key, values)
	}
	c.op, c.fam = op, fam
	if !op.Valid() {
		c.fam = famInvalid
		return Clause{c}, []error{&ValueError{Index: -1, Err: fmt.Errorf("invalid operator %s", op)}}
	}
	var errs []error
	var warns []*ValueError
	switch c.fam {
	case famString:
		var strs []stringValue
		strs, warns = compileString(op.Base, values, mode)
		c.data = payload(strs)
	case famNumeric:
		var nums []decimal
		nums, errs = compileNumeric(values)
		c.data = payload(nums)
	case famDate:
		var dates []instant
		dates, errs, warns = compileDate(values)
		c.data = payload(dates)
	case famBool:
		var bools []boolValue
		bools, errs, warns = compileBool(values, mode)
		c.data = payload(bools)
	case famBinary:
		var bins [][]byte
		bins, errs = compileBinary(values)
		c.data = payload(bins)
	case famIP:
		var ips []ipPrefix
		ips, errs = compileIPTo(ipRoom, values)
		if len(ips) > 1 {
			// One is found without a pointer (see ips), which spares
			// a store per clause.
			c.data = payload(ips)
		}
	case famARN:
		var arns []arnValue
		arns, warns = compileARN(values, mode)
		c.data = payload(arns)
	case famNull:
		var nulls []bool
		nulls, errs = compileNull(values)
		c.data = payload(nulls)
	}
	if len(values) == 0 {
		warns = append(warns, &ValueError{Index: -1, Err: errNoValues})
	}
	if op.Set == NoSet && c.fam != famNull && multivalued {
		warns = append(warns, &ValueError{Index: -1, Err: fmt.Errorf(
			"%s is multivalued: without ForAnyValue: or ForAllValues: AWS does not say how a list of values reads, so iameval takes the condition as unknown when the key has values (an Allow does not apply, a Deny does)", key)})
	}
	if len(warns) > 0 {
		setWarnings(c, warns)
	}
	if len(errs) > 0 {
		c.fam = famInvalid
	}
	return Clause{c}, errs
}

// Operator returns the clause's operator.
func (c Clause) Operator() Operator { return c.body().op }

// Key returns the context key as written in the policy.
func (c Clause) Key() string { return c.body().k.key }

// NormalizedKey returns the context key normalized with [NormalizeKey].
func (c Clause) NormalizedKey() string { return c.body().k.nkey }

// Values returns a copy of the policy values as given to [NewClause].
func (c Clause) Values() []string { return slices.Clone(c.body().values()) }

// Warnings returns non-fatal findings about the policy values: a four-digit
// date read as epoch seconds (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), an Arn* value that is
// not an ARN and so matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), an unclosed ${ or an empty ${}
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), an empty value list (Index -1), and a plain
// operator on a documented multivalued key such as aws:TagKeys (Index
// -1). The slice is a copy.
func (c Clause) Warnings() []*ValueError {
	// Most clauses have none: that is told here, inlined into the
	// caller (the parser asks of every clause it compiles).
	if c.c == nil || c.c.nvals&warnedBit == 0 {
		return nil
	}
	return cloneWarnings(c.c)
}

// cloneWarnings returns a copy of the warnings of c; not inlined, so
// that Warnings is small enough to be.
//
//go:noinline
func cloneWarnings(c *clause) []*ValueError { return slices.Clone(warnings(c)) }

// String returns the operator and the key, as in `StringLike "s3:prefix"`.
func (c Clause) String() string {
	b := c.body()
	return b.op.String() + " " + strconv.Quote(b.k.key)
}

// match tests one request value against all policy values with the positive
// form of the clause's operator.
func (c *clause) match(s string, l Lookup) pairResult {
	switch c.fam {
	case famString:
		return matchString(c.op.Base, c.strs(), c.values(), s, l)
	case famNumeric:
		return matchOrdered(c.op.Base, c.nums(), s, parseDecimal, decimal.cmp)
	case famDate:
		return matchOrdered(c.op.Base, c.dates(), s, parseDate, instant.cmp)
	case famBool:
		return matchBool(c.bools(), s, l)
	case famBinary:
		return matchBinary(c.bins(), s)
	case famIP:
		return matchIP(c.ips(), s)
	case famARN:
		return matchARN(c.arns(), s, l)
	}
	return noMatch
}
