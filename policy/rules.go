package policy

// noun names the policies of a type in messages.
func (t Type) noun() string {
	switch t {
	case Identity:
		return "identity-based policies"
	case Session:
		return "session policies"
	case PermissionsBoundary:
		return "permissions boundaries"
	case Resource:
		return "resource-based policies"
	case SCP:
		return "SCPs"
	case RCP:
		return "RCPs"
	case VPCEndpoint:
		return "VPC endpoint policies"
	}
	return t.String() + " policies"
}

// typeRules checks a statement against the rules of its policy type
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html).
func (p *parser) typeRules(f *stmtFields, s *Statement, off int, at *path, effectOK bool) {
	hasP, hasNP := exists(&f[elPrincipal]), exists(&f[elNotPrincipal])
	if p.typ.hasPrincipal() {
		if !hasP && !hasNP {
			p.missingf(off, at, statementElements[elPrincipal:elPrincipal+2],
				"missing \"Principal\": %s must name the principals they apply to", p.typ.noun())
		}
	} else {
		for _, el := range [...]int{elPrincipal, elNotPrincipal} {
			if m := &f[el]; exists(m) {
				c := at.Child(m.Key)
				p.errorf(m.KeyIndex, &c, ErrNotAllowed, "%q is not allowed in %s", m.Key, p.typ.noun())
			}
		}
	}
	// A statement of a resource-based policy without Resource covers the
	// resource the policy is attached to (role trust policies have none).
	if p.typ != Resource && !exists(&f[elResource]) && !exists(&f[elNotResource]) {
		p.missingf(off, at, statementElements[elResource:elResource+2], "missing \"Resource\" or \"NotResource\"")
	}
	if hasNP && effectOK && s.effect == Allow && p.typ != RCP {
		c := at.Child("NotPrincipal")
		p.warnf(f[elNotPrincipal].KeyIndex, &c, ErrNotAllowed,
			"\"NotPrincipal\" with \"Allow\" is not supported by most services and by role trust policies")
	}
	if p.typ == RCP {
		p.rcpRules(f, s, at, effectOK)
	}
}

// rcpRules checks the RCP-only rules (Organizations
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html): Principal "*" only, no
// NotPrincipal, no NotAction, Deny only (except the AWS-managed
// RCPFullAWSAccess statement), and no bare "*" Action in a Deny.
func (p *parser) rcpRules(f *stmtFields, s *Statement, at *path, effectOK bool) {
	if m := &f[elNotPrincipal]; exists(m) {
		c := at.Child(m.Key)
		p.errorf(m.KeyIndex, &c, ErrNotAllowed, "\"NotPrincipal\" is not allowed in RCPs")
	}
	if m := &f[elPrincipal]; exists(m) && s.principal != nil && !s.principal.not && !s.principal.isStarOnly() {
		c := at.Child(m.Key)
		if !p.principalErrs && !p.hasErrorsUnder(c.String()) {
			p.errorf(m.Value.Index, &c, ErrNotAllowed, "expected \"*\": RCPs apply to every principal; use conditions to narrow them")
		}
	}
	if m := &f[elNotAction]; exists(m) {
		c := at.Child(m.Key)
		p.errorf(m.KeyIndex, &c, ErrNotAllowed, "\"NotAction\" is not allowed in RCPs")
	}
	if !effectOK {
		return
	}
	switch s.effect {
	case Allow:
		if !isFullAccess(f, s) {
			c := at.Child("Effect")
			p.errorf(f[elEffect].Value.Index, &c, ErrNotAllowed,
				"expected \"Deny\": \"Allow\" is only supported in RCPFullAWSAccess (Principal \"*\", Action \"*\", Resource \"*\", no Condition)")
		}
	case Deny:
		if m := &f[elAction]; exists(m) && !s.actions.not {
			for _, e := range s.actions.entries() {
				if e.isAny() {
					c := at.Child("Action")
					p.errorf(m.Value.Index, &c, ErrNotAllowed,
						"expected specific actions, found \"*\": a custom RCP cannot deny every action")
					break
				}
			}
		}
	}
}

// isFullAccess reports whether the statement is the RCPFullAWSAccess
// statement: Allow, Principal "*", Action "*", Resource "*", nothing else.
func isFullAccess(f *stmtFields, s *Statement) bool {
	for _, el := range [...]int{elNotPrincipal, elNotAction, elNotResource, elCondition} {
		if exists(&f[el]) {
			return false
		}
	}
	return exists(&f[elPrincipal]) && s.principal != nil && s.principal.isStarOnly() &&
		exists(&f[elAction]) && len(s.actions.entries()) == 1 && s.actions.entries()[0].isAny() &&
		exists(&f[elResource]) && len(s.resources.entries()) == 1 && s.resources.entries()[0].anyResource()
}

// hasErrorsUnder reports whether an error of the statement being parsed
// was recorded at the path or below it. Earlier statements' errors are
// not looked at: they cannot be under it, and looking at them made
// 100,000 statements quadratic.
func (p *parser) hasErrorsUnder(at string) bool {
	for _, e := range p.errs[p.stmtErrs:] {
		if e.Path == at || len(e.Path) > len(at) && e.Path[:len(at)] == at && (e.Path[len(at)] == '.' || e.Path[len(at)] == '[') {
			return true
		}
	}
	return false
}
