package policy

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/principal"
)

// Callers used across the matching tests, all in account 111122223333
// unless the name says otherwise.

// must returns p after checking err.
func must[T principal.Principal](tb testing.TB) func(p T, err error) principal.Principal {
	return func(p T, err error) principal.Principal {
		tb.Helper()
		require.NoError(tb, err)
		return p
	}
}

func callerUser(tb testing.TB) principal.Principal { return alice(tb) }

func callerRoot(tb testing.TB) principal.Principal {
	return must[*principal.Root](tb)(principal.NewRoot(principal.RootInput{Account: "111122223333"}))
}

func callerOtherUser(tb testing.TB) principal.Principal {
	return must[*principal.IAMUser](tb)(principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::444455556666:user/mallory", ID: "AIDAEXAMPLEMALLORY"}))
}

func callerSession(tb testing.TB) principal.Principal {
	return must[*principal.AssumedRole](tb)(principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN: "arn:aws:iam::111122223333:role/ops/Dev", RoleID: "AROAEXAMPLEDEV", SessionName: "alice"}))
}

func callerFederated(tb testing.TB) principal.Principal {
	return must[*principal.FederatedUser](tb)(principal.NewFederatedUser(principal.FederatedUserInput{
		Name: "Bob", UserARN: "arn:aws:iam::111122223333:user/manager", UserID: "AIDAEXAMPLEMANAGER"}))
}

func callerService(tb testing.TB) principal.Principal {
	return must[*principal.Service](tb)(principal.NewService("lambda.amazonaws.com"))
}

func callerAnonymous(tb testing.TB) principal.Principal { return principal.NewAnonymous() }

func callerWeb(tb testing.TB) principal.Principal {
	return must[*principal.WebIdentity](tb)(principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN: "arn:aws:iam::111122223333:role/WebApp", SessionName: "app", Provider: "accounts.google.com"}))
}
