package policy

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// benchDir holds the shared benchmark workloads.
const benchDir = "../../shared/bench/"

// readBench reads a file of the shared benchmark workloads.
func readBench(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(benchDir + name)
	if err != nil {
		tb.Skipf("benchmark workload not available: %v", err)
	}
	return b
}

// mustParse parses src as a policy of type t and fails the test on error.
func mustParse(tb testing.TB, t Type, src string) *Policy {
	tb.Helper()
	p, err := Parse([]byte(src), Source{Type: t})
	require.NoError(tb, err)
	return p
}

// alice is the IAM user of the benchmark workloads.
func alice(tb testing.TB) principal.Principal {
	tb.Helper()
	u, err := principal.NewIAMUser(principal.IAMUserInput{
		ARN:  "arn:aws:iam::111122223333:user/alice",
		ID:   "AIDAEXAMPLEALICE",
		Tags: map[string]string{"team": "analytics"},
	})
	require.NoError(tb, err)
	return u
}

// newRequest builds and prepares a request by who with the explicit
// context keys layered over the principal's derived keys.
func newRequest(tb testing.TB, who principal.Principal, action, resource string, ctx map[string]string) *Request {
	tb.Helper()
	var keys condition.Builder
	keys.SetAll(who.Context())
	for k, v := range ctx {
		keys.Set(k, condition.StringValue(v))
	}
	c, err := keys.Context()
	require.NoError(tb, err)
	r, err := NewRequest(RequestInput{Action: action, Resource: resource, Principal: who, Context: c})
	require.NoError(tb, err)
	return &r
}

// recorder collects the results of Eval.
type recorder struct{ results []StatementResult }

// Record implements Recorder.
func (r *recorder) Record(s StatementResult) { r.results = append(r.results, s) }
