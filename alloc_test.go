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

// TestRequestBuilderAllocs locks the budget of workload W4
// (shared/bench/README.md: at most 4 allocations per request, principal,
// context and request built from plain fields, then decided): a warm
// RequestBuilder allocates at most once (the lower-cased action).
func TestRequestBuilderAllocs(t *testing.T) {
	ps := w1Set(t)
	fields := w4All()
	var b RequestBuilder
	i := 0
	next := func() {
		r, err := w4Build(&b, &fields[i%w4Count])
		if err != nil || Evaluate(ps, r) != Allowed {
			t.Fatalf("W4 request %d: %v", i, err)
		}
		i++
	}
	next() // warm: the builder's memory is allocated once
	assert.Zero(t, testing.AllocsPerRun(500, next), "W4 with a warm RequestBuilder")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() {
		r, err := w4Request(&fields[i%w4Count])
		if err != nil || Evaluate(ps, r) != Allowed {
			t.Fatalf("W4 request %d: %v", i, err)
		}
		i++
	}), 13.0, "W4 with the general constructors")
}
