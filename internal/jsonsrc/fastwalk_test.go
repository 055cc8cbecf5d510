package jsonsrc

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// randomArrays returns JSON texts of arrays and objects of strings,
// literals, numbers and containers, minified and spaced, with and
// without escapes: the inputs on which the fast walks must agree with
// the general ones.
func randomArrays(r *rand.Rand, n int) []string {
	atoms := []string{`""`, `"a"`, `"s3:GetObject"`, `"arn:aws:s3:::bucket/*"`, `"a\"b"`, `"\\"`, `"\u00e9t\u00e9"`,
		`true`, `false`, `null`, `0`, `-1.5e3`, `{}`, `[]`, `{"k":"v"}`, `["x","y"]`, `"` + strings.Repeat("long", 20) + `"`}
	spaces := []string{"", " ", "\n  ", "\t"}
	var out []string
	for range n {
		obj := r.IntN(2) == 0
		sp := spaces[r.IntN(len(spaces))]
		var b strings.Builder
		b.WriteString(map[bool]string{false: "[", true: "{"}[obj])
		for j := range r.IntN(7) {
			if j > 0 {
				b.WriteString(sp + "," + sp)
			} else {
				b.WriteString(sp)
			}
			if obj {
				b.WriteString(atoms[r.IntN(7)] + sp + ":" + sp)
			}
			b.WriteString(atoms[r.IntN(len(atoms))])
		}
		b.WriteString(sp + map[bool]string{false: "]", true: "}"}[obj])
		out = append(out, b.String())
	}
	return out
}

// TestNextString holds Iter.NextString, tried before NextElem, against
// NextElem and Str alone.
func TestNextString(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for _, src := range randomArrays(r, 3000) {
		d, err := Parse(src, diag.Position{})
		if err != nil {
			continue
		}
		var want, got []string
		for it := d.Items(d.Root()); ; {
			v, ok := it.NextElem()
			if !ok {
				break
			}
			want = append(want, d.Raw(v)+"="+d.Str(v))
		}
		for it := d.Items(d.Root()); ; {
			if s, at, ok := it.NextString(); ok {
				require.Less(t, at, len(src), src)
				got = append(got, src[at:at+len(s)+2]+"="+s)
				continue
			}
			v, ok := it.NextElem()
			if !ok {
				break
			}
			got = append(got, d.Raw(v)+"="+d.Str(v))
		}
		assert.Equal(t, want, got, "%s", src)
	}
}

// TestPlainMembers holds Doc.PlainMembers against Doc.Members, on the
// objects of random documents and on the objects inside them.
func TestPlainMembers(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	read := 0
	for _, src := range randomArrays(r, 3000) {
		d, err := Parse(`{"a":`+src+`,"b":[`+src+`]}`, diag.Position{})
		if err != nil {
			continue
		}
		objs := []Value{d.Root(), d.Get(d.Root(), "a")}
		for _, obj := range objs {
			for _, room := range []int{1, 4} {
				pre := []Member{{Key: "x"}}
				got, ok := d.PlainMembers(obj, append(make([]Member, 0, room+1), pre...))
				if !ok {
					assert.Equal(t, pre, got, "%s", src)
					continue
				}
				read++
				want := append(pre, d.Members(obj)...)
				assert.Equal(t, want, got, "%s", src)
			}
		}
	}
	assert.Greater(t, read, 1000)
}

// TestWalksAtTheEnd checks the walks where the comma before an item is
// added rather than branched on: at the end of a container (called
// again after it), over a value that is not a container (whose walk
// starts at offset 0 and is empty), and with white space around the
// commas.
func TestWalksAtTheEnd(t *testing.T) {
	t.Parallel()
	for _, src := range []string{`"abc"`, ` "abc" `, `1`, `[]`, `{}`, `["a"]`, `[ "a" , "b" ]`, `{"k":"v"}`, `{ "k" : [ "v" ] , "l" : 1 }`, `[1,"a",{}]`} {
		d, err := Parse(src, diag.Position{})
		require.NoError(t, err)
		for _, v := range []Value{d.Root(), d.ValueAt(len(src) - len(strings.TrimLeft(src, " ")))} {
			a, b, c := d.Items(v), d.Items(v), d.Items(v)
			for range 6 {
				_, want, ok := a.Next()
				got, okElem := b.NextElem()
				assert.Equal(t, want, got, src)
				assert.Equal(t, ok, okElem, src)
				if s, at, okStr := c.NextString(); okStr {
					assert.True(t, ok && want.Kind == String && want.Index == at && d.Str(want) == s, "%s: NextString = %q, %d", src, s, at)
				} else if _, okElem := c.NextElem(); okElem != ok {
					t.Fatalf("%s: NextElem after NextString = %v, want %v", src, okElem, ok)
				}
				assert.Equal(t, a.i, c.i, src)
			}
		}
	}
}
