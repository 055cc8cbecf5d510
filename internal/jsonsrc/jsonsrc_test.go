package jsonsrc

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

func TestParseSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want diag.Position
		why  string
	}{
		{"{\n  \"a\": 1,\n  \"b\": }", diag.Position{Offset: 19, Line: 3, Column: 8}, "the bad character itself, not the byte after it"},
		{"", diag.Position{Offset: 0, Line: 1, Column: 1}, "empty input ends at once"},
		{"{\"a\": [1, 2}", diag.Position{Offset: 11, Line: 1, Column: 12}, "wrong closing bracket"},
		{"{\"a\": 1", diag.Position{Offset: 7, Line: 1, Column: 8}, "truncated input ends at the end"},
		{"{} x", diag.Position{Offset: 3, Line: 1, Column: 4}, "trailing garbage"},
		{"{\"é\": x}", diag.Position{Offset: 7, Line: 1, Column: 7}, "columns count characters, not bytes"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.src, diag.Position{})
		var se *SyntaxError
		require.ErrorAs(t, err, &se, tc.why)
		if d := cmp.Diff(tc.want, se.Pos); d != "" {
			t.Errorf("%q: %s (-want +got):\n%s", tc.src, tc.why, d)
		}
	}
}

func TestMembersAndPositions(t *testing.T) {
	t.Parallel()
	src := "{\n  \"a\": 1,\n  \"a\": [true, \"x\"]\n}"
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	ms := d.Members(d.Root())
	require.Len(t, ms, 2, "duplicates are kept")
	assert.Equal(t, diag.Position{Offset: 4, Line: 2, Column: 3}, d.Pos(ms[0].KeyIndex))
	assert.Equal(t, diag.Position{Offset: 14, Line: 3, Column: 3}, d.Pos(ms[1].KeyIndex))
	els := d.Elements(ms[1].Value)
	require.Len(t, els, 2)
	assert.Equal(t, "boolean", TypeName(els[0]))
	assert.Equal(t, "string", TypeName(els[1]))
	assert.Equal(t, diag.Position{Offset: 26, Line: 3, Column: 15}, d.Pos(els[1].Index))
	assert.Nil(t, d.Members(els[0]), "not an object")
	assert.Nil(t, d.Elements(d.Root()), "not an array")
}

func TestBase(t *testing.T) {
	t.Parallel()
	d, err := Parse("{\"x\":\n 1}", diag.Position{Offset: 100, Line: 7, Column: 20})
	require.NoError(t, err)
	assert.Equal(t, diag.Position{Offset: 101, Line: 7, Column: 21}, d.Pos(1), "first line is shifted by the base column")
	assert.Equal(t, diag.Position{Offset: 107, Line: 8, Column: 2}, d.Pos(7), "later lines keep their own column")
}

func TestRootIndexWithLeadingSpace(t *testing.T) {
	t.Parallel()
	d, err := Parse("  \n {\"k\": \"v\"}", diag.Position{})
	require.NoError(t, err)
	assert.Equal(t, 4, d.Root().Index)
	ms := d.Members(d.Root())
	require.Len(t, ms, 1)
	assert.Equal(t, diag.Position{Offset: 5, Line: 2, Column: 3}, d.Pos(ms[0].KeyIndex))
	assert.Equal(t, "object", TypeName(d.Root()))
	assert.Equal(t, "nothing", TypeName(Value{}), "the zero Value is Missing")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[1,2`, "{\"a\":\n\"b\"}", `"x"`, `{"a":{"b":[null,true,1.5e3]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse(src, diag.Position{})
		if err != nil {
			se := err.(*SyntaxError)
			if se.Pos.Offset < 0 || se.Pos.Offset > len(src) {
				t.Fatalf("error offset %d outside input of %d bytes", se.Pos.Offset, len(src))
			}
			return
		}
		for _, m := range d.Members(d.Root()) {
			if m.KeyIndex < 0 || m.KeyIndex >= len(src) || src[m.KeyIndex] != '"' {
				t.Fatalf("key index %d does not point at a quote", m.KeyIndex)
			}
			if m.Value.Index < 0 || m.Value.Index >= len(src) {
				t.Fatalf("value index %d outside input", m.Value.Index)
			}
		}
		indexed := walkAll(d)
		checkShortWalks(t, d, d.Root())
		d.Release()
		checkShortWalks(t, d, d.Root())
		if diff := cmp.Diff(walkAll(d), indexed); diff != "" {
			t.Fatalf("%q: the walk with the index differs from the scanning one (-scan +index):\n%s", src, diff)
		}
	})
}

// checkShortWalks checks, for v and every value inside it, that
// NextElem and nextMember return what Next does and that Containers
// counts the containers Next finds, and that FieldsToKnown reads an
// object as FieldsTo does (see knownMembers).
func checkShortWalks(t *testing.T, d *Doc, v Value) {
	if v.Kind == Object {
		for _, kk := range fuzzKnown {
			var ps1, ps2 []Problem
			out1 := d.FieldsTo(v, nil, kk.Names(), make([]Member, len(kk.Names())), &ps1)
			out2 := make([]Member, len(kk.Names()))
			kk.SetKeys(out2)
			out2 = d.FieldsToKnown(v, nil, kk, out2, &ps2)
			keysOf(out1, kk.Names())
			if diff := cmp.Diff(out1, out2, cmp.AllowUnexported(Value{})); diff != "" || !reflect.DeepEqual(ps1, ps2) {
				t.Fatalf("FieldsToKnown of %q differs from FieldsTo (-FieldsTo +FieldsToKnown):\n%s%v\n%v", d.Raw(v), diff, ps1, ps2)
			}
		}
	}
	checkPlainWalks(t, d, v)
	a, b, c := d.Items(v), d.Items(v), d.Items(v)
	containers := 0
	for {
		k, want, ok := a.Next()
		elem, okElem := b.NextElem()
		keyAt, keyClose, member, okMember := c.nextMember()
		if elem != want || okElem != ok || a != b {
			t.Fatalf("NextElem = %+v, %v; Next gave %+v, %v", elem, okElem, want, ok)
		}
		if v.Kind == Object {
			wantClose := -1
			if k.open == plainString {
				wantClose = k.End - 1
			}
			if member != want || okMember != ok || a != c || keyAt != k.Index || keyClose != wantClose {
				t.Fatalf("nextMember = %d, %d, %+v, %v; Next gave %+v, %+v, %v", keyAt, keyClose, member, okMember, k, want, ok)
			}
		}
		if !ok {
			break
		}
		if want.Kind == Object || want.Kind == Array {
			containers++
		}
		checkShortWalks(t, d, want)
	}
	if n, ok := d.Containers(v); ok && n != containers {
		t.Fatalf("Containers = %d, want %d", n, containers)
	} else if !ok && d.opens != nil && (v.Kind == Object || v.Kind == Array) && v.open >= 0 {
		t.Fatalf("Containers has no count for an indexed container")
	}
}

// checkPlainWalks checks that PlainMembers reads the object v as
// Members does, that a walk of the array v by NextString, then NextElem,
// reads what NextElem alone does, and that SingleString reads only an
// array of one string.
func checkPlainWalks(t *testing.T, d *Doc, v Value) {
	if got, ok := d.PlainMembers(v, make([]Member, 0, 4)); ok {
		if want := d.Members(v); len(want) != len(got) || len(got) > 0 && !reflect.DeepEqual(want, got) {
			t.Fatalf("PlainMembers of %q = %+v, Members gave %+v", d.Raw(v), got, want)
		}
	}
	if v.Kind != Array {
		return
	}
	var want, got []string
	for it := d.Items(v); ; {
		e, ok := it.NextElem()
		if !ok {
			break
		}
		want = append(want, fmt.Sprint(e.Index, d.Raw(e), d.Str(e)))
	}
	for it := d.Items(v); ; {
		if s, at, ok := it.NextString(); ok {
			got = append(got, fmt.Sprint(at, d.src[at:at+len(s)+2], s))
			continue
		}
		e, ok := it.NextElem()
		if !ok {
			break
		}
		got = append(got, fmt.Sprint(e.Index, d.Raw(e), d.Str(e)))
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("NextString walk of %q = %q, NextElem gave %q", d.Raw(v), got, want)
	}
	if s, ok := d.SingleString(v); ok && (len(want) != 1 || want[0] != fmt.Sprint(v.Index+1, `"`+s+`"`, s)) {
		t.Fatalf("SingleString of %q = %q, elements %q", d.Raw(v), s, want)
	}
}

// fuzzKnown are the known keys checkShortWalks reads objects with: those
// of a policy statement, and short keys a fuzzer finds.
var fuzzKnown = []*KnownKeys{
	NewKnownKeys([]string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}),
	NewKnownKeys([]string{"a", "b", "ab", "abc", "0", "", "AVeryLongKeyOfManyBytes"}),
}

// walkAll lists every key and value of d, with the text of strings, in
// document order.
func walkAll(d *Doc) []string {
	var out []string
	var rec func(v Value)
	rec = func(v Value) {
		s, plain := d.StrRaw(v)
		out = append(out, fmt.Sprintf("%c %d-%d %q %v", v.Kind, v.Index, v.End, s, plain))
		for it := d.Items(v); ; {
			k, e, ok := it.Next()
			if !ok {
				return
			}
			if k.Exists() {
				ks, kplain := d.StrRaw(k)
				out = append(out, fmt.Sprintf("key %d-%d %q %v %q", k.Index, k.End, ks, kplain, d.keyAt(k.Index)))
			}
			rec(e)
		}
	}
	rec(d.Root())
	return out
}

// TestQuoteBitmap checks the walks that find string ends in the bitmap of
// closing quotes against the scanning ones (after Release), on strings
// shorter and longer than its 32- and 64-bit windows, starting anywhere in
// a word, and on documents with an escape or a byte outside ASCII, which
// walk without it.
func TestQuoteBitmap(t *testing.T) {
	t.Parallel()
	for pad := 0; pad < 40; pad++ {
		for _, n := range []int{0, 1, 7, 8, 30, 31, 32, 33, 63, 64, 65, 100, 200} {
			for _, odd := range []string{"", `\"`, `\u00e9`, "é"} {
				long := strings.Repeat("x", n)
				src := `{"` + strings.Repeat("p", pad) + `":["` + long + `",{"` + long + `k":"v` + odd + `"}],"` + long + `":"` + long + `","e":""}`
				d, err := Parse(src, diag.Position{})
				require.NoError(t, err, src)
				indexed := walkAll(d)
				assert.Equal(t, !strings.Contains(odd, `\`), d.quotes != nil, "%q: the bitmap is kept when no string has an escape", src)
				d.Release()
				require.Equal(t, walkAll(d), indexed, src)
			}
		}
	}
	// Containers denser than the index's first guess grow it while
	// strings are marked, before and after.
	dense := `["` + strings.Repeat("s", 40) + `",` + strings.Repeat(`[],{"k":"v"},`, 200) + `"` + strings.Repeat("t", 70) + `"]`
	d, err := Parse(dense, diag.Position{})
	require.NoError(t, err)
	require.NotNil(t, d.quotes)
	indexed := walkAll(d)
	d.Release()
	require.Equal(t, walkAll(d), indexed)
}

// TestByteOrderMark: a file saved with a UTF-8 byte-order mark (Notepad
// and other Windows editors write one) parses, with offsets counting its
// bytes and columns as an editor shows them; inside a document, or in an
// embedded one, it stays an invalid character.
func TestByteOrderMark(t *testing.T) {
	d, err := Parse("\uFEFF{\"a\": tru}", diag.Position{})
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, diag.Position{Offset: 12, Line: 1, Column: 10}, se.Pos, "the error counts the mark's bytes in the offset, not in the column")
	assert.Nil(t, d)

	d, err = Parse("\uFEFF{\"a\": 1}", diag.Position{})
	require.NoError(t, err)
	members := d.Members(d.Root())
	require.Len(t, members, 1)
	assert.Equal(t, diag.Position{Offset: 4, Line: 1, Column: 2}, d.Pos(members[0].KeyIndex))

	_, err = Parse("\uFEFF{}", diag.Position{Offset: 10, Line: 2, Column: 3})
	assert.Error(t, err, "an embedded document is not the start of a file")
	_, err = Parse("{\"a\": \uFEFF1}", diag.Position{})
	assert.Error(t, err, "a mark after the start is not white space in JSON")
}

// TestReleaseKeepsWalks checks that a released document still walks to
// the same values (finding container ends by scanning), and that a
// document parsed into its reused bracket index walks its own text.
func TestReleaseKeepsWalks(t *testing.T) {
	t.Parallel()
	walk := func(d *Doc) []string {
		var out []string
		var rec func(v Value)
		rec = func(v Value) {
			out = append(out, d.Raw(v))
			for it := d.Items(v); ; {
				_, e, ok := it.Next()
				if !ok {
					return
				}
				rec(e)
			}
		}
		rec(d.Root())
		return out
	}
	a, err := Parse(`{"a":[1,{"b":[true,[]]}],"c":{"d":"x"}}`, diag.Position{})
	require.NoError(t, err)
	want := walk(a)
	a.Release()
	assert.Equal(t, want, walk(a), "walks after Release scan for container ends")
	a.Release() // a second Release does nothing
	b, err := Parse(`[{"x":[[1],[2,{"y":{}}]]},[3]]`, diag.Position{})
	require.NoError(t, err)
	assert.Equal(t, []string{`[{"x":[[1],[2,{"y":{}}]]},[3]]`, `{"x":[[1],[2,{"y":{}}]]}`, `[[1],[2,{"y":{}}]]`, `[1]`, `1`, `[2,{"y":{}}]`, `2`, `{"y":{}}`, `{}`, `[3]`, `3`}, walk(b),
		"a document parsed after a Release has its own bracket index")
	assert.Equal(t, want, walk(a), "the released document is not affected by the reuse")
}

// TestLineStarts checks the line index against a byte-by-byte one, for
// documents of one line (minified), a few and many, with newlines first
// and last.
func TestLineStarts(t *testing.T) {
	t.Parallel()
	for _, src := range []string{`{}`, "{}\n", "\n{}", "{\n}", "{\n\n}\n", "[\n" + strings.Repeat("1,\n", 20) + "2]\n"} {
		d, err := Parse(src, diag.Position{})
		require.NoError(t, err, "%q", src)
		want := []int{0}
		for i := range len(src) {
			if src[i] == '\n' {
				want = append(want, i+1)
			}
		}
		assert.Equal(t, want, d.LineStarts(), "%q", src)
	}
}
