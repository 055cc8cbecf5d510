package policy

import (
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// oneVariable is the compiled form of the most common templated resource
// part, literal text, one policy variable and a glob, as in
// "home/${aws:username}/*". It matches the request's resource part piece
// by piece, without expanding the template into a pattern: the part must
// start with head, then the variable's value, and the rest must match
// tail, so that matching builds no strings.
type oneVariable struct {
	head string           // literal text before the variable, without wildcards
	key  string           // the variable's key, lower case
	tail wildcard.Pattern // the glob after the variable
	// headInPrefix is set when the entry's literal prefix holds head at
	// the start of the resource part: match is then only given parts of
	// resources that start with the prefix, which start with head.
	headInPrefix bool
}

// compileOneVariable returns the oneVariable form of the resource part
// res, or nil when t, the template parsed from it, has another shape (see
// compileOneVariableTo).
func compileOneVariable(res string, t variables.Template) *oneVariable {
	v := new(oneVariable)
	if !compileOneVariableTo(v, res, t) {
		return nil
	}
	return v
}

// compileOneVariableTo sets *v to the oneVariable form of the resource
// part res and reports whether t, the template parsed from it, has that
// shape; otherwise it leaves *v zero. The shape is read from res and then
// checked against t itself: expanded with a probe value, t must give
// exactly head, the probe and tail, as variables.Template.AppendPattern
// escapes them. So the two matchers can only differ if they disagree on
// that probe, and then the template keeps its general matcher. The probe
// is v itself, seen as a Lookup, so that checking allocates nothing when
// v is already on the heap.
func compileOneVariableTo(v *oneVariable, res string, t variables.Template) bool {
	i := strings.Index(res, "${")
	if i < 0 || strings.Contains(res[i+2:], "${") || strings.ContainsAny(res, `\`) {
		return false
	}
	j := strings.IndexByte(res[i+2:], '}')
	if j < 0 {
		return false
	}
	body := res[i+2 : i+2+j]
	if body == "" || body == "*" || body == "?" || body == "$" || strings.ContainsAny(body, " \t\r\n,'${}") {
		return false
	}
	head, tail := res[:i], res[i+2+j+1:]
	if strings.ContainsAny(head, "*?") {
		return false
	}
	key, one := t.OnlyKey()
	if !one || key != strings.ToLower(body) {
		return false
	}
	var buf [128]byte
	v.key = key
	got, ok := t.AppendPattern(buf[:0], (*probe)(v))
	if !ok || len(got) != len(head)+len(probeValue)+len(tail) ||
		string(got[:len(head)]) != head ||
		string(got[len(head):len(head)+len(probeValue)]) != probeValue ||
		string(got[len(head)+len(probeValue):]) != tail {
		*v = oneVariable{}
		return false
	}
	// The key is interned when it is a global key (aws:username), so that
	// a Context finds its hash without hashing it on every request.
	*v = oneVariable{head: head, key: condition.NormalizeKey(key), tail: wildcard.Compile(tail)}
	return true
}

// probeValue is the value probe gives: plain text that AppendPattern
// copies unescaped.
const probeValue = "\x00probe\x00"

// probe is a variables.Lookup with a single key, that of the oneVariable
// being checked.
type probe oneVariable

// LookupVariable implements variables.Lookup.
func (p *probe) LookupVariable(key string) (string, bool) {
	if key != p.key {
		return "", false
	}
	return probeValue, true
}

// match reports whether the resource part res matches, reading the
// variable from l. unresolved is true when the variable has no value: the
// entry then matches nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
func (v *oneVariable) match(res string, l variables.Lookup) (matched, unresolved bool) {
	value, ok := l.LookupVariable(v.key)
	if !ok {
		return false, true
	}
	if !v.headInPrefix && !strings.HasPrefix(res, v.head) {
		return false, false
	}
	res = res[len(v.head):]
	if !strings.HasPrefix(res, value) {
		return false, false
	}
	return v.tail.Match(res[len(value):]), false
}
