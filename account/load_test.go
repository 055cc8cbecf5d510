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
