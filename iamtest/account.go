package iamtest

import (
	"testing"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/account"
)

// Accounts loads account exports (outputs of `aws iam
// get-account-authorization-details`) with package account. On any
// problem it calls t.Fatalf with every problem, one per line as
// file:line:col: message.
func Accounts(t testing.TB, exports ...string) *account.Accounts {
	t.Helper()
	a, err := account.LoadFiles(account.Files{Exports: exports}, account.Options{})
	if err != nil {
		t.Fatalf("invalid account export:\n%v", err)
		return nil
	}
	return a
}

// AccountRequest returns the request of a user or role of a (a role as a
// session of it) for action on resource, with the policy set the account
// gives it: its identity policies, boundary and SCPs, and the resource's
// loaded policy and RCPs. It calls t.Fatalf when the principal is not in
// a or the request is invalid. Check the result with [Allowed], [Denied]
// and the other assertions.
func AccountRequest(t testing.TB, a *account.Accounts, principalARN, action, resource string) (*iameval.PolicySet, *iameval.Request) {
	t.Helper()
	p, ok := a.Principal(principalARN)
	if !ok || p.Caller == nil {
		t.Fatalf("%s is no user or role of the accounts", principalARN)
		return nil, nil
	}
	r, err := iameval.NewRequest(iameval.RequestInput{Principal: p.Caller, Action: action, Resource: resource})
	if err != nil {
		t.Fatalf("invalid request: %v", err)
		return nil, nil
	}
	return a.PolicySet(p, resource, r.ResourceAccount()), r
}
