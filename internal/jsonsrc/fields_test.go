package jsonsrc

import (
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
