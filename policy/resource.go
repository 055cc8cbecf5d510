package policy

import (
	"strings"
	"unsafe"

	"github.com/iameval/iameval/internal/wildcard"
	"github.com/iameval/iameval/variables"
)

// resourceEntry is one compiled entry of a Resource or NotResource element
// (evaluation-logic.md A3, A4; variables.md §2).
type resourceEntry struct {
	raw   string // as written
	any   bool   // "*": every resource, including the request resource "*"
	never bool   // an ARN with fewer than six parts whose last part does not end in '*'

	partition, region, account glob   // globs within their segment
	service                    string // compared literally
	anyService                 bool   // the service segment is exactly "*"

	part glob               // the resource part, when it has no variables: '*' crosses '/' and ':'
	tmpl variables.Template // the resource part, when it has variables
	vars bool

	// prefix is literal text that every resource the entry matches starts
	// with; the index files the statement under it.
	prefix string
}

// resourceWarnings are the findings of compileResource that AWS accepts.
type resourceWarnings struct {
	short        bool     // fewer than six parts (padded or never matching)
	serviceGlob  bool     // a wildcard in the service segment, compared literally
	varsOutside  bool     // ${ in partition, service, region or account
	typeWildcard bool     // a wildcard in the resource type
	template     []string // warnings of variables.Parse
}

// empty reports whether there is nothing to warn about.
func (w *resourceWarnings) empty() bool {
	return !w.short && !w.serviceGlob && !w.varsOutside && !w.typeWildcard && len(w.template) == 0
}

// splitARN splits s at its first five colons, like internal/arn.Split, but
// also returns fewer parts when s has fewer colons.
func splitARN(s string) (parts [6]string, n int) {
	for n < 5 {
		i := strings.IndexByte(s, ':')
		if i < 0 {
			break
		}
		parts[n] = s[:i]
		s = s[i+1:]
		n++
	}
	parts[n] = s
	return parts, n + 1
}

// compileResource compiles one Resource entry. ok is false when the entry is
// neither "*" nor an ARN pattern (it must start with "arn:").
func compileResource(s string, mode variables.Mode) (e resourceEntry, ok bool, w resourceWarnings) {
	e.raw = s
	if s == "*" {
		e.any = true
		return e, true, w
	}
	if !strings.HasPrefix(s, "arn:") {
		return e, false, w
	}
	parts, n := splitARN(s)
	if n < 6 {
		w.short = true
		if !strings.HasSuffix(parts[n-1], "*") {
			e.never = true
			return e, true, w
		}
		for ; n < 6; n++ {
			parts[n] = "*"
		}
	}
	if mode == variables.Substitute {
		for _, seg := range parts[1:5] {
			if strings.Contains(seg, "${") {
				w.varsOutside = true
			}
		}
	}
	e.partition = compileGlob(parts[1])
	e.service = parts[2]
	e.anyService = parts[2] == "*"
	if !e.anyService && strings.ContainsAny(parts[2], "*?") {
		w.serviceGlob = true
	}
	e.region = compileGlob(parts[3])
	e.account = compileGlob(parts[4])

	res := parts[5]
	t, tw := variables.Parse(res, mode)
	w.template = tw
	if t.HasVariables() {
		e.tmpl = t
		e.vars = true
	} else {
		e.part = compileGlob(res)
	}
	w.typeWildcard = typeWildcard(parts[2], res)
	e.prefix = literalPrefix(s, mode)
	return e, true, w
}

// typeWildcard reports a wildcard inside the resource type of the resource
// part (evaluation-logic.md Q8: arn:aws:iam::A:u*). The resource type is
// the text before the first '/' or ':'; it is only recognised as a type
// when such a delimiter follows, or for IAM, whose resources always start
// with a type. S3 resource parts start with a bucket name, not a type. A
// type of exactly "*" (all resources) is not reported.
func typeWildcard(service, res string) bool {
	if service == "s3" {
		return false
	}
	typ := res
	delim := false
	if i := strings.IndexAny(res, "/:"); i >= 0 {
		typ, delim = res[:i], true
	}
	if typ == "*" || !strings.ContainsAny(typ, "*?") {
		return false
	}
	return delim || service == "iam"
}

// literalPrefix returns the text before the first wildcard (and, when
// variables are substituted, before the first "${") of the pattern as
// written: every resource the entry matches starts with it, because the
// segments before it are literal and the text is the ARN itself.
func literalPrefix(raw string, mode variables.Mode) string {
	if i := strings.IndexAny(raw, "*?"); i >= 0 {
		raw = raw[:i]
	}
	if mode == variables.Substitute {
		if i := strings.Index(raw, "${"); i >= 0 {
			raw = raw[:i]
		}
	}
	return raw
}

// resourceBufSize is the size of the stack buffer that holds an expanded
// resource template; longer expansions spill to the heap.
const resourceBufSize = 256

// match reports whether the entry matches the prepared request resource.
// unresolved is true when the entry has a variable without a value and no
// default: such an entry matches nothing (variables.md R6).
func (e *resourceEntry) match(q *prepared, l variables.Lookup) (matched, unresolved bool) {
	if e.any {
		return true, false
	}
	if e.never || !q.resARN {
		return false, false
	}
	p := &q.resParts
	if !e.anyService && e.service != p[2] {
		return false, false
	}
	if !e.partition.match(p[1]) || !e.region.match(p[3]) || !e.account.match(p[4]) {
		return false, false
	}
	if !e.vars {
		return e.part.match(p[5]), false
	}
	var buf [resourceBufSize]byte
	pat, ok := e.tmpl.AppendPattern(buf[:0], l)
	if !ok {
		return false, true
	}
	if len(pat) == 0 {
		return p[5] == "", false
	}
	return wildcard.MatchEscaped(unsafe.String(&pat[0], len(pat)), p[5]), false
}

// resourceSet is a compiled Resource or NotResource element.
type resourceSet struct {
	present bool // false: no Resource element, which in a resource-based policy means the attached resource
	not     bool // NotResource
	entries []resourceEntry
}

// applies reports whether the resource part of a statement holds. An
// unresolved entry matches nothing: in Resource it grants nothing, in
// NotResource it excludes nothing (variables.md R6).
func (s *resourceSet) applies(q *prepared, l variables.Lookup) bool {
	if !s.present {
		return true
	}
	for i := range s.entries {
		if m, _ := s.entries[i].match(q, l); m {
			return !s.not
		}
	}
	return s.not
}

// prefixes returns the literal prefixes of the entries and whether the
// element can be indexed by them: a Resource (not NotResource) element
// whose entries are all ARN patterns with a literal service. Entries that
// never match contribute no prefix.
func (s *resourceSet) prefixes() ([]string, bool) {
	if !s.present || s.not {
		return nil, false
	}
	out := make([]string, 0, len(s.entries))
	for i := range s.entries {
		e := &s.entries[i]
		switch {
		case e.never:
			continue
		case e.any || e.anyService || !e.partition.isLiteral():
			return nil, false
		}
		out = append(out, e.prefix)
	}
	return out, true
}
