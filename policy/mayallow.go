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
	for _, s := range p.stmts {
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
