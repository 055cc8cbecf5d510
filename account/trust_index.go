package account

import (
	"slices"

	"github.com/iameval/iameval/principal"
)

// trustIndex files an account's roles by the principals their trust
// policies' Allow statements name (policy.Policy.Grantees), so that a
// step of Reach looks only at the roles that may trust its caller: each
// step tried every role, and a chain of 20,000 roles took 70 s (issue
// 15). Roles are numbered by their place in Accounts.principals, so that
// candidates come in the order the loop over every role had.
type trustIndex struct {
	byName, byAccount, byProvider, byService map[string][]int32
	anyone                                   []int32 // trust policies that name no one in particular, and roles without one
}

// newTrustIndex files the roles of ps.
func newTrustIndex(ps []*Principal) *trustIndex {
	x := &trustIndex{byName: map[string][]int32{}, byAccount: map[string][]int32{}, byProvider: map[string][]int32{}, byService: map[string][]int32{}}
	for i, r := range ps {
		if r.Kind != KindRole {
			continue
		}
		n := int32(i)
		if r.Trust == nil {
			x.anyone = append(x.anyone, n)
			continue
		}
		g := r.Trust.Grantees()
		if g.Anyone {
			x.anyone = append(x.anyone, n)
			continue
		}
		file(x.byName, g.Names, n)
		file(x.byAccount, g.Accounts, n)
		file(x.byProvider, g.Providers, n)
		file(x.byService, g.Services, n)
	}
	return x
}

// file adds role n under each key, once.
func file(m map[string][]int32, keys []string, n int32) {
	for _, k := range keys {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != n {
			m[k] = append(l, n)
		}
	}
}

// candidates returns, ascending and without repeats, the roles whose
// trust policy may allow the caller id: a superset of those
// policy.Policy.MayAllow does not rule out (see policy.Grantees.Covers).
// It appends to buf.
func (x *trustIndex) candidates(id *principal.Identity, buf []int32) []int32 {
	buf = append(buf[:0], x.anyone...)
	for n := range id.DirectNames() {
		buf = append(buf, x.byName[n]...)
	}
	for n := range id.IndirectNames() {
		buf = append(buf, x.byName[n]...)
	}
	if !id.Anonymous && id.Account != "" {
		buf = append(buf, x.byAccount[id.Account]...)
	}
	if id.Provider != "" {
		buf = append(buf, x.byProvider[id.Provider]...)
	}
	if id.Service != "" {
		buf = append(buf, x.byService[id.Service]...)
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// dropReached removes the roles reached from the lists every caller
// reads, the roles that trust anyone and those that trust an account: a
// step after the first found them all reached, and still read them all
// (issue 15: 5,000 roles trusting "*" took 2.3 s, each reached role
// walking the 5,000 others). The lists of names are each read by the
// callers they name, once.
func (x *trustIndex) dropReached(ps []*Principal, seen map[*Principal]bool) {
	x.anyone = dropSeen(x.anyone, ps, seen)
	for k, l := range x.byAccount {
		x.byAccount[k] = dropSeen(l, ps, seen)
	}
}

// dropSeen returns l without the roles seen, in l's storage.
func dropSeen(l []int32, ps []*Principal, seen map[*Principal]bool) []int32 {
	return slices.DeleteFunc(l, func(n int32) bool { return seen[ps[n]] })
}
