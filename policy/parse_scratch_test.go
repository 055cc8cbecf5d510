package policy

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scratchPolicy is a policy of n statements whose conditions are distinct
// (more than scanLimit of them, so that the caches are indexed) and whose
// values depend on tag, so that a clause cached by one Parse and wrongly
// found by another would show in its values.
func scratchPolicy(tag, n int) string {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.%d.%d.0/24"},"StringEquals":{"aws:PrincipalTag/t%d":"v%d"}}}`, tag%256, i, i, tag)
	}
	b.WriteString(`]}`)
	return b.String()
}

// checkScratchPolicy checks that every clause of a policy made by
// scratchPolicy holds the values written in its own text.
func checkScratchPolicy(t *testing.T, pol *Policy, tag, n int) {
	t.Helper()
	require.Len(t, pol.stmts, n)
	for i, s := range pol.stmts {
		cs := s.cond.Clauses()
		require.Len(t, cs, 2)
		assert.Equal(t, []string{fmt.Sprintf("10.%d.%d.0/24", tag%256, i)}, cs[0].Values(), "statement %d of policy %d", i, tag)
		assert.Equal(t, []string{fmt.Sprintf("v%d", tag)}, cs[1].Values(), "statement %d of policy %d", i, tag)
	}
}

// TestParseReusesNoCompiledState checks that a Parse reusing the storage
// of an earlier one's caches (see parseScratch) and bracket index (see
// jsonsrc.Doc.Release) compiles each document from its own text alone: a
// clause is shared only within the document whose text has it
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// — each policy's values are its own), sequentially and concurrently.
func TestParseReusesNoCompiledState(t *testing.T) {
	t.Parallel()
	const n = 20
	pols := make([]*Policy, 8)
	for tag := range pols {
		pol, err := ParseString(scratchPolicy(tag, n), Source{Type: Identity})
		require.NoError(t, err)
		pols[tag] = pol
	}
	for tag, pol := range pols {
		checkScratchPolicy(t, pol, tag, n)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				tag := 100 + 20*g + k
				pol, err := ParseString(scratchPolicy(tag, n+k), Source{Type: Identity})
				if assert.NoError(t, err) {
					checkScratchPolicy(t, pol, tag, n+k)
				}
			}
		}()
	}
	wg.Wait()
}

// TestParseAfterFailedParse checks that a document that fails to parse,
// with problems found by the walk or by the JSON syntax check, leaves
// nothing behind that changes how the next one reads.
func TestParseAfterFailedParse(t *testing.T) {
	t.Parallel()
	_, err := ParseString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"nonsense"}}}]}`, Source{Type: Identity})
	require.Error(t, err, "an invalid IP address is an error")
	_, err = ParseString(`{"Version":"2012-10-17","Statement":[}`, Source{Type: Identity})
	require.Error(t, err, "invalid JSON")
	pol, err := ParseString(scratchPolicy(7, 12), Source{Type: Identity})
	require.NoError(t, err)
	checkScratchPolicy(t, pol, 7, 12)
}
