package policy

import "github.com/iameval/iameval/principal"

// Grantees is who the Allow statements of a policy can apply to, read
// from their Principal elements, for a caller that indexes many resource
// policies by the principals they name (the trust policies of an
// account's roles). It is a superset: conditions, Action and Resource
// are left out.
type Grantees struct {
	// Anyone says some Allow statement can apply to callers it does not
	// name: it has no Principal element, or Principal "*", or
	// NotPrincipal.
	Anyone bool
	// Names holds the ARNs and unique IDs of its AWS principals, which
	// match a caller that has the name among its own names or what
	// stands behind it (principal.Identity.IsDirect and IsIndirect).
	Names []string
	// Accounts holds the account IDs named (an ID or a root ARN): every
	// principal of the account.
	Accounts []string
	// Providers and Services hold the identity providers (Federated) and
	// service principals named.
	Providers, Services []string
}

// Grantees returns who the Allow statements of p can apply to. When
// [Policy.MayAllow] reports true for a request, [Grantees.Covers] does
// for its caller's identity.
func (p *Policy) Grantees() Grantees {
	var g Grantees
	for i := range p.stmts {
		s := &p.stmts[i]
		if s.effect != Allow {
			continue
		}
		ps := s.principal
		if ps == nil || ps.not || ps.all {
			g.Anyone = true
			continue
		}
		g.Names = append(g.Names, ps.aws...)
		g.Accounts = append(g.Accounts, ps.accounts...)
		g.Providers = append(g.Providers, ps.federated...)
		g.Services = append(g.Services, ps.services...)
	}
	return g
}

// Covers reports whether an Allow statement with these grantees could
// apply to the caller id: a Principal element of them all matches it.
func (g *Grantees) Covers(id *principal.Identity) bool {
	s := principalSet{all: g.Anyone, aws: g.Names, accounts: g.Accounts, federated: g.Providers, services: g.Services}
	return s.match(id) != PrincipalNone
}
