package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// TestOutcomeBitsAgree holds the engine's hot path, which takes a
// policy's outcome as bits through internal/outcome, against the public
// policy.Policy.Eval, with and without a recorder, over generated policy
// sets and requests.
func TestOutcomeBitsAgree(t *testing.T) {
	t.Parallel()
	for _, c := range genCases(t, 23, propertyCases) {
		for _, p := range allPolicies(c.ps) {
			q := &c.r.preq
			if p.Type() == policy.PermissionsBoundary {
				q = &c.r.preqBoundary
			}
			want := p.Eval(q, nil)
			assert.Equal(t, bitsOf(&want), evalBits(p, q))
			traced := p.Eval(q, &listRecorder{})
			assert.Equal(t, bitsOf(&traced), evalBits(p, q), "with a recorder")
		}
	}
}
