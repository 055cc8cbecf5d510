package policy

// MayAllow reports whether some Allow statement of p can apply to r when
// its conditions and its Resource element are left out: its Action (or
// NotAction) and Principal (or NotPrincipal) elements hold for r. When it
// reports false, p allows r nothing, whatever r's context and resource;
// a caller that must evaluate many requests (the roles a principal may
// assume: a role's trust policy must allow sts:AssumeRole,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html)
// can skip those. A request not built by [NewRequest] is allowed nothing.
func (p *Policy) MayAllow(r *Request) bool {
	var e env
	if r.load(&e, true) != nil {
		return false
	}
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect != Allow || !s.actions.applies(e.q) {
			continue
		}
		if s.principal != nil && s.principalMatch(&e) == PrincipalNone {
			continue
		}
		return true
	}
	return false
}

// AllowServices calls add with the service prefix (in lower case) of
// each entry of the Action elements of p's Allow statements, and reports
// whether one of them can hold for every service: it has a "*" entry or
// is NotAction. [Policy.MayAllowService] holds for exactly the services
// named and, when it reports true, for every service: a caller that asks
// about many services of many policies collects them once.
func (p *Policy) AllowServices(add func(service string)) (every bool) {
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect != Allow {
			continue
		}
		if s.actions.not {
			every = true
			continue
		}
		ents := s.actions.entries()
		for i := range ents {
			if e := &ents[i]; e.isAny() {
				every = true
			} else {
				add(e.service())
			}
		}
	}
	return every
}

// MayAllowService reports whether some Allow statement of p can hold for
// an action of service (a lower-case prefix such as "s3"): its Action
// element names the service or has "*", or it is NotAction
// ([Statement.MayMatchService]). It neither allocates nor copies the
// statements, so that asking it of many policies for every service of
// the catalogue stays cheap.
func (p *Policy) MayAllowService(service string) bool {
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect == Allow && s.actions.mayMatchService(service) {
			return true
		}
	}
	return false
}
