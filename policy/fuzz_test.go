package policy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iameval/iameval/diag"
)

// FuzzParse checks the parser's invariants on arbitrary input: no panic; every error and warning is positioned
// inside the input; parsing twice gives equal results; a parsed policy
// evaluates without panicking and identically with and without a
// recorder.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.json"))
	bench, _ := filepath.Glob(benchDir + "*policy*.json")
	for _, name := range append(seeds, bench...) {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src, uint8(0))
			f.Add(src, uint8(Resource))
		}
	}
	f.Add([]byte(`{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}`), uint8(RCP))
	f.Add([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["111122223333"]},"NotAction":"s3:*","NotResource":"arn:aws:s3:::b/${aws:username}"}]}`), uint8(Resource))
	f.Add([]byte("{\"Id\":\"\\u00e9\\ud83d\\ude00\\\"\",\"Statement\":[]}"), uint8(0))
	f.Add([]byte(`{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"k":["a",1,true,null]}}}}`), uint8(0))

	callers := []func(testing.TB) *Request{
		func(tb testing.TB) *Request {
			return newRequest(tb, callerSession(tb), "s3:GetObject", "arn:aws:s3:::b/alice/x", map[string]string{"aws:SecureTransport": "true"})
		},
		func(tb testing.TB) *Request { return newRequest(tb, callerAnonymous(tb), "ec2:RunInstances", "*", nil) },
	}
	f.Fuzz(func(t *testing.T, src []byte, typ uint8) {
		s := Source{File: "f.json", Type: Type(typ % uint8(len(typeNames)))}
		p1, err1 := Parse(src, s)
		p2, err2 := Parse(src, s)
		if d1, d2 := dump(p1, err1), dump(p2, err2); d1 != d2 {
			t.Fatalf("parsing twice differs:\n%s\n---\n%s", d1, d2)
		}
		_, _ = assertCheckAgrees(t, string(src), s, p1, err1)
		if err1 != nil {
			if p1 != nil {
				t.Fatal("a policy returned with errors")
			}
			var list diag.ErrorList
			if !errors.As(err1, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty diag.ErrorList: %v", err1)
			}
			checkPositions(t, src, list)
			return
		}
		checkPositions(t, src, p1.Warnings())
		for _, st := range p1.Statements() {
			checkPositions(t, src, diag.ErrorList{{Pos: st.Pos()}, {Pos: st.End()}})
		}
		for _, c := range callers {
			r := c(t)
			if fast, slow := p1.Eval(r, nil), p1.Eval(r, &recorder{}); fast != slow {
				t.Fatalf("Eval differs with a recorder: %+v vs %+v", fast, slow)
			}
		}
	})
}

// checkPositions fails when a position lies outside src.
func checkPositions(t *testing.T, src []byte, list diag.ErrorList) {
	t.Helper()
	for _, e := range list {
		if e.Pos.Offset < 0 || e.Pos.Offset > len(src) || e.Pos.Line < 1 || e.Pos.Column < 1 || e.Pos.File != "f.json" {
			t.Fatalf("position %+v outside the input of %d bytes: %v", e.Pos, len(src), e)
		}
	}
}

// dump describes a Parse result for comparison.
func dump(p *Policy, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s %q\n", p.ID(), p.DocumentID(), p.Type(), p.Version(), p.Warnings())
	for _, s := range p.Statements() {
		fmt.Fprintf(&b, "%d %q %s %s %s %d/%d/%d\n", s.Index(), s.Sid(), s.Effect(), s.Pos(), s.End(),
			len(s.actions.entries()), len(s.resources.entries()), s.cond.Len())
	}
	return b.String()
}
