package principal

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"arn:aws:iam::123456789012:root",
		"arn:aws:iam::123456789012:user/alice",
		"arn:aws:iam::123456789012:user/a/b/alice",
		"arn:aws:sts::123456789012:assumed-role/Dev/alice",
		"arn:aws:sts::123456789012:federated-user/Bob",
		"arn:aws-cn:iam::123456789012:root",
		"arn:aws-us-gov:sts::123456789012:assumed-role/R/i-0123456789abcdef0",
		"lambda.amazonaws.com",
		"ec2.amazonaws.com.cn",
		"*", "anonymous", "", "arn:", "arn:aws:iam::123456789012:role/R",
		"arn:aws:sts::123456789012:assumed-role/a/b/c", "123456789012",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			if p != nil {
				t.Fatalf("Parse(%q) returned %v with error %v", s, p, err)
			}
			if !strings.Contains(err.Error(), "principal ") {
				t.Fatalf("Parse(%q) error %q does not name the principal", s, err)
			}
			return
		}
		if id := p.Identity(); !id.Anonymous && !id.HasDirect() && id.Service == "" {
			t.Fatalf("Parse(%q): an Identity that names no caller", s)
		}
		_ = p.Context().Len()
		switch p.Kind() {
		case KindAnonymous:
			if s != "*" && s != "anonymous" {
				t.Fatalf("Parse(%q) is anonymous", s)
			}
		default:
			// ARN principals and service names round-trip.
			if p.ARN() != s {
				t.Fatalf("Parse(%q).ARN() = %q", s, p.ARN())
			}
			again, err := Parse(p.ARN())
			if err != nil || again.Kind() != p.Kind() {
				t.Fatalf("Parse(Parse(%q).ARN()) = %v, %v", s, again, err)
			}
		}
	})
}
