package account

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
)

// conditionalExport is an export of user u with n inline policies, each
// allowing s3:GetObject on its own object only for the user named
// "nobody" (a condition that fails for u,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-username);
// with allowLast, the last one's condition holds for u.
func conditionalExport(t *testing.T, n int, allowLast bool) []byte {
	t.Helper()
	var pols []map[string]any
	for i := range n {
		cond := map[string]any{"StringEquals": map[string]string{"aws:username": "nobody"}}
		if allowLast && i == n-1 {
			cond = map[string]any{"StringEquals": map[string]string{"aws:username": "u"}}
		}
		pols = append(pols, map[string]any{"PolicyName": fmt.Sprintf("p%d", i), "PolicyDocument": map[string]any{
			"Version":   "2012-10-17",
			"Statement": []any{map[string]any{"Effect": "Allow", "Action": "s3:GetObject", "Resource": fmt.Sprintf("arn:aws:s3:::b/k%d", i), "Condition": cond}},
		}})
	}
	src, err := json.Marshal(map[string]any{"UserDetailList": []any{map[string]any{
		"UserName": "u", "UserId": "AIDA0000000000000001", "Arn": "arn:aws:iam::111122223333:user/u", "Path": "/",
		"GroupList": []string{}, "UserPolicyList": pols, "AttachedManagedPolicies": []string{},
	}}})
	require.NoError(t, err)
	return src
}

// Past its budget, Can stops trying an action's example resources and
// reports the action as not decided, with how many it did not try,
// rather than leaving it out (which reads as "cannot"): each example was
// decided against every policy, and 30,000 policies took minutes (issue
// 15). Within the budget the answer is the same as without one.
func TestCanBudget(t *testing.T) {
	t.Parallel()
	const n = 40
	for _, tc := range []struct {
		name      string
		allowLast bool
		budget    int
		want      string
	}{
		{"within the budget, not allowed: left out", false, CanBudget, ""},
		{"within the budget, allowed on the last example", true, CanBudget, "allowed arn:aws:s3:::b/k39 unchecked=0"},
		// A tenth of the budget is 5 evaluations of 41 policies each:
		// "*" and four examples are tried.
		{"past the budget: not decided", false, 10 * (n + 1) * 5, "implicitDeny  unchecked=36"},
		{"past the budget, allowed on an untried example: not decided", true, 10 * (n + 1) * 5, "implicitDeny  unchecked=36"},
	} {
		l := NewLoader(Options{})
		l.AddExport("u.json", conditionalExport(t, n, tc.allowLast))
		a, err := l.Load()
		require.NoError(t, err)
		p, ok := a.Principal("arn:aws:iam::111122223333:user/u")
		require.True(t, ok)
		seq, err := a.can(p, "", []string{"s3:GetObject"}, Query{}, tc.budget)
		require.NoError(t, err)
		got := ""
		for r := range seq {
			got = fmt.Sprintf("%s %s unchecked=%d", r.Decision, r.Resource, r.Unchecked)
			if r.Unchecked > 0 {
				assert.NotEqual(t, iameval.Allowed, r.Decision, tc.name)
			}
		}
		assert.Equal(t, tc.want, got, tc.name)
	}
}

// Once the budget is spent, an action the identity side rules out
// entirely (no Allow for it, so no evaluation needed) is still left out:
// only examples that need an evaluation make an action not decided.
func TestCanBudgetSpentLeavesRuledOutActions(t *testing.T) {
	t.Parallel()
	const n = 40
	l := NewLoader(Options{})
	l.AddExport("u.json", conditionalExport(t, n, false))
	a, err := l.Load()
	require.NoError(t, err)
	p, ok := a.Principal("arn:aws:iam::111122223333:user/u")
	require.True(t, ok)
	// Ten costly actions spend the budget; s3:PutObject comes after.
	actions := append(slices.Repeat([]string{"s3:GetObject"}, 10), "s3:PutObject")
	seq, err := a.can(p, "", actions, Query{}, 10*(n+1)*5)
	require.NoError(t, err)
	var got []string
	for r := range seq {
		got = append(got, fmt.Sprintf("%s unchecked=%d", r.Action, r.Unchecked))
	}
	assert.Len(t, got, 10, "s3:GetObject ten times, not decided; s3:PutObject left out: %v", got)
	for _, g := range got {
		assert.Contains(t, g, "s3:GetObject unchecked=")
	}
}
