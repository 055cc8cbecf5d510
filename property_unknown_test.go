package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// TestPropertyUnknownFailsClosed is a differential run of generated
// requests: a request that does not give the keys AWS sets on every
// request (aws:SecureTransport, aws:SourceIp) is decided against the same
// request with each concrete value set the generator knows. Failing closed
// means the unknown request is never allowed unless every concrete one is,
// and is explicitly denied whenever a concrete one is: a Deny that could
// apply does, an Allow that might not does not
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport).
func TestPropertyUnknownFailsClosed(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, c := range genCases(t, 7, propertyCases) {
		if c.gen.in.Context.Len() != 0 {
			continue
		}
		unknown := Evaluate(c.ps, c.r)
		for _, kv := range genContexts[1:] {
			in := c.gen.in
			m := map[string]condition.Value{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i]] = condition.StringValue(kv[i+1])
			}
			in.Context = must(condition.NewContext(m))
			r, err := NewRequest(in)
			require.NoError(t, err)
			concrete := Evaluate(c.ps, r)
			if unknown == Allowed {
				assert.Equal(t, Allowed, concrete, "unknown keys allowed what %v denies\n%s", kv, Explain(c.ps, c.r))
			}
			if concrete == ExplicitDeny {
				assert.Equal(t, ExplicitDeny, unknown, "a Deny that applies with %v must apply when the keys are unknown\n%s", kv, Explain(c.ps, c.r))
			}
		}
		checked++
	}
	assert.Greater(t, checked, propertyCases/5, "the generator must produce requests without the keys")
}
