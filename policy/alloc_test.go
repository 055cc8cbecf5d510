package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvalAllocations locks the allocation budget of the fast path
// (bench README): none for statements without variables,
// none for a resource variable that fits the stack buffer.
func TestEvalAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	ctx := map[string]string{"aws:SourceIp": "203.0.113.7", "aws:SecureTransport": "true"}
	w2, err := Parse(readBench(t, "w2-policy.json"), Source{})
	require.NoError(t, err)
	w3, err := Parse(readBench(t, "w3-policy.json"), Source{})
	require.NoError(t, err)
	bucket := mustParse(t, Resource, bucketPolicy)
	tests := []struct {
		name string
		p    *Policy
		r    *Request
		max  float64
	}{
		{"W2none", w2, newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::tenant-1000/reports/q1.csv", ctx), 0},
		{"W2hit500", w2, newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::reports-0499/2024/summary.csv", ctx), 0},
		{"conditions", w3, newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::dept-finance/x", ctx), 0},
		{"variables", w3, newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::corp-data/home/alice/notes.txt", ctx), 0},
		{"principals", bucket, newRequest(t, callerSession(t), "s3:GetObject", "arn:aws:s3:::b/k", nil), 0},
	}
	for _, tc := range tests {
		got := testing.AllocsPerRun(100, func() { tc.p.Eval(tc.r, nil) })
		assert.LessOrEqual(t, got, tc.max, tc.name)
	}
}
