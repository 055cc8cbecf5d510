package account

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trustExport is a random export of users and roles whose trust policies
// name, in one or two statements, a role by ARN (with its path) or ID, a
// user, the account by ID or root ARN, another account, everyone, a
// service, or everyone but someone (NotPrincipal); some statements are
// Deny, some have a condition on the caller's tag. Principals may assume
// every role, or only roles of one path.
func trustExport(rng *rand.Rand, users, roles int) []byte {
	roleARN := func(i int) string { return fmt.Sprintf("arn:aws:iam::111122223333:role/p%d/r%d", i%3, i) }
	roleID := func(i int) string { return fmt.Sprintf("AROA%016d", i) }
	userARN := func(i int) string { return fmt.Sprintf("arn:aws:iam::111122223333:user/u%d", i) }
	userID := func(i int) string { return fmt.Sprintf("AIDA%016d", i) }
	identity := func() string {
		res := `"*"`
		if rng.IntN(3) == 0 {
			res = fmt.Sprintf(`"arn:aws:iam::111122223333:role/p%d/*"`, rng.IntN(3))
		}
		return `[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":` + res + `}]}}]`
	}
	principal := func() string {
		switch rng.IntN(10) {
		case 0:
			return fmt.Sprintf(`"Principal":{"AWS":%q}`, roleID(rng.IntN(roles)))
		case 1:
			return fmt.Sprintf(`"Principal":{"AWS":[%q,%q]}`, userARN(rng.IntN(users)), userID(rng.IntN(users)))
		case 2:
			return `"Principal":{"AWS":"111122223333"}`
		case 3:
			return `"Principal":{"AWS":"arn:aws:iam::111122223333:root"}`
		case 4:
			return `"Principal":{"AWS":"444455556666"}`
		case 5:
			return `"Principal":"*"`
		case 6:
			return `"Principal":{"Service":"ec2.amazonaws.com"}`
		case 7:
			return fmt.Sprintf(`"NotPrincipal":{"AWS":%q}`, roleARN(rng.IntN(roles)))
		}
		return fmt.Sprintf(`"Principal":{"AWS":%q}`, roleARN(rng.IntN(roles)))
	}
	statement := func() string {
		effect := "Allow"
		if rng.IntN(6) == 0 {
			effect = "Deny"
		}
		cond := ""
		if rng.IntN(4) == 0 {
			cond = fmt.Sprintf(`,"Condition":{"StringEquals":{"aws:PrincipalTag/team":"t%d"}}`, rng.IntN(2))
		}
		return fmt.Sprintf(`{"Effect":%q,%s,"Action":"sts:AssumeRole"%s}`, effect, principal(), cond)
	}
	tags := func() string { return fmt.Sprintf(`"Tags":[{"Key":"team","Value":"t%d"}]`, rng.IntN(2)) }
	var b strings.Builder
	b.WriteString(`{"UserDetailList":[`)
	for i := range users {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"UserName":"u%d","UserId":%q,"Arn":%q,"Path":"/","GroupList":[],"UserPolicyList":%s,"AttachedManagedPolicies":[],%s}`, i, userID(i), userARN(i), identity(), tags())
	}
	b.WriteString(`],"RoleDetailList":[`)
	for i := range roles {
		if i > 0 {
			b.WriteByte(',')
		}
		stmts := statement()
		if rng.IntN(2) == 0 {
			stmts += "," + statement()
		}
		fmt.Fprintf(&b, `{"RoleName":"r%d","RoleId":%q,"Arn":%q,"Path":"/p%d/","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[%s]},"RolePolicyList":%s,"AttachedManagedPolicies":[],%s}`,
			i, roleID(i), roleARN(i), i%3, stmts, identity(), tags())
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// Reach through the trust index finds exactly the roles, paths and order
// that trying every role at every step finds: the index is a superset of
// the roles whose trust policy may allow the caller
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html),
// checked on random exports with every form of Principal element.
func TestReachIndexAgreesWithScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(15, 12))
	steps := 0
	for e := range 30 {
		l := NewLoader(Options{})
		l.AddExport("trust.json", trustExport(rng, 4, 40))
		a, err := l.Load()
		require.NoError(t, err)
		for u := range 4 {
			p, ok := a.Principal(fmt.Sprintf("arn:aws:iam::111122223333:user/u%d", u))
			require.True(t, ok)
			var scanned, indexed [][]string
			for s := range a.reach(p, Query{}, false, ReachBudget) {
				scanned = append(scanned, s.Path)
			}
			for s := range a.reach(p, Query{}, true, ReachBudget) {
				indexed = append(indexed, s.Path)
			}
			steps += len(scanned)
			if diff := cmp.Diff(scanned, indexed); diff != "" {
				t.Fatalf("export %d, user u%d: reach (-scan +index):\n%s", e, u, diff)
			}
		}
	}
	assert.Greater(t, steps, 1000, "enough roles reached for the comparison to mean something")
}

// A step looks only at the roles whose trust policy names the caller or
// no one in particular: in a chain each step has one candidate.
func TestTrustIndexCandidates(t *testing.T) {
	t.Parallel()
	l := NewLoader(Options{})
	l.AddExport("chain.json", chainExport(50))
	a, err := l.Load()
	require.NoError(t, err)
	x := newTrustIndex(a.principals)
	r7, ok := a.Principal("arn:aws:iam::111122223333:role/r7")
	require.True(t, ok)
	// r7's caller is its session, whose role ARN r8 trusts.
	id := r7.Caller.Identity()
	got := x.candidates(&id, nil)
	require.Len(t, got, 1)
	assert.Equal(t, "arn:aws:iam::111122223333:role/r8", a.principals[got[0]].ARN)
}

// Steps share the storage of their paths' common beginnings: every path
// kept after the walk is still the path of its step (its prefix is the
// path of the role before, every role assumed once), also after a caller
// appends to the paths it holds.
func TestReachPathsShareSafely(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for range 20 {
		l := NewLoader(Options{})
		l.AddExport("trust.json", trustExport(rng, 2, 60))
		a, err := l.Load()
		require.NoError(t, err)
		start := "arn:aws:iam::111122223333:user/u0"
		p, ok := a.Principal(start)
		require.True(t, ok)
		var steps []Step
		for s := range a.Reach(p, Query{}) {
			steps = append(steps, s)
		}
		check := func() {
			t.Helper()
			byRole := map[string][]string{start: {start}}
			for _, s := range steps {
				require.Equal(t, start, s.Path[0])
				require.Equal(t, s.Role.ARN, s.Path[len(s.Path)-1])
				before, ok := byRole[s.Path[len(s.Path)-2]]
				require.True(t, ok, "the role before %s was reached before it", s.Role.ARN)
				require.Equal(t, before, s.Path[:len(s.Path)-1], "the path of %s", s.Role.ARN)
				byRole[s.Role.ARN] = s.Path
			}
		}
		check()
		for i := range steps {
			_ = append(steps[i].Path, "arn:aws:iam::111122223333:role/written-by-the-caller")
		}
		check()
		checked += len(steps)
	}
	assert.Greater(t, checked, 300, "enough steps, with branches")
}

// Past its budget Reach yields every role it has not reached as
// undecided, last, rather than leaving it out (which reads as "cannot be
// reached"); within the budget it finds what it finds without one.
func TestReachBudget(t *testing.T) {
	t.Parallel()
	l := NewLoader(Options{})
	l.AddExport("chain.json", chainExport(30))
	a, err := l.Load()
	require.NoError(t, err)
	u, ok := a.Principal("arn:aws:iam::111122223333:user/u")
	require.True(t, ok)
	count := func(budget int) (reached, undecided int) {
		for s := range a.reach(u, Query{}, true, budget) {
			if s.Undecided {
				undecided++
				assert.Nil(t, s.Path)
				continue
			}
			require.Zero(t, undecided, "undecided roles come last")
			reached++
		}
		return reached, undecided
	}
	r, u0 := count(ReachBudget)
	assert.Equal(t, 30, r)
	assert.Zero(t, u0)
	// In the chain each step decides one role: ten steps reach ten.
	r, u1 := count(10)
	assert.Equal(t, 10, r)
	assert.Equal(t, 20, u1)
}
