package jsonsrc

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// record collects problems as "kind path key near first-offset".
type record []string

func (r *record) Problem(p *Problem) {
	*r = append(*r, map[ProblemKind]string{UnknownKey: "unknown", DuplicateKey: "duplicate", FoldedKey: "folded", WrongType: "type"}[p.Kind]+
		" "+p.Path()+" near="+p.Near+" want="+p.Want)
}

func TestFields(t *testing.T) {
	t.Parallel()
	known := []string{"Effect", "Action"}
	tests := []struct {
		src  string
		want []string
		why  string
	}{
		{`{"Effect":"Allow","Action":"s3:*"}`, nil, "known keys fill their slots"},
		{`{"effect":"Allow"}`, []string{"unknown S.effect near=Effect want="}, "a mis-cased key names the key it means"},
		{`{"Efect":"Allow"}`, []string{"unknown S.Efect near=Effect want="}, "a near miss names the key it means"},
		{`{"Zzz":1}`, []string{"unknown S.Zzz near= want="}, "a key far from every known key gets no hint"},
		{`{"Action":1,"Action":2}`, []string{"duplicate S.Action near= want="}, "the first occurrence is kept, the repeat reported"},
		{`{"x y":1,"x y":2}`, []string{`unknown S."x y" near= want=`, `duplicate S."x y" near= want=`}, "an unknown key repeated is one unknown and one duplicate; odd keys are quoted"},
		{`[1]`, []string{"type S near= want=an object"}, "not an object"},
	}
	for _, tc := range tests {
		d, err := Parse(tc.src, diag.Position{})
		require.NoError(t, err)
		var got record
		at := At("S")
		out := d.Fields(d.Root(), at, known, make([]Member, len(known)), &got)
		if diff := cmp.Diff(tc.want, []string(got)); diff != "" {
			t.Errorf("%s: %s (-want +got):\n%s", tc.src, tc.why, diff)
		}
		if tc.src == `{"Action":1,"Action":2}` {
			require.Equal(t, "1", d.Raw(out[1].Value), "the first occurrence is kept")
		}
	}
}

func TestFreeMembers(t *testing.T) {
	t.Parallel()
	big := `{"k0":0`
	for i := 1; i < 40; i++ {
		big += `,"k` + string(rune('0'+i/10)) + string(rune('0'+i%10)) + `":0`
	}
	big += `,"K05":1,"k39":2}`
	tests := []struct {
		src   string
		fold  bool
		n     int
		probs []string
		why   string
	}{
		{`{"a":1,"A":2,"a":3}`, false, 2, []string{"duplicate T.a near= want="}, "exact repeats only, without folding"},
		{`{"a":1,"A":2,"a":3}`, true, 1, []string{"folded T.A near= want=", "duplicate T.a near= want="}, "with folding a case variant repeats too"},
		{big, true, 40, []string{"folded T.K05 near= want=", "duplicate T.k39 near= want="}, "large objects find repeats through a map, the same way"},
	}
	for _, tc := range tests {
		d, err := Parse(tc.src, diag.Position{})
		require.NoError(t, err)
		var got record
		ms := d.FreeMembers(d.Root(), At("T"), tc.fold, nil, &got)
		require.Len(t, ms, tc.n, tc.why)
		if diff := cmp.Diff(tc.probs, []string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.why, diff)
		}
	}
}

// TestFindKnown checks that the search for a known key finds it wherever
// it starts (after the previous member's slot) and whatever the order of
// the members, and tells keys of one length and first byte apart.
func TestFindKnown(t *testing.T) {
	t.Parallel()
	known := []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", ""}
	for last := range known {
		for i, key := range known {
			assert.Equal(t, i, findKnown(known, key, last), "%q after slot %d", key, last)
		}
		for _, key := range []string{"sid", "Actions", "Conditio", "N", "Effect "} {
			assert.Equal(t, -1, findKnown(known, key, last), "%q after slot %d", key, last)
		}
	}
	assert.Equal(t, -1, findKnown(nil, "Sid", -1), "no known keys")
	assert.Equal(t, 1, findKnown([]string{"Ab", "Ac"}, "Ac", 1), "same length and first byte")
}

// TestFreeItemsFirstOccurrence checks what a repeated key's problem says
// of the first occurrence (its key as written and its offset) past the
// linear phase, where the set keeps only hashes and offsets and reads the
// first key back from the document: escaped keys compare by their
// unescaped text, as JSON defines them (RFC 8259, section 8.3).
func TestFreeItemsFirstOccurrence(t *testing.T) {
	t.Parallel()
	src := `{`
	for i := range 30 {
		src += `"k` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `":0,`
	}
	src += `"esc\u0061pe":1,"Mixed":2,"escape":3,"MIXED":4,"kba":5}`
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	for _, tc := range []struct {
		fold bool
		want []string
		why  string
	}{
		{false, []string{"duplicate escape first=escape@", "duplicate kba first=kba@"}, "an escaped key repeats its unescaped text; exact keys only"},
		{true, []string{"duplicate escape first=escape@", "folded MIXED first=Mixed@", "duplicate kba first=kba@"}, "with folding the first key is reported as written"},
	} {
		var probs []Problem
		it := d.FreeItems(d.Root(), At("T"), tc.fold, &probs)
		n := 0
		for {
			_, ok := it.Next(At("T"), &probs)
			if !ok {
				break
			}
			n++
		}
		var got []string
		for _, p := range probs {
			kind := map[ProblemKind]string{DuplicateKey: "duplicate", FoldedKey: "folded"}[p.Kind]
			got = append(got, kind+" "+p.Key+" first="+p.First.Key+"@")
			first := strings.Index(src, `"`+p.First.Key+`"`)
			if p.First.Key == "escape" {
				first = strings.Index(src, `"esc\u0061pe"`)
			}
			assert.Equal(t, first, p.First.KeyIndex, "%s: the first occurrence's offset", p.Key)
		}
		assert.Equal(t, tc.want, got, tc.why)
		assert.Equal(t, 35-len(tc.want), n, "every member but the repeats is returned: %s", tc.why)
	}
}

// TestKeySetHashCollision checks the path a hash collision takes: a key
// whose tag is another key's is told apart by reading the keys back, and
// still found.
func TestKeySetHashCollision(t *testing.T) {
	t.Parallel()
	src := `{"one":1,"two":2}`
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	x := keySet{d: d}
	for i := range linearMembers {
		x.add("pad"+string(rune('a'+i)), 0) // fill the linear phase
	}
	x.add("pad-last", 0) // now past it: the table is in use
	require.NotNil(t, x.table)
	// Pretend "one" has the tag of "two", in the slot "two" would take.
	tag := x.tag("two")
	i, found := x.probe(tag, "two")
	require.False(t, found)
	x.table[i] = tag<<x.offBits | uint64(strings.Index(src, `"one"`)+1)
	x.used++
	_, ok := x.find("two")
	require.False(t, ok, "a key of the same tag is not the key")
	x.add("two", strings.Index(src, `"two"`))
	m, ok := x.find("two")
	require.True(t, ok, "a collided key is found")
	assert.Equal(t, Member{Key: "two", KeyIndex: strings.Index(src, `"two"`)}, m)
	_, ok = x.find("three")
	assert.False(t, ok, "an unseen key is not found")
}

// TestFreeItemsManyKeysAgreeWithPairwise: past the linear phase the
// table grows several times; the repeats it finds are those a comparison
// of every pair finds, with and without case folding (RFC 8259,
// section 4: names within an object should be unique).
func TestFreeItemsManyKeysAgreeWithPairwise(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	var keys []string
	for range 5000 {
		k := fmt.Sprintf("k%d", rng.IntN(3000))
		if rng.IntN(4) == 0 {
			k = strings.ToUpper(k)
		}
		keys = append(keys, k)
	}
	src := `{"` + strings.Join(keys, `":0,"`) + `":0}`
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	for _, fold := range []bool{false, true} {
		var wantRepeats []string
		for i, k := range keys {
			for _, earlier := range keys[:i] {
				if k == earlier || fold && strings.EqualFold(k, earlier) {
					wantRepeats = append(wantRepeats, k+"="+earlier)
					break
				}
			}
		}
		var probs []Problem
		it := d.FreeItems(d.Root(), At("T"), fold, &probs)
		n := 0
		for {
			if _, ok := it.Next(At("T"), &probs); !ok {
				break
			}
			n++
		}
		var repeats []string
		for _, p := range probs {
			repeats = append(repeats, p.Key+"="+p.First.Key)
		}
		assert.Equal(t, wantRepeats, repeats, "fold %v", fold)
		assert.Equal(t, len(keys)-len(wantRepeats), n, "fold %v: the others are returned", fold)
	}
}

// Issue 15: leaving its linear phase, a walk sizes the key set's table
// for the members left, once: one allocation of 8 bytes a slot, at most
// seven eighths full, for an object of 100,000 keys (1 MB), not a table
// doubled as it fills (2 MB allocated in all).
func TestFreeItemsSizesTheKeySetOnce(t *testing.T) {
	const n = 100_000
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf(`"aws:PrincipalTag/k%d":"v"`, i)
	}
	src := "{" + strings.Join(keys, ",") + "}"
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	var it FreeIter
	allocs := testing.AllocsPerRun(5, func() {
		var probs []Problem
		it = d.FreeItems(d.Root(), At("T"), true, &probs)
		for {
			if _, ok := it.Next(At("T"), &probs); !ok {
				break
			}
		}
	})
	assert.LessOrEqual(t, allocs, 1.5, "the table, once (a stray allocation of the runtime aside)")
	assert.Len(t, it.seen.table, 131_072, "the smallest power of two at most seven eighths full")
	assert.Equal(t, n, it.seen.used, "every key entered")
}

// TestStartFreeItemsReuse checks that a FreeIter restarted on another
// object walks it as a new one does: an earlier walk's keys, in its
// linear phase or in its table, are forgotten.
func TestStartFreeItemsReuse(t *testing.T) {
	t.Parallel()
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf(`"k%d":0`, i))
	}
	objects := []string{`{` + strings.Join(many, ",") + `}`, `{"k1":0,"K1":1,"k1":2}`, `[]`, `{"a":0,"k2":1}`, `{}`}
	src := `[` + strings.Join(objects, ",") + `]`
	d, err := Parse(src, diag.Position{})
	require.NoError(t, err)
	walk := func(f *FreeIter, probs *[]Problem) (keys []string) {
		for {
			m, ok := f.Next(At("T"), probs)
			if !ok {
				return keys
			}
			keys = append(keys, m.Key)
		}
	}
	var reused FreeIter
	for _, fold := range []bool{false, true} {
		for _, v := range d.Elements(d.Root()) {
			var wantProbs, gotProbs []Problem
			fresh := d.FreeItems(v, At("T"), fold, &wantProbs)
			want := walk(&fresh, &wantProbs)
			d.StartFreeItems(&reused, v, At("T"), fold, &gotProbs)
			assert.Equal(t, want, walk(&reused, &gotProbs), "%s fold %v", d.Raw(v), fold)
			assert.Equal(t, wantProbs, gotProbs, "%s fold %v", d.Raw(v), fold)
		}
	}
}

// TestFreeIterClear checks that Clear leaves a FreeIter zero, whether a
// walk used it or not.
func TestFreeIterClear(t *testing.T) {
	t.Parallel()
	d, err := Parse(`{"a":0,"b":1}`, diag.Position{})
	require.NoError(t, err)
	var f FreeIter
	f.Clear()
	assert.Equal(t, FreeIter{}, f, "never started")
	d.StartFreeItems(&f, d.Root(), At("T"), false, nil)
	_, ok := f.Next(At("T"), nil)
	require.True(t, ok)
	f.Clear()
	assert.Equal(t, FreeIter{}, f, "after a walk")
	d.StartFreeItems(&f, d.Get(d.Root(), "a"), At("T"), false, &[]Problem{})
	f.Clear()
	assert.Equal(t, FreeIter{}, f, "after a walk of a non-object")
}

// TestFreeMembersToAgreesWithFreeIter checks FreeMembersTo, which compares
// the keys of small objects with the members it has appended, against a
// FreeIter walk, on objects of up to 40 keys with repeats before and
// after the linearMembers-th distinct key, escaped keys, and full problem
// lists: the same members and the same problems, in order.
func TestFreeMembersToAgreesWithFreeIter(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for iter := range 2000 {
		n := r.IntN(41)
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			k := r.IntN(24)
			if r.IntN(8) == 0 {
				fmt.Fprintf(&b, `"\u006b%d":%d`, k, i) // "k<k>", escaped
			} else {
				fmt.Fprintf(&b, `"k%d":%d`, k, i)
			}
		}
		b.WriteString("}")
		src := b.String()
		d, err := Parse(src, diag.Position{})
		require.NoError(t, err)
		for _, fold := range []bool{false, true} {
			var wantProbs, gotProbs []Problem
			if iter < 30 { // a full list, which only counts the problems
				wantProbs, gotProbs = make([]Problem, diag.MaxErrors), make([]Problem, diag.MaxErrors)
			}
			prefix := []Member{{Key: "k1", KeyIndex: -7}} // not compared with: another object's
			var want []Member
			want = append(want, prefix...)
			f := d.FreeItems(d.Root(), At("T"), fold, &wantProbs)
			for {
				m, ok := f.Next(At("T"), &wantProbs)
				if !ok {
					break
				}
				want = append(want, m)
			}
			got := d.FreeMembersTo(d.Root(), At("T"), fold, append([]Member(nil), prefix...), &gotProbs)
			require.Equal(t, want, got, "%s fold=%v", src, fold)
			require.Equal(t, wantProbs, gotProbs, "%s fold=%v", src, fold)
		}
	}
	var probs []Problem
	d, err := Parse(`[1]`, diag.Position{})
	require.NoError(t, err)
	assert.Empty(t, d.FreeMembersTo(d.Root(), At("T"), false, nil, &probs))
	assert.Equal(t, []Problem{{Kind: WrongType, Offset: 0, At: "T", Value: d.Root(), Want: "an object"}}, probs, "not an object")
}

// TestKeyBits checks keyBits against the bytes of keys of every length,
// and the masked words of the text from a key's start (knownMembers's
// reading of a key) against keyBits of the key.
func TestKeyBits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 16; n++ {
		for range 50 {
			b := make([]byte, n+16)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			src, key := string(b), string(b[:n])
			var want [2]uint64
			for i := n - 1; i >= 0; i-- {
				want[i/8] |= uint64(key[i]) << (i % 8 * 8)
			}
			lo, hi := keyBits(key)
			mlo, mhi := keyBits(strings.Repeat("\xff", n))
			if [2]uint64{lo, hi} != want || [2]uint64{load64(src, 0) & mlo, load64(src, 8) & mhi} != want {
				t.Errorf("%q: keyBits gave %x %x, masked text %x %x, want %x", key, lo, hi, load64(src, 0)&mlo, load64(src, 8)&mhi, want)
			}
		}
	}
}

// keysOf sets the Key of each slot of out to its known key, as
// KnownKeys.SetKeys does: FieldsTo writes the Keys of the slots it fills
// only.
func keysOf(out []Member, known []string) {
	for i := range out {
		out[i].Key = known[i]
	}
}

// TestKnownKeysTable checks that FieldsToKnown fills the same slots and
// reports the same problems as FieldsTo (the slots' keys set with
// SetKeys), for known lists whose keys
// share table slots (abcd and jxye share one of byText), are empty or
// longer than 16 bytes, with values of
// every kind, in minified and spaced text and in documents with escapes:
// FieldsToKnown reads minified members with string and container values
// on a path of its own (knownMembers).
func TestKnownKeysTable(t *testing.T) {
	lists := [][]string{
		{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"},
		{"Version", "Id", "Statement"},
		{"a", "b", "", "ab", "ba", "abcd", "abce", "abcdefgh", "abcdefgi", "AVeryLongKeyOfManyBytes", "Q", "jxye", `ab"c`, "abcdefghijklmnop"},
		{"A", "F"}, // one length, first bytes 5 apart: the same hash for lengths 1 and 2 apart
	}
	keys := []string{"", "a", "b", "c", "ab", "ba", "abc", "abcd", "abce", "abcf", "abcdefgh", "abcdefgi", "abcdefgj",
		"AVeryLongKeyOfManyBytes", "AVeryLongKeyOfManyBytez", "Sid", "sid", "Effect", "Effecu", "Action", "Actiom",
		"NotAction", "Condition", "Conditiom", "Version", "Id", "Statement", "A", "F", "Q", "\\u0041", "jxye", "jxyd", "abcdefghijklmnop", "abcdefghijklmnopq"}
	for _, known := range lists {
		kk := NewKnownKeys(known)
		for _, k1 := range keys {
			for _, k2 := range keys {
				for _, vs := range [][3]string{{"1", "2", "3"}, {`"a"`, `{}`, `[1]`}, {`{"x":[]}`, `"b"`, `"c"`}, {`[]`, `true`, `"\n"`}} {
					for _, f := range []string{`{"%s":%s,"%s":%s,"%s":%s}`, `{ "%s": %s, "%s" :%s ,"%s":%s}`, "{\n\t\"%s\"\t:\n%s\r\n,\n\"%s\":%s, \"%s\" : %s \n}", `[{"%s":%s,"%s":%s},{"%s":%s}]`} {
						src := fmt.Sprintf(f, k1, vs[0], k2, vs[1], k1, vs[2])
						d, err := Parse(src, diag.Position{})
						if err != nil {
							t.Fatal(err)
						}
						for _, obj := range []Value{d.Root(), d.ValueAt(1), d.ValueAt(strings.LastIndexByte(src, '{'))} {
							var ps1, ps2 []Problem
							out1 := d.FieldsTo(obj, nil, known, make([]Member, len(known)), &ps1)
							out2 := make([]Member, len(known))
							kk.SetKeys(out2)
							out2 = d.FieldsToKnown(obj, nil, kk, out2, &ps2)
							keysOf(out1, known)
							if !reflect.DeepEqual(out1, out2) || !reflect.DeepEqual(ps1, ps2) {
								t.Errorf("%q at %d in %q: FieldsToKnown gave %v %v, want %v %v", src, obj.Index, known, out2, ps2, out1, ps1)
							}
						}
					}
				}
			}
		}
	}
}

// TestContainers checks Containers against a walk of the items.
func TestContainers(t *testing.T) {
	for _, src := range []string{`[]`, `[1,"a"]`, `[{},[],{"a":[{}]},"x",[[1]]]`, ` { "a" : [ ] , "b" : { } , "c" : 1 } `, `[[[]],{}]`} {
		d, err := Parse(src, diag.Position{})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for it := d.Items(d.Root()); ; {
			_, v, ok := it.Next()
			if !ok {
				break
			}
			if v.Kind == Object || v.Kind == Array {
				want++
			}
		}
		if n, ok := d.Containers(d.Root()); !ok || n != want {
			t.Errorf("%s: Containers = %d, %v; want %d", src, n, ok, want)
		}
		d.Release()
		if _, ok := d.Containers(d.Root()); ok {
			t.Errorf("%s: Containers after Release reports an index", src)
		}
	}
}

// walkBothWays calls check with a walk of each document of srcs twice
// over, a and b, first with the bitmap of closing quotes and the bracket
// index that Parse builds and then after Release, without them.
func walkBothWays(t *testing.T, srcs []string, check func(src string, released bool, a, b *Iter)) {
	t.Helper()
	for _, src := range srcs {
		for _, release := range []bool{false, true} {
			d, err := Parse(src, diag.Position{})
			if err != nil {
				t.Fatal(err)
			}
			if release {
				d.Release()
			}
			a, b := d.Items(d.Root()), d.Items(d.Root())
			check(src, release, &a, &b)
		}
	}
}

// TestNextElem checks that NextElem returns the values Next does, with
// and without the bitmap of closing quotes and the bracket index.
func TestNextElem(t *testing.T) {
	walkBothWays(t, []string{`[]`, `[ ]`, `["a","b\"c",1,true,null,{"x":[1]},[2,[3]],"",-1.5e3]`,
		` [ "a" , { } , [ ] , "x" ] `, `{"a":1,"b":[2]}`, `["\u00e9t\u00e9", "` + strings.Repeat("long", 40) + `"]`},
		func(src string, release bool, a, b *Iter) {
			for {
				_, want, ok1 := a.Next()
				got, ok2 := b.NextElem()
				if got != want || ok1 != ok2 || *a != *b {
					t.Fatalf("%s (released %v): NextElem = %+v, %v; Next gave %+v, %v", src, release, got, ok2, want, ok1)
				}
				if !ok1 {
					return
				}
			}
		})
}

// TestNextMember checks that nextMember returns the members Next does,
// with and without the bitmap of closing quotes and the bracket index.
func TestNextMember(t *testing.T) {
	walkBothWays(t, []string{`{}`, `{ }`, `{"a":"x","b":1,"c":true,"d":null,"e":{"x":[1]},"f":[2,[3]],"":"","g":-1.5e3}`,
		` { "a" : { } , "b" : [ ] , "c" : "x" } `, `{"a\"b":"c\"d","e":"f"}`, `{"` + strings.Repeat("long", 40) + `":"` + strings.Repeat("long", 40) + `","x":1}`},
		func(src string, release bool, a, b *Iter) {
			for {
				k, want, ok1 := a.Next()
				keyAt, keyClose, got, ok2 := b.nextMember()
				wantClose := -1
				if k.open == plainString {
					wantClose = k.End - 1
				}
				if got != want || ok1 != ok2 || *a != *b || keyAt != k.Index || keyClose != wantClose {
					t.Fatalf("%s (released %v): nextMember = %d, %d, %+v, %v; Next gave %+v, %+v, %v", src, release, keyAt, keyClose, got, ok2, k, want, ok1)
				}
				if !ok1 {
					return
				}
			}
		})
}
