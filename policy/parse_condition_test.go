package policy

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// conditionErrors parses a statement with the Condition element cond and
// returns its problems as text.
func conditionErrors(t *testing.T, cond string) []string {
	t.Helper()
	src := `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":` + cond + `}}`
	_, err := ParseString(src, Source{File: "p.json", Type: Identity})
	var list diag.ErrorList
	require.True(t, errors.As(err, &list), "%v", err)
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}

// TestConditionKeysHandOver checks the problems of operators and keys
// read past the plain walk of the first few (see operators and
// blockKeys): repeated keys among the first four and past them,
// repeated operators past the fourth, and value errors around them.
func TestConditionKeysHandOver(t *testing.T) {
	t.Parallel()
	got := conditionErrors(t, `{"StringEquals":{"a":"1","b":"2","a":"3","c":"4","d":"5","e":"6","c":"7"},`+
		`"Bool":{"x":"maybe"},"IpAddress":{"y":"bad"},"StringLike":{"z":"1"},"Bool":{"x":"true"},"NumericEquals":{"n":"one"}}`)
	assert.Equal(t, []string{
		`p.json:1:108: Statement.Condition.StringEquals.a: duplicate key "a" (first at 1:92): JSON policies must not repeat a key`,
		`p.json:1:140: Statement.Condition.StringEquals.c: duplicate key "c" (first at 1:116): JSON policies must not repeat a key`,
		`p.json:1:161: Statement.Condition.Bool.x: "maybe" is not a boolean (true or false)`,
		`p.json:1:187: Statement.Condition.IpAddress.y: "bad" is not an IP address or CIDR block`,
		`p.json:1:217: Statement.Condition.Bool: duplicate key "Bool" (first at 1:149): JSON policies must not repeat a key`,
		`p.json:1:258: Statement.Condition.NumericEquals.n: "one" is not a number (integer or decimal)`,
	}, got)
}

// TestConditionRepeatedOperatorFirst checks that a repeated operator is
// reported before the problems of the operators' blocks, as the walk of
// the whole Condition object reports it: with diag.MaxErrors bad values
// before it, the repeat is kept and the last value is the first left
// out.
func TestConditionRepeatedOperatorFirst(t *testing.T) {
	t.Parallel()
	vals := make([]string, diag.MaxErrors)
	for i := range vals {
		vals[i] = fmt.Sprintf(`"b%d"`, i)
	}
	got := conditionErrors(t, `{"IpAddress":{"k":[`+strings.Join(vals, ",")+`]},"Bool":{"x":"true"},"IpAddress":{}}`)
	require.Len(t, got, diag.MaxErrors+1)
	assert.Contains(t, got[len(got)-1], `Statement.Condition.IpAddress: duplicate key "IpAddress" (first at 1:76)`)
	assert.Equal(t, `p.json:1:78976: 1 more problems are not reported, the first of them here: at most 10000 are reported for one document`, got[len(got)-2])
}

// TestConditionValueProblemsPositioned checks that the problems of a key of
// many bad values are positioned at their values, in order (see
// valueWalk).
func TestConditionValueProblemsPositioned(t *testing.T) {
	t.Parallel()
	const n = 5000
	vals := make([]string, n)
	for i := range vals {
		vals[i] = fmt.Sprintf(`"${%d"`, i)
	}
	src := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"k":[` + strings.Join(vals, ",") + `]}}}}`
	pol, err := ParseString(src, Source{File: "p.json", Type: Identity})
	require.NoError(t, err)
	warns := pol.Warnings()
	require.Len(t, warns, n)
	for i, w := range warns {
		want := fmt.Sprintf(`Statement.Condition.StringLike.k[%d]`, i)
		if w.Path != want || w.Pos.Offset != strings.Index(src, vals[i]) {
			t.Fatalf("warning %d at %s (offset %d), want %s (offset %d)", i, w.Path, w.Pos.Offset, want, strings.Index(src, vals[i]))
		}
	}
}

// TestSingleString holds jsonsrc.Doc.SingleString, keyValues' shortcut for an array
// of one plain string, against arrayValues on random arrays: whenever it
// reads one, arrayValues reads the same single value without problems.
func TestSingleString(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	tokens := []string{`"`, `\\`, `\"`, `,`, ` `, `a`, `1`, `[`, `]`, `{}`, "\xc3\x96", "\xff", `true`, "abcdefghijklmnopqrstuvwxyz"}
	read := 0
	for range 50000 {
		var b strings.Builder
		// Mostly a string's quotes around the tokens, as a value is.
		quoted := rng.IntN(4) > 0
		b.WriteByte('[')
		if quoted {
			b.WriteByte('"')
		}
		for range rng.IntN(12) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		if quoted {
			b.WriteByte('"')
		}
		b.WriteByte(']')
		src := b.String()
		doc, err := jsonsrc.Parse(src, diag.Position{})
		if err != nil {
			continue
		}
		s, ok := doc.SingleString(doc.Root())
		if !ok {
			continue
		}
		read++
		p := &parser{doc: doc}
		got, good := p.arrayValues(doc.Root(), nil, nil)
		assert.True(t, good, "%s", src)
		assert.Equal(t, []string{s}, got, "%s", src)
	}
	assert.Greater(t, read, 1000)
	for _, src := range []string{`["10.1.0.0/16"]`, `[""]`, `["home/${aws:username}/*"]`} {
		doc, err := jsonsrc.Parse(src, diag.Position{})
		require.NoError(t, err)
		s, ok := doc.SingleString(doc.Root())
		assert.True(t, ok, "%s", src)
		assert.Equal(t, src[2:len(src)-2], s)
	}
}

// TestBlockKeysAgreesWithFreeIter checks that blockKeys returns the
// members and reports the problems a jsonsrc.FreeIter does, over blocks
// of up to seven keys drawn from a few, with repeats among the first
// four and past them, and keys written with escapes (which blockKeys
// leaves to the FreeIter).
func TestBlockKeysAgreesWithFreeIter(t *testing.T) {
	t.Parallel()
	pool := []string{`a`, `b`, `ab`, `ba`, `\u0061`, `a\"`, `a"`, ``, `abc`}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		n := 1 + rng.IntN(7)
		var ms []string
		for i := range n {
			ms = append(ms, fmt.Sprintf(`"%s":%d`, pool[rng.IntN(len(pool))], i))
		}
		src := `{"k":{` + strings.Join(ms, ",") + `}}`
		doc, err := jsonsrc.Parse(src, diag.Position{})
		if err != nil {
			continue // a"
		}
		block := doc.ValueAt(strings.Index(src[1:], "{") + 1)
		at := top("k")
		var want, got []jsonsrc.Member
		var wantProbs, gotProbs []jsonsrc.Problem
		f := doc.FreeItems(block, &at, false, &wantProbs)
		for {
			m, ok := f.Next(&at, &wantProbs)
			if !ok {
				break
			}
			want = append(want, m)
		}
		var keys blockKeys
		var scratch jsonsrc.FreeIter
		keys.start(doc, block, &scratch)
		for {
			m, ok := keys.next(&at, &gotProbs)
			if !ok {
				break
			}
			got = append(got, m)
		}
		assert.Equal(t, want, got, src)
		assert.Equal(t, wantProbs, gotProbs, src)
	}
}
