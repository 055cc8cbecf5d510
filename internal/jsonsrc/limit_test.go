package jsonsrc

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// object returns an object of n members whose keys are made by key.
func object(n int, key func(i int) string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(key(i)) + ":1")
	}
	b.WriteByte('}')
	return b.String()
}

// A list of problems keeps at most diag.MaxErrors and counts the rest in
// the last one's More, with where the first of them is; a Sink is given
// every problem (issue 15: an object of 600,000 unknown keys held a
// problem for each, and looked for the key each one meant).
func TestProblemListIsLimited(t *testing.T) {
	t.Parallel()
	const extra = 9
	src := object(diag.MaxErrors+extra, func(i int) string { return "k" + strconv.Itoa(i) })
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	known := []string{"Effect"}

	var probs []Problem
	d.FieldsTo(d.Root(), At("S"), known, make([]Member, 1), &probs)
	require.Len(t, probs, diag.MaxErrors)
	last := probs[len(probs)-1]
	assert.Equal(t, extra, last.More)
	assert.Equal(t, strings.Index(src, `"k10000"`), last.MoreOffset, "the first key left out")
	assert.Equal(t, "S", last.At)

	var all record
	d.Fields(d.Root(), At("S"), known, make([]Member, 1), &all)
	assert.Len(t, all, diag.MaxErrors+extra, "a Sink is given every problem")

	var none record
	d.KnownFields(d.Root(), At("S"), known, make([]Member, 1), &none)
	assert.Empty(t, none, "KnownFields skips keys outside known")

	// Every member after the first repeats its key.
	dup := object(diag.MaxErrors+extra+1, func(int) string { return "same" })
	d, err = Parse(dup, diag.Position{})
	require.NoError(t, err)
	probs = nil
	it := d.FreeItems(d.Root(), At("T"), false, &probs)
	for {
		if _, ok := it.Next(At("T"), &probs); !ok {
			break
		}
	}
	require.Len(t, probs, diag.MaxErrors)
	assert.Equal(t, extra, probs[len(probs)-1].More)
}
