package lint

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// Issue 15: `iameval validate` must not need memory out of proportion to
// the policy it is given. Check reads the document a second time besides
// parsing it; this bounds the bytes it allocates per input byte on one
// condition of 20,000 keys, the shape with the most per input byte (a
// condition key is its own clause in both readings). Allocation sizes are
// exact, unlike timings, so the bound can be tight.
func TestCheckAllocatedBytesPerInputByte(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocation of a 0.6 MB policy")
	}
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{`)
	for i := range 20_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"aws:PrincipalTag/k%d":"v"`, i)
	}
	b.WriteString(`}}}]}`)
	src := []byte(b.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Check(src, policy.Source{File: "p.json"})
	runtime.ReadMemStats(&after)
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
	t.Logf("%d bytes, %.1f× allocated", len(src), ratio)
	assert.LessOrEqual(t, ratio, 95.0, "115× before the clauses of a condition were read into a slice sized once")
}
