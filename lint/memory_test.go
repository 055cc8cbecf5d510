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
// parsing it; this bounds the bytes it allocates per input byte on the
// hostile shapes: one condition of 20,000 keys, the shape with the most
// per input byte (a condition key is its own clause in both readings),
// 20,000 statements with Sids, and 1,000 statements of 100 distinct
// condition values. Allocation sizes are
// exact, unlike timings, so the bounds can be tight.
func TestCheckAllocatedBytesPerInputByte(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation sizes differ under the race detector; measures allocation of a 0.6 MB policy")
	}
	for _, tc := range []struct {
		name  string
		src   []byte
		bound float64 // allocated bytes per input byte
		why   string
	}{
		{"one condition of 20,000 keys", lintKeysDoc(20_000), 22,
			"18.6× measured with the catalogue's first load (2026-12-06, night: a clause of 80 bytes, a key table sized once); 21.5× with a clause of 96 bytes and a Go map for the key set, 29.5× before lint walked clauses rather than kept them and hashed conditions rather than signed them, 115× before the clauses of a condition were read into a slice sized once, 89× before an item kept a byte offset rather than a file position, 82× before a compiled clause kept one pointer to its values, 74.7× before members were walked rather than gathered, 62.2× before condition keys made their paths only for findings, 56.4× before both readings shared one copy of the text"},
		{"20,000 statements with Sids", lintSidsDoc(20_000), 15,
			"29× before statements kept only what the checks read and members were walked rather than gathered, 18.9× before element keys made their paths only for findings, 17.2× before both readings shared one copy of the text, 15.7× before statements and their items kept the statement's index rather than its path, 14.3× before a statement, not each element, held the lower-case actions and the clauses were walked rather than kept (13.7× measured, 2026-12-06)"},
		{"1,000 statements of 100 distinct values", lintValuesDoc(1_000, 100), 6.6,
			"5.5× measured (2026-12-06); 7.2× before lint hashed conditions rather than signed them, 24.6× before condition values were read from the document when compared rather than kept as items, 13.1× before plain StringEquals values were compared as written, 9.2× before members were walked rather than gathered, 8.0× before both readings shared one copy of the text"},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Check(tc.src, policy.Source{File: "p.json"})
		runtime.ReadMemStats(&after)
		ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(tc.src))
		t.Logf("%s: %d bytes, %.1f× allocated", tc.name, len(tc.src), ratio)
		assert.LessOrEqual(t, ratio, tc.bound, tc.why)
	}
}

// TestLintAllocatedBytesPerInputByte bounds what this package's own
// reading and checks allocate per input byte, without package policy's
// Parse (whose allocations policy/memory_test.go bounds), on one
// condition of 20,000 keys: its clauses are walked, not kept, and the
// redundancy check hashes the condition rather than making its signature
// (issue 15). What is left is mostly jsonsrc's bracket index of the
// document, half a byte per input byte. The bound is the figure measured
// when it was set plus about a fifth.
func TestLintAllocatedBytesPerInputByte(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation sizes differ under the race detector; measures allocation of a 0.6 MB policy")
	}
	// The catalogue and the names of AWS's managed policies are loaded
	// once per process, not per document.
	lintFindings(`{"Statement":{"Effect":"Allow","Action":"nosuch:Action","Resource":"*"}}`, policy.Source{}, nil, omission{})
	src := string(lintKeysDoc(20_000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, _ := lintFindings(src, policy.Source{File: "p.json"}, nil, omission{})
	runtime.ReadMemStats(&after)
	assert.Empty(t, out, "aws:PrincipalTag/<key> is a global condition key, valid with StringEquals")
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
	t.Logf("one condition of 20,000 keys: %d bytes, %.2f× allocated", len(src), ratio)
	assert.LessOrEqual(t, ratio, 0.6, "0.50× measured (2026-12-06); 8.35× before clauses were walked rather than kept and conditions hashed rather than signed")
}

// lintKeysDoc is a policy of one statement whose condition has n keys.
func lintKeysDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"aws:PrincipalTag/k%d":"v"`, i)
	}
	b.WriteString(`}}}]}`)
	return []byte(b.String())
}

// lintSidsDoc is a policy of n statements, each with its own Sid.
func lintSidsDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Sid":"S%d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// lintValuesDoc is a policy of n statements, each with a condition of v
// values distinct across statements.
func lintValuesDoc(n, v int) []byte {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":[`)
		for j := range v {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"v%d-%d"`, i, j)
		}
		b.WriteString(`]}}}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// TestLintWildcardStatementsAllocate: a statement of service wildcards
// costs its checks a few bytes per input byte, however many actions the
// wildcards match (issue 15: each statement of "s3:*", "iam:*", "ec2:*"
// collected its thousand actions in a map and asked each of them about
// each condition key; 100,000 statements took 44 s). What an entry text
// matches is worked out once per text.
func TestLintWildcardStatementsAllocate(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation sizes differ under the race detector")
	}
	doc := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"Version":"2012-10-17","Statement":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"Effect":"Allow","Action":["s3:*","iam:*","ec2:*"],"Resource":["arn:aws:s3:::b%d/*","*"],"Condition":{"StringEquals":{"s3:prefix":"a"}}}`, i)
		}
		b.WriteString(`]}`)
		return b.String()
	}
	// The catalogue's services are decoded on first use, once per process.
	lintFindings(doc(1), policy.Source{}, nil, omission{})
	src := doc(2000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lintFindings(src, policy.Source{File: "p.json"}, nil, omission{})
	runtime.ReadMemStats(&after)
	perStatement := float64(after.TotalAlloc-before.TotalAlloc) / 2000
	t.Logf("2,000 wildcard statements (%d bytes): %.0f bytes allocated a statement, most of it its findings", len(src), perStatement)
	assert.LessOrEqual(t, perStatement, 16384.0, "expanding the wildcards statement by statement allocated 261 KB a statement")
}
