package iameval

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ExplainOptions.ListLimit keeps the first entries of Deciding and
// MissingKeys and counts the rest; what the text shows does not change.
// Every matching Deny statement decides an explicit deny and every
// matching Allow an allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html),
// and every absent key a condition looks up is a missing context value
// (the simulator's MissingContextValues).
func TestExplainListLimit(t *testing.T) {
	t.Parallel()
	statements := func(n int, statement string) string {
		return `{"Version":"2012-10-17","Statement":[` + joinN(n, statement) + `]}`
	}
	tests := []struct {
		why  string
		ps   docs
		want Decision
	}{
		{"30 allowing statements", docs{identity: []string{statements(30, `{"Sid":"S%02d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`)}}, Allowed},
		{"25 denying statements", docs{identity: []string{allow("s3:GetObject", "*"), statements(25, `{"Sid":"S%02d","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}`)}}, ExplicitDeny},
		{"30 absent keys", docs{identity: []string{statements(30, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/k%02d":"v"}}}`)}}, ImplicitDeny},
		{"one statement of 30 absent keys", docs{identity: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{` + joinN(30, `"aws:PrincipalTag/k%02d":"v"`) + `}}}}`}}, ImplicitDeny},
	}
	for _, tc := range tests {
		ps := tc.ps.build(t)
		r := newReq(t, alice, "s3:GetObject", objA)
		full := Explain(ps, r)
		require.Equal(t, tc.want, full.Decision, tc.why)
		require.Greater(t, len(full.Deciding)+len(full.MissingKeys), TextListLimit, "%s: a list longer than the text shows", tc.why)
		for _, limit := range []int{1, 7, TextListLimit, 1000} {
			x := ExplainWith(ps, r, ExplainOptions{ListLimit: limit})
			n := min(limit, len(full.Deciding))
			assert.Equal(t, full.Deciding[:n], x.Deciding, "%s, limit %d: the first deciding statements", tc.why, limit)
			assert.Equal(t, len(full.Deciding)-n, x.DecidingMore, "%s, limit %d: the others counted", tc.why, limit)
			n = min(limit, len(full.MissingKeys))
			assert.Equal(t, full.MissingKeys[:n], x.MissingKeys, "%s, limit %d: the first missing keys", tc.why, limit)
			assert.Equal(t, len(full.MissingKeys)-n, x.MissingKeysMore, "%s, limit %d: the others counted", tc.why, limit)
			require.Len(t, x.Closest, len(full.Closest), "%s, limit %d", tc.why, limit)
			for i, near := range full.Closest {
				n = min(limit, len(near.MissingKeys))
				assert.Equal(t, near.MissingKeys[:n], x.Closest[i].MissingKeys, "%s, limit %d: a near miss's first missing keys", tc.why, limit)
				assert.Equal(t, len(near.MissingKeys)-n, x.Closest[i].MissingKeysMore, "%s, limit %d: the others counted", tc.why, limit)
			}
			if limit >= TextListLimit {
				assert.Equal(t, full.String(), x.String(), "%s, limit %d: the text is the same", tc.why, limit)
			}
		}
		assert.Zero(t, full.DecidingMore+full.MissingKeysMore, "%s: without a limit nothing is left out", tc.why)
	}
}

// The counts are in the JSON form, and absent when nothing was left out.
func TestExplainListLimitJSON(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{allow("s3:GetObject", "*"), allow("s3:GetObject", "*")}}.build(t)
	r := newReq(t, alice, "s3:GetObject", objA)
	b, err := json.Marshal(ExplainWith(ps, r, ExplainOptions{ListLimit: 1}))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"decidingMore":1`)
	b, err = json.Marshal(Explain(ps, r))
	require.NoError(t, err)
	assert.NotContains(t, string(b), `More"`)
}
