package jsonsrc

import (
	"os"
	"testing"

	"github.com/iameval/iameval/diag"
)

// benchPolicy reads the W3 benchmark policy, skipping when it is absent.
func benchPolicy(b *testing.B) string {
	src, err := os.ReadFile("../../../shared/bench/w3-policy.json")
	if err != nil {
		b.Skip("no W3 policy:", err)
	}
	return string(src)
}

var (
	benchTop  = []string{"Version", "Id", "Statement"}
	benchStmt = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}
	benchSink int
)

// walkPolicy reads a policy document the way the policy parser does:
// strict fields, string lists, condition operators and keys.
func walkPolicy(d *Doc) int {
	n := 0
	var top [3]Member
	var ps []Problem
	d.FieldsTo(d.Root(), nil, benchTop, top[:], &ps)
	strs := func(v Value) {
		if v.Kind == String {
			s, _ := d.StrRaw(v)
			n += len(s)
			return
		}
		for it := d.Items(v); ; {
			_, e, ok := it.Next()
			if !ok {
				break
			}
			s, _ := d.StrRaw(e)
			n += len(s)
		}
	}
	var keys FreeIter
	for it := d.Items(top[2].Value); ; {
		_, sv, ok := it.Next()
		if !ok {
			break
		}
		var f [9]Member
		d.FieldsTo(sv, nil, benchStmt, f[:], &ps)
		n += len(d.Str(f[0].Value))
		for _, e := range []int{1, 4, 5, 6, 7} {
			if f[e].Exists() {
				strs(f[e].Value)
			}
		}
		if !f[8].Exists() {
			continue
		}
		var obuf [4]Member
		for _, om := range d.FreeMembersTo(f[8].Value, nil, false, obuf[:0], &ps) {
			n += len(d.Raw(om.Value))
			d.StartFreeItems(&keys, om.Value, nil, false, &ps)
			for {
				km, more := keys.Next(nil, &ps)
				if !more {
					break
				}
				n += len(km.Key)
				strs(km.Value)
			}
		}
	}
	return n + len(ps)
}

func BenchmarkW3Validate(b *testing.B) { benchValidate(b, benchPolicy(b)) }

// benchValidate times Parse (validation and the bracket index) of src,
// releasing each document so that its scratch is reused.
func benchValidate(b *testing.B, src string) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(src, diag.Position{})
		if err != nil {
			b.Fatal(err)
		}
		d.Release()
	}
}

func BenchmarkW3Walk(b *testing.B) {
	src := benchPolicy(b)
	d, err := Parse(src, diag.Position{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		benchSink += walkPolicy(d)
	}
}
