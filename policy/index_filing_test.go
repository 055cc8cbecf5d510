package policy

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// addFilingsSorted files a statement under the same prefixes as addFiling
// one entry at a time (each distinct prefix once, none that starts with
// another), on random lists of prefixes that start one another, repeat
// and include the empty prefix; the order within the statement may
// differ. It is what a statement of more than linearFilings resources
// uses (issue 15: 100,000 resources compared pair by pair took 44 s).
func TestAddFilingsSortedAgreesWithAddFiling(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "b", "ab", "/", "arn:aws:s3:::b", "arn:aws:s3:::b/"}
	for range 2000 {
		n := rng.IntN(40)
		entries := make([]resourceEntry, n)
		for i := range entries {
			var p strings.Builder
			for range rng.IntN(4) {
				p.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			entries[i] = resourceEntry{text: p.String(), prefixLen: int32(len(p.String()))}
			if rng.IntN(10) == 0 {
				entries[i].partOff = partNever
			}
		}
		// Another statement's filings come first, and stay.
		before := []filing{{"x", 0}, {"arn:aws:s3:::b", 0}}
		var one []filing
		one = append(one, before...)
		for j := range entries {
			if e := &entries[j]; !e.neverMatches() {
				one = addFiling(one, len(before), filing{e.prefix(), 1})
			}
		}
		sorted := addFilingsSorted(append([]filing(nil), before...), entries, 1)
		require.Equal(t, before, sorted[:len(before)], "the earlier statement's filings are kept")
		want, got := prefixes(one[len(before):]), prefixes(sorted[len(before):])
		require.Equal(t, want, got, "entries %v", entries)
	}
}

// prefixes returns the sorted prefixes of filings.
func prefixes(fs []filing) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.prefix)
	}
	slices.Sort(out)
	return out
}

// A policy whose statement has many distinct resources is indexed in
// linear time and still finds each resource's statement.
func TestIndexManyResourcesOneStatement(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [`)
	for i := range 5000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"arn:aws:s3:::bucket` + strconv.Itoa(i) + `/key"`)
	}
	b.WriteString(`]}`)
	for i := range indexMinStatements {
		b.WriteString(`, {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::x` + strconv.Itoa(i) + `/*"}`)
	}
	b.WriteString(`]}`)
	p := mustParse(t, Identity, b.String())
	for _, i := range []int{0, 1, 4999} {
		r := newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::bucket"+strconv.Itoa(i)+"/key", nil)
		e, err := r.env()
		require.NoError(t, err)
		assert.Equal(t, p.evalLinear(&e), p.evalIndexed(&e), "resource %d", i)
		assert.NotZero(t, p.evalIndexed(&e)&effAllow, "resource %d is allowed", i)
	}
}
