package policy

// MayAllow reports whether some Allow statement of p could apply to the
// action and resource of r, whatever the principal and the request
// context: its Action or NotAction element holds and its Resource element
// may hold. Principal, NotPrincipal and Condition are not read, an entry
// with policy variables and a NotResource element are taken to hold, so a
// false answer means that no request with this action and resource is
// allowed by p. Analyses over many principals use it to skip those that
// cannot be granted. The zero Request may be allowed by nothing.
func (p *Policy) MayAllow(r *Request) bool {
	if !r.prep.ok {
		return false
	}
	for _, s := range p.stmts {
		if s.effect == Allow && s.actions.applies(&r.prep) && s.resources.mayApply(&r.prep) {
			return true
		}
	}
	return false
}

// mayApply is applies without a request context: entries with policy
// variables, and NotResource, may hold.
func (s *resourceSet) mayApply(q *prepared) bool {
	if !s.present || s.not {
		return true
	}
	for i := range s.entries {
		e := &s.entries[i]
		if e.vars || (e.head != nil && e.head.vars != nil) {
			return true
		}
		if m, _ := e.match(q, nil); m {
			return true
		}
	}
	return false
}
