package jsonsrc

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// TestKnownMembersRandom holds FieldsToKnown, which reads the usual
// members with knownMembers, against FieldsTo on random objects: known
// keys of 1 to 16 bytes (maxTextKey is 13) and unknown ones, repeated
// keys, values of every kind (strings past the bitmap's window, strings
// and containers after the document's last container, numbers and
// literals), minified, pretty-printed (`"key": value`) and otherwise
// spaced, with the object at the end of the text or inside another.
func TestKnownMembersRandom(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	known := [][]string{
		{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"},
		{"AWS", "Federated", "Service", "CanonicalUser"},
		{"abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklm", "abcdefghijklmn", "abcdefghijklmnop", "jxye", "a", "ab"},
	}
	values := []string{`""`, `"x"`, `"Allow"`, `"` + strings.Repeat("v", 30) + `"`, `"` + strings.Repeat("w", 70) + `"`,
		`{}`, `[]`, `["s3:GetObject"]`, `{"k":["v"]}`, `[[],{}]`, `1`, `-2.5e3`, `true`, `false`, `null`}
	seps := [][3]string{ // around the colon, around the comma, inside the braces
		{"", "", ""}, {"", "", ""}, {" ", "\n  ", "\n"}, {" ", " ", " "}, {"\t", "", ""}, {"", " ", ""}}
	kks := make([]*KnownKeys, len(known))
	for i, k := range known {
		kks[i] = NewKnownKeys(k)
	}
	for range 20000 {
		li := r.IntN(len(known))
		names := known[li]
		sep := seps[r.IntN(len(seps))]
		colon := ":" + sep[0]
		if r.IntN(8) == 0 {
			colon = sep[0] + colon
		}
		var b strings.Builder
		b.WriteString("{" + sep[2])
		for j := range r.IntN(7) {
			if j > 0 {
				b.WriteString(sep[1] + "," + sep[1])
			}
			key := names[r.IntN(len(names))]
			switch r.IntN(10) {
			case 0:
				key = strings.ToLower(key)
			case 1:
				key += "x"
			case 2:
				key = key[:len(key)-1]
			}
			b.WriteString(`"` + key + `"` + colon + values[r.IntN(len(values))])
		}
		b.WriteString(sep[2] + "}")
		obj := b.String()
		for _, w := range [][2]string{{"", ""}, {"[", "]"}, {`{"a":`, `,"b":"c"}`}, {"[", "," + strings.Repeat(" ", r.IntN(20)) + "{}]"}} {
			src := w[0] + obj + w[1]
			d, err := Parse(src, diag.Position{})
			require.NoError(t, err, src)
			v := d.ValueAt(len(w[0]))
			require.Equal(t, obj, d.Raw(v), src)
			var ps1, ps2 []Problem
			out1 := d.FieldsTo(v, nil, names, make([]Member, len(names)), &ps1)
			out2 := make([]Member, len(names))
			kks[li].SetKeys(out2)
			out2 = d.FieldsToKnown(v, nil, kks[li], out2, &ps2)
			keysOf(out1, names)
			if !reflect.DeepEqual(out1, out2) || !reflect.DeepEqual(ps1, ps2) {
				t.Fatalf("%q: FieldsToKnown gave %v %v, want %v %v", src, out2, ps2, out1, ps1)
			}
		}
	}
}
