//go:build !race

package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEvaluateAllocs locks the allocation budget of the hot path
// (shared/bench/README.md): none for policies without variables, at most
// two with them. The race detector allocates, so the test is skipped
// under -race.
func TestEvaluateAllocs(t *testing.T) {
	noVars := docs{
		identity: []string{allow("s3:GetObject", "arn:aws:s3:::bucket-a/*"), deny("s3:DeleteObject", "*")},
		boundary: allow("s3:*", "*"),
		resource: rallow(aws(acctA), "s3:GetObject", objA),
		scp:      [][]string{{fullAccess}, {allow("s3:*", "*")}},
		rcp:      [][]string{{rcpFullAccess}},
	}.build(t)
	r := newReq(t, alice, "s3:GetObject", objA)
	assert.Equal(t, Allowed, Evaluate(noVars, r))
	assert.Zero(t, testing.AllocsPerRun(200, func() { Evaluate(noVars, r) }), "no allocation without variables")

	w1 := w1Set(t)
	for id, br := range benchRequests(t, "w1-requests.json") {
		r := br.request(t)
		assert.LessOrEqual(t, testing.AllocsPerRun(200, func() { Evaluate(w1, r) }), 2.0, "%s: at most 2 allocations with variables", id)
	}
}
