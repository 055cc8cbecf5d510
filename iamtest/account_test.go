package iamtest_test

import (
	"testing"

	"github.com/iameval/iameval/iamtest"
)

// Scenario files that name account exports run under go test like any
// other: each case takes its principal's policies from the export.
func TestScenarioOverAccount(t *testing.T) {
	iamtest.RunScenarioFiles(t, "../testdata/scenarios/account-export.json")
}

// The same from Go: load the export once, then assert requests of its
// principals.
func TestAccountRequest(t *testing.T) {
	a := iamtest.Accounts(t, "../testdata/scenarios/account/export.json")
	ps, r := iamtest.AccountRequest(t, a, "arn:aws:iam::111122223333:user/alice", "s3:GetObject", "arn:aws:s3:::reports/q1.csv")
	iamtest.Allowed(t, ps, r)
	ps, r = iamtest.AccountRequest(t, a, "arn:aws:iam::111122223333:user/alice", "s3:DeleteBucket", "arn:aws:s3:::reports")
	iamtest.ExplicitlyDenied(t, ps, r)
}
