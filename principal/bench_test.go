package principal

import (
	"testing"

	"github.com/iameval/iameval/condition"
)

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{
		"arn:aws:iam::123456789012:user/division/alice",
		"arn:aws:sts::123456789012:assumed-role/Dev/alice",
	} {
		b.Run(s[len("arn:aws:"):len("arn:aws:")+3], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNewWebIdentity(b *testing.B) {
	in := WebIdentityInput{
		RoleARN: "arn:aws:iam::123456789012:role/WebApp", RoleID: "AROAEXAMPLEWEB", SessionName: "user1",
		Provider: "idp.example.com",
		Claims: map[string]condition.Value{
			"sub": condition.StringValue("SUB1"), "aud": condition.StringValue("app-client"),
		},
		TagsClaim: TagsClaim{PrincipalTags: map[string][]string{"Email": {"user1@example.com"}}},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewWebIdentity(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkContextLookup(b *testing.B) {
	p, err := Parse("arn:aws:iam::123456789012:user/alice")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := p.Context().LookupVariable("aws:username"); !ok {
			b.Fatal("aws:username missing")
		}
	}
}
