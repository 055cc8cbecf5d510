package scenario

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
)

// A scenario file may name account exports; a case without policies
// takes its principal's policies from them (an iameval extension of the
// scenario format).
func TestAccounts(t *testing.T) {
	f, err := LoadFile("../testdata/scenarios/account-export.json")
	require.NoError(t, err)
	for _, c := range f.Cases {
		r := c.Run()
		assert.True(t, r.Pass, "%s: got %s", c.Name, r.Decision)
	}
}

// Problems of the accounts input are positioned: in the scenario file for
// its own shape, in the export for the export's.
func TestAccountsErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		return p
	}
	write("bad-export.json", `{"UserDetailList": [{"UserName": "u"}]}`)
	tests := []struct {
		name, src, want string
	}{
		{"no exports", `{"accounts": {}, "cases": []}`, `s.json:1:14: accounts: "exports" must name at least one`},
		{"unknown key", `{"accounts": {"exports": ["bad-export.json"], "export": []}, "cases": []}`, `s.json:1:47: accounts.export: unknown key "export"`},
		{"missing file", `{"accounts": {"exports": ["nope.json"]}, "cases": []}`, `nope.json:1:1: `},
		{"bad export", `{"accounts": {"exports": ["bad-export.json"]}, "cases": []}`, `bad-export.json:1:21: UserDetailList[0]: missing "Arn"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write("s.json", tt.src)
			_, err := LoadFile(p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// A principal the accounts do not hold keeps the resource side: the
// loaded resource policy still takes part.
func TestAccountsForeignPrincipal(t *testing.T) {
	src := `{"accounts": {"exports": ["account/export.json"], "resourcePolicies": ["account/resource-policies.json"]},
 "cases": [{"principal": "arn:aws:iam::444455556666:user/x", "action": "s3:GetBucketLocation", "resource": "arn:aws:s3:::shared", "resourceAccount": "111122223333"}]}`
	f, err := Load("../testdata/scenarios/x.json", []byte(src), ReadFile)
	require.NoError(t, err)
	require.NotNil(t, f.Cases[0].Policies.Resource)
	assert.Nil(t, f.Cases[0].Policies.Identity)
	assert.Equal(t, iameval.ImplicitDeny, f.Cases[0].Run().Decision)
}
