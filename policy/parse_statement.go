package policy

import (
	"math/bits"
	"strconv"

	"github.com/iameval/iameval/internal/jsonsrc"
)

// Members of a statement object (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), in the order of
// statementElements.
const (
	elSid = iota
	elEffect
	elPrincipal
	elNotPrincipal
	elAction
	elNotAction
	elResource
	elNotResource
	elCondition
	numStatementElements
)

// statementElements are the names of the statement members, in the order
// of the el* constants: each element is followed by its Not form.
var statementElements = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}

// statementKeys is the table of statementElements that Fields finds keys in.
var statementKeys = jsonsrc.NewKnownKeys(statementElements)

// stmtFields are the members of one statement, by el* constant.
type stmtFields [numStatementElements]jsonsrc.Member

// reset marks every member missing, for the next statement. fields
// writes the members present only, and the other fields of a missing
// member are not read (see exists): nine stores rather than the clearing
// of 500 bytes for every statement. Written out, as the compiler keeps
// a loop of nine. The keys, which fields does not write, stay as
// document set them.
func (f *stmtFields) reset() {
	const m = jsonsrc.Missing
	const _ = uint(9 - numStatementElements) // no element past f[8]
	f[0].Value.Kind, f[1].Value.Kind, f[2].Value.Kind = m, m, m
	f[3].Value.Kind, f[4].Value.Kind, f[5].Value.Kind = m, m, m
	f[6].Value.Kind, f[7].Value.Kind, f[8].Value.Kind = m, m, m
}

// statement parses one statement object (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) and checks it against
// the rules of the policy type (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html).
// f holds the members of the statement before, if any.
func (p *parser) statement(v jsonsrc.Value, at *path, f *stmtFields) *Statement {
	off := v.Index
	p.stmtErrs = len(p.errs)
	s := p.newStatement()
	s.off, s.endOff = int32(off), int32(v.End-1) // see maxDocument
	f.reset()
	p.fields(v, at, statementKeys, f[:])
	// Where each element is written, for explanations of a failed match.
	s.elemOff[PartPrincipal-1] = int32(elementOffset(f, elPrincipal, true, off))
	s.elemOff[PartAction-1] = int32(elementOffset(f, elAction, true, off))
	s.elemOff[PartResource-1] = int32(elementOffset(f, elResource, true, off))
	s.elemOff[PartCondition-1] = int32(elementOffset(f, elCondition, false, off))

	if m := &f[elSid]; exists(m) {
		if m.Value.Kind != '"' {
			c := at.Child("Sid")
			p.typeError(m.Value, &c, "a string")
		} else {
			s.sid = p.doc.Str(m.Value) // checkSids reads it
		}
	}
	effectOK := p.effect(f, s, off, at)

	principalErrs := p.errCount
	hasP, hasNP := pair(f, elPrincipal)
	if hasP && hasNP {
		p.conflict(f, elPrincipal, at)
	}
	if hasP {
		s.principal = p.newPrincipalSet(p.principals(f[elPrincipal], false, at))
	}
	if hasNP {
		if ps := p.principals(f[elNotPrincipal], true, at); !hasP {
			s.principal = p.newPrincipalSet(ps)
		}
	}
	p.principalErrs = p.errCount > principalErrs
	hasA, hasNA := pair(f, elAction)
	if hasA && hasNA {
		p.conflict(f, elAction, at)
	}
	if !hasA && !hasNA {
		p.missingf(off, at, statementElements[elAction:elAction+2], "missing \"Action\" or \"NotAction\"")
	}
	if hasA {
		s.actions = p.actions(&f[elAction], false, at)
	}
	if hasNA {
		if as := p.actions(&f[elNotAction], true, at); !hasA {
			s.actions = as
		}
	}
	hasR, hasNR := pair(f, elResource)
	if hasR && hasNR {
		p.conflict(f, elResource, at)
	}
	if hasR {
		s.resources = p.resources(&f[elResource], false, at)
	}
	if hasNR {
		if rs := p.resources(&f[elNotResource], true, at); !hasR {
			s.resources = rs
		}
	}
	if m := &f[elCondition]; exists(m) {
		c := at.Child("Condition")
		var offs []int32
		s.cond, offs, s.hasCond = p.condition(m.Value, &c)
		if len(offs) > 0 && len(offs) == s.cond.Len() {
			s.clauseOff = &offs[0]
		}
	}
	p.typeRules(f, s, off, at, effectOK)
	return s
}

// elementOffset returns where the key of element el is written, else
// (withNot) that of its Not form, else off. Called once per element with
// constant arguments, it is inlined: no loop over a table of elements.
func elementOffset(f *stmtFields, el int, withNot bool, off int) int {
	switch {
	case exists(&f[el]):
		return f[el].KeyIndex
	case withNot && exists(&f[el+1]):
		return f[el+1].KeyIndex
	}
	return off
}

// effect reads the Effect element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html). It reports whether a valid Effect
// was found.
func (p *parser) effect(f *stmtFields, s *Statement, off int, at *path) bool {
	m := &f[elEffect]
	if !exists(m) {
		p.missingf(off, at, statementElements[elEffect:elEffect+1], "missing \"Effect\": expected \"Allow\" or \"Deny\"")
		return false
	}
	// The element's path is built only for an error.
	if m.Value.Kind != '"' {
		c := at.Child("Effect")
		p.typeError(m.Value, &c, "\"Allow\" or \"Deny\"")
		return false
	}
	switch str := p.doc.Str(m.Value); str {
	case "Allow":
		s.effect = Allow
	case "Deny":
		s.effect = Deny
	default:
		c := at.Child("Effect")
		p.errorf(m.Value.Index, &c, ErrValue, "expected \"Allow\" or \"Deny\", found %s", strconv.Quote(str))
		return false
	}
	return true
}

// exists reports whether the member is present: jsonsrc.Member.Exists
// without the copy of the member that its value receiver costs.
func exists(m *jsonsrc.Member) bool { return m.Value.Kind != jsonsrc.Missing }

// pair reports which of the element el and its Not form (el+1) are
// present; when both are, the caller reports the conflict. Inlined, with
// constant indexes: a method that also reported it was not.
func pair(f *stmtFields, el int) (first, second bool) {
	return exists(&f[el]), exists(&f[el+1])
}

// conflict reports that the element el and its Not form are both present,
// at the later of the two.
func (p *parser) conflict(f *stmtFields, el int, at *path) {
	a, b := &f[el], &f[el+1]
	later := b
	if a.KeyIndex > b.KeyIndex {
		later = a
	}
	c := at.Child(later.Key)
	p.errorf(later.KeyIndex, &c, ErrConflict,
		"%q and %q cannot both be present in a statement", statementElements[el], statementElements[el+1])
}

// actions compiles an Action or NotAction element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
// An element written exactly as one of the few last used (see lastList)
// shares its entries: policies repeat the same action list in statement
// after statement, and compiled entries are never modified.
func (p *parser) actions(m *jsonsrc.Member, not bool, at *path) actionSet {
	if e := p.lastActions.find(p.doc.Src(), m.Value); e != nil {
		return newActionSet(e, not)
	}
	c := at.Child(m.Key)
	problems := p.limit.Count()
	items := p.strs(m.Value, &c, p.items[:0])
	entries := p.actionEntries(len(items))
	for i := range items {
		it := &items[i]
		e, ok, warn := compileAction(it.s, p.lower(it))
		if !ok {
			ip := it.path(&c)
			p.errorf(it.offset, &ip, ErrValue, "expected \"*\" or \"service:action\", found %s", strconv.Quote(it.s))
			continue
		}
		if warn {
			ip := it.path(&c)
			p.warnf(it.offset, &ip, ErrValue, "wildcard in service prefix %q: service prefixes are matched literally", e.service())
		}
		entries = append(entries, e)
	}
	if p.limit.Count() == problems && len(entries) > 0 {
		p.lastActions.add(m.Value, entries)
	}
	return newActionSet(entries, not)
}

// resources compiles a Resource or NotResource element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
// Like actions, an element written exactly as one of the few last used
// shares its entries (the variable mode is the same
// for the whole document).
func (p *parser) resources(m *jsonsrc.Member, not bool, at *path) resourceSet {
	if e := p.lastResources.find(p.doc.Src(), m.Value); e != nil {
		return newResourceSet(e, not)
	}
	c := at.Child(m.Key)
	problems := p.limit.Count()
	items := p.strs(m.Value, &c, p.items[:0])
	entries := p.resourceEntries(len(items))
	head := lastHead(&p.lastResources)
	for i := range items {
		it := &items[i]
		// Compiled in place: an entry is too large to copy twice.
		n := len(entries)
		entries = entries[:n+1]
		e := &entries[n]
		var w resourceWarnings
		if !compileResourceTo(e, &w, it.s, p.mode, head) {
			entries = entries[:n]
			ip := it.path(&c)
			p.errorf(it.offset, &ip, ErrValue,
				"expected \"*\" or an ARN (arn:partition:service:region:account:resource), found %s", strconv.Quote(it.s))
			continue
		}
		if !w.empty() {
			ip := it.path(&c)
			p.resourceWarnings(it.s, it.offset, &ip, e, &w)
		}
		if h := e.entryHead(); h != "" {
			head = h
		}
	}
	if p.limit.Count() == problems && len(entries) > 0 {
		p.lastResources.add(m.Value, entries)
	}
	return newResourceSet(entries, not)
}

// resourceWarnings reports what compileResource found suspicious.
func (p *parser) resourceWarnings(s string, offset int, at *path, e *resourceEntry, w *resourceWarnings) {
	q := strconv.Quote(s)
	switch {
	case w.short && e.neverMatches():
		p.warnf(offset, at, ErrValue, "ARN %s has fewer than six parts and does not end in \"*\": it matches nothing", q)
	case w.short:
		p.warnf(offset, at, ErrValue, "ARN %s has fewer than six parts: the missing parts are read as \"*\"", q)
	}
	if w.serviceGlob {
		p.warnf(offset, at, ErrValue, "wildcard in the service of ARN %s: the service is matched literally", q)
	}
	if w.varsOutside {
		p.warnf(offset, at, ErrValue, "policy variable before the fifth colon of ARN %s: the IAM User Guide allows variables only after it, "+
			"but AWS substitutes them in the partition, region and account (its managed policy AmazonTimestreamInfluxDBServiceRolePolicy relies on it) and so does iameval; "+
			"a Condition on aws:ResourceAccount says the same portably", q)
	}
	if w.varsService {
		p.warnf(offset, at, ErrValue, "policy variable in the service of ARN %s: it is matched as plain text and matches no request", q)
	}
	if w.typeWildcard {
		p.warnf(offset, at, ErrValue, "wildcard in the resource type of ARN %s: AWS does not allow wildcards there", q)
	}
	for _, t := range w.template {
		p.warnf(offset, at, ErrValue, "%s", t)
	}
}

// lastList holds the few Action or Resource elements compiled without
// errors or warnings that were last found or added: their JSON text as
// written and their entries. A few, not one, because policies often
// alternate between two or three lists.
type lastList[E any] struct {
	// start and n locate each element's text in the document (n is 0
	// in an empty slot): offsets rather than strings, so that add
	// stores no pointer for it (a write barrier while the collector
	// marks). Apart, so that find compares the lengths at once (see matches).
	start, n [lastListSize]int
	entries  [lastListSize][]E
	recency
}

// lastListSize is the number of elements a lastList remembers.
const lastListSize = 4

// find returns the entries of an element written as the value v of the
// document src, or nil. An empty slot's text is "", which no element is
// written as.
func (l *lastList[E]) find(src string, v jsonsrc.Value) []E {
	raw := src[v.Index:v.End]
	for m := matches(&l.n, len(raw)); m != 0; m &= m - 1 {
		i := bits.TrailingZeros(m) & (lastListSize - 1)
		if src[l.start[i]:][:len(raw)] == raw {
			l.touch(i)
			return l.entries[i]
		}
	}
	return nil
}

// lastHead returns a head for compileResourceTo: that of the first entry
// of the Resource element found or added last, if it has one. Statements
// mostly name resources of one service and account.
func lastHead(l *lastList[resourceEntry]) string {
	if e := l.entries[l.last]; len(e) > 0 {
		return e[0].entryHead()
	}
	return ""
}

// add remembers the element written as the value v, replacing the
// stalest (see recency).
func (l *lastList[E]) add(v jsonsrc.Value, entries []E) {
	i := l.stalest()
	l.start[i], l.n[i], l.entries[i] = v.Index, v.End-v.Index, entries
	l.touch(i)
}
