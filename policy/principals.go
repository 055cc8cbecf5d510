package policy

import (
	"iter"
	"slices"

	"github.com/iameval/iameval/principal"
)

// principalSet is a compiled Principal or NotPrincipal element
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
type principalSet struct {
	not       bool     // NotPrincipal
	all       bool     // "*" or {"AWS": "*"}: every caller, anonymous included
	accounts  []string // account grants: 12-digit IDs and arn:<partition>:iam::<id>:root
	aws       []string // user, role, session and federated-user ARNs and unique IDs, compared exactly
	federated []string // identity providers
	services  []string // service principals, case-sensitive
	canonical []string // S3 canonical user IDs
	// awsSet holds the entries of aws when there are more than
	// linearPrincipals: the caller's few names are looked up in it
	// rather than each entry compared with them (issue 15: who-can over
	// 3,000 users of a resource policy of 300,000 principals took 8 s).
	awsSet map[string]struct{}
}

// linearPrincipals is the number of AWS entries up to which they are
// compared with the caller's names one by one.
const linearPrincipals = 16

// indexAWS builds awsSet when the element has many AWS entries.
func (s *principalSet) indexAWS() {
	if len(s.aws) <= linearPrincipals {
		return
	}
	s.awsSet = make(map[string]struct{}, len(s.aws))
	for _, a := range s.aws {
		s.awsSet[a] = struct{}{}
	}
}

// listedAny reports whether one of names is an AWS entry, looking names
// up in awsSet; has is the same question asked of one entry, for a short
// list.
func (s *principalSet) listedAny(names iter.Seq[string], has func(name string) bool) bool {
	if s.awsSet == nil {
		for _, a := range s.aws {
			if has(a) {
				return true
			}
		}
		return false
	}
	for n := range names {
		if _, ok := s.awsSet[n]; ok {
			return true
		}
	}
	return false
}

// noIdentity stands for a request without a principal: it has no identity
// that a policy could name, like an anonymous caller.
var noIdentity = principal.Identity{Anonymous: true}

// match returns how the Principal element covers the caller: the strongest
// of the ways its entries match (direct, indirect, account), or
// PrincipalNone.
func (s *principalSet) match(id *principal.Identity) PrincipalMatch {
	if s.all {
		return PrincipalDirect
	}
	best := PrincipalNone
	if s.awsSet != nil {
		if s.listedAny(id.DirectNames(), id.IsDirect) {
			return PrincipalDirect
		}
		if s.listedAny(id.IndirectNames(), id.IsIndirect) {
			best = PrincipalIndirect
		}
	} else {
		for _, a := range s.aws {
			if id.IsDirect(a) {
				return PrincipalDirect
			}
			if best == PrincipalNone && id.IsIndirect(a) {
				best = PrincipalIndirect
			}
		}
	}
	if id.Provider != "" && slices.Contains(s.federated, id.Provider) {
		return PrincipalDirect
	}
	if id.Service != "" && slices.Contains(s.services, id.Service) {
		return PrincipalDirect
	}
	if s.accountListed(id) {
		if id.Root {
			// The root user named by its account: a grant to the account counts as direct for it.
			return PrincipalDirect
		}
		if best == PrincipalNone {
			best = PrincipalAccount
		}
	}
	return best
}

// accountListed reports whether an account entry names the caller's account.
func (s *principalSet) accountListed(id *principal.Identity) bool {
	return !id.Anonymous && id.Account != "" && slices.Contains(s.accounts, id.Account)
}

// exempts reports whether a NotPrincipal element exempts the caller: every
// one of the caller's identities must be listed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). The identities are the caller itself (any of its ARNs or IDs, its
// identity provider or its service name), the role of a role session (role
// ARN or role ID) and the caller's account; for the root user only the
// account. An anonymous caller is exempt only through "*".
func (s *principalSet) exempts(id *principal.Identity, kind principal.Kind) bool {
	if s.all {
		return true
	}
	if id.Anonymous {
		return false
	}
	if id.Root {
		return s.accountListed(id)
	}
	groups := 0
	if id.HasDirect() || id.Provider != "" || id.Service != "" {
		groups++
		if !s.listedAny(id.DirectNames(), id.IsDirect) &&
			(id.Provider == "" || !slices.Contains(s.federated, id.Provider)) &&
			(id.Service == "" || !slices.Contains(s.services, id.Service)) {
			return false
		}
	}
	// The IAM user behind a federated user is not one of its identities
	// (the Principal element page lists the federated-user ARN and the account only).
	if id.HasIndirect() && kind != principal.KindFederatedUser {
		groups++
		if !s.listedAny(id.IndirectNames(), id.IsIndirect) {
			return false
		}
	}
	if id.Account != "" {
		groups++
		if !s.accountListed(id) {
			return false
		}
	}
	return groups > 0
}

// excludes reports whether an Allow statement's NotPrincipal element keeps
// the statement from applying to the caller: any one of the caller's
// identities listed suffices (its own ARNs, unique IDs, identity provider
// or service name; the role of a role session; the IAM user behind a
// federated user; its account). AWS documents Allow with NotPrincipal as
// granting "all principals except the one(s) specified"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)
// and no longer supports it; reading the list loosely here is the fail-closed
// counterpart of the strict reading that exempts a caller from a Deny.
// An anonymous caller is excluded only through "*".
func (s *principalSet) excludes(id *principal.Identity) bool {
	if s.all {
		return true
	}
	if id.Anonymous {
		return false
	}
	return s.listedAny(id.DirectNames(), id.IsDirect) || s.listedAny(id.IndirectNames(), id.IsIndirect) ||
		(id.Provider != "" && slices.Contains(s.federated, id.Provider)) ||
		(id.Service != "" && slices.Contains(s.services, id.Service)) ||
		s.accountListed(id)
}
