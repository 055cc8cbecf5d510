package account

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// loadTestdata loads testdata/export.json with an AWS managed policy
// source that knows AdministratorAccess.
func loadTestdata(t testing.TB, extra ...func(*Loader)) *Accounts {
	t.Helper()
	src, err := os.ReadFile("testdata/export.json")
	require.NoError(t, err)
	l := NewLoader(Options{AWSManaged: testManaged})
	l.AddExport("testdata/export.json", src)
	for _, f := range extra {
		f(l)
	}
	a, err := l.Load()
	require.NoError(t, err)
	return a
}

// testManaged stands for the embedded AWS managed policies.
func testManaged(arn string) ([]byte, bool) {
	if arn == "arn:aws:iam::aws:policy/AdministratorAccess" {
		return []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`), true
	}
	return nil, false
}

// An attached AWS managed policy that the export does not hold (exports
// made with --filter User Role Group LocalManagedPolicy leave them out)
// comes from package managed by default
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies).
func TestEmbeddedAWSManaged(t *testing.T) {
	l := NewLoader(Options{})
	l.AddExport("e.json", []byte(`{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
 "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]}]}`))
	a, err := l.Load()
	require.NoError(t, err)
	seq, err := a.WhoCan("s3:GetObject", "arn:aws:s3:::b/k", Query{})
	require.NoError(t, err)
	n := 0
	for range seq {
		n++
	}
	require.Equal(t, 1, n, "ReadOnlyAccess allows s3:Get*")
}
