package principal

import (
	"sync"

	"github.com/iameval/iameval/condition"
)

// Anonymous is the caller of an unsigned request. Get it with
// [NewAnonymous] or [Parse]("*") / Parse("anonymous").
type Anonymous struct {
	identity Identity
	ctx      condition.Context
}

// anonymous is the one Anonymous value: it has no facts.
var anonymous = sync.OnceValue(func() *Anonymous {
	a := &Anonymous{identity: Identity{Anonymous: true}}
	b := newKeyset()
	b.str(condition.KeyPrincipalAccount, "anonymous")
	b.str(condition.KeyPrincipalType, "Anonymous")
	b.str(condition.KeyUserID, "anonymous")
	a.ctx, _ = b.build() // fixed, distinct keys: cannot fail
	return a
})

// NewAnonymous returns the anonymous caller.
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:PrincipalAccount = anonymous, aws:PrincipalType = Anonymous,
// aws:userid = anonymous. No aws:PrincipalArn and no
// aws:PrincipalIsAWSService.
func NewAnonymous() *Anonymous {
	return anonymous()
}

// Kind returns KindAnonymous.
func (a *Anonymous) Kind() Kind { return KindAnonymous }

// ARN returns "": an anonymous caller has no ARN.
func (a *Anonymous) ARN() string { return "" }

// Account returns "": an anonymous caller has no account.
func (a *Anonymous) Account() string { return "" }

// Identity returns an identity with only Anonymous set; it matches only
// the Principal "*".
func (a *Anonymous) Identity() Identity { return a.identity }

// Context returns the keys derived for an anonymous caller.
func (a *Anonymous) Context() condition.Context { return a.ctx }

func (a *Anonymous) sealed() {}
