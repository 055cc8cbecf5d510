package policy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// TestDuplicateSidsManyStatements checks that repeated Sids are found the
// same way in small policies (compared one by one) and in large ones
// (through a map), each repeat pointing at the first statement with that
// Sid: Sids should be unique in a policy
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
func TestDuplicateSidsManyStatements(t *testing.T) {
	t.Parallel()
	for _, n := range []int{4, sidScanLimit, sidScanLimit + 1, 3 * sidScanLimit} {
		var b strings.Builder
		b.WriteString(`{"Statement":[`)
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			sid := fmt.Sprintf("S%d", i)
			if i >= n-2 {
				sid = "S1" // the last two repeat the second statement's Sid
			}
			fmt.Fprintf(&b, `{"Sid":%q,"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, sid)
		}
		b.WriteString("]}")
		pol, err := Parse([]byte(b.String()), Source{Type: Identity})
		require.NoError(t, err)
		var got []string
		for _, w := range pol.Warnings() {
			got = append(got, w.Error())
		}
		want := []string{
			fmt.Sprintf(`<input>:%d:8: warning: Statement[%d].Sid: duplicate Sid "S1" (first in the statement at 2:1): Sids should be unique in a policy`, n-1, n-2),
			fmt.Sprintf(`<input>:%d:8: warning: Statement[%d].Sid: duplicate Sid "S1" (first in the statement at 2:1): Sids should be unique in a policy`, n, n-1),
		}
		assert.Equal(t, want, got, "%d statements", n)
	}
}

// TestSidWarningsAfterNonObjects checks that the Sid warnings of a
// Statement array with elements that are not objects (each an error of
// its own) name each statement by its index in the array and point at
// its Sid value: the Sid element is optional, but IAM accepts only
// letters and digits and expects Sids unique in a policy
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
func TestSidWarningsAfterNonObjects(t *testing.T) {
	t.Parallel()
	src := `{"Statement":[1,
{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
"x", [],
{"Effect":"Allow","Sid":"A","Action":"s3:GetObject","Resource":"*"},
{"Sid":"b-c","Sid":"d","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	_, err := Parse([]byte(src), Source{Type: Identity})
	require.Error(t, err)
	var warns []string
	for _, e := range err.(diag.ErrorList) {
		if e.IsWarning() {
			warns = append(warns, e.Error())
		}
	}
	assert.Equal(t, []string{
		`<input>:4:25: warning: Statement[4].Sid: duplicate Sid "A" (first in the statement at 2:1): Sids should be unique in a policy`,
		`<input>:5:8: warning: Statement[5].Sid: Sid "b-c" has characters other than A-Z, a-z and 0-9, which IAM does not accept`,
	}, warns)
}
