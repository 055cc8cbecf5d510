package account

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A user's identity policies are its own inline and attached policies,
// then each group's inline and attached ones
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html); a
// role's are its inline and attached ones; a managed policy contributes
// its default version only
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html).
func TestResolvePolicies(t *testing.T) {
	a := loadTestdata(t)
	ids := func(arn string) []string {
		p, ok := a.Principal(arn)
		require.True(t, ok, arn)
		var out []string
		for _, q := range p.Identity {
			out = append(out, q.ID())
		}
		return out
	}
	tests := []struct {
		arn  string
		want []string
	}{
		{"arn:aws:iam::111122223333:user/alice", []string{
			"arn:aws:iam::111122223333:user/alice#ReadReports",
			"arn:aws:iam::111122223333:group/devs#DenyDelete", // URL-encoded in the export
			"arn:aws:iam::111122223333:policy/S3Admin",
		}},
		{"arn:aws:iam::111122223333:user/ops/bob", []string{"arn:aws:iam::111122223333:policy/AssumeDeploy"}},
		{"arn:aws:iam::111122223333:role/admin", []string{"arn:aws:iam::aws:policy/AdministratorAccess"}},
		{"arn:aws:iam::111122223333:role/deploy", []string{"arn:aws:iam::111122223333:role/deploy#AssumeAdmin"}},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ids(tt.arn)); diff != "" {
				t.Errorf("identity policies (-want +got):\n%s", diff)
			}
		})
	}
	bob, _ := a.Principal("arn:aws:iam::111122223333:user/ops/bob")
	require.NotNil(t, bob.Boundary)
	assert.Equal(t, "Boundary", a.PolicyName(bob.Boundary))
	assert.Equal(t, "/ops/", bob.Path)
	admin, _ := a.Principal("arn:aws:sts::111122223333:assumed-role/admin/session")
	require.NotNil(t, admin.Trust, "trust policy from a URL-encoded string")
	assert.Equal(t, []string{"111122223333"}, a.Accounts())
	alice, _ := a.Principal("arn:aws:iam::111122223333:user/alice")
	assert.Equal(t, map[string]string{"team": "data"}, alice.Tags)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:group/devs"}, alice.Groups)
}
