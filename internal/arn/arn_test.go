package arn

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want ARN
		ok   bool
		why  string
	}{
		{"arn:aws:s3:::bucket/key", ARN{"aws", "s3", "", "", "bucket/key"}, true, "S3 ARNs have no region or account"},
		{"arn:aws:sts::123456789012:federated-user/Bob", ARN{"aws", "sts", "", "123456789012", "federated-user/Bob"}, true, "STS federated user"},
		{"arn:aws:someservice:us-east-2:111122223333:store/abc:111122223333:finance/d",
			ARN{"aws", "someservice", "us-east-2", "111122223333", "store/abc:111122223333:finance/d"}, true,
			"reference_policies_elements_condition_operators.md: the resource part keeps its colons"},
		{"arn:aws:s3", ARN{}, false, "fewer than six parts"},
		{"urn:aws:s3:::b", ARN{}, false, "must start with arn"},
	}
	for _, tc := range tests {
		got, ok := Parse(tc.in)
		assert.Equal(t, tc.ok, ok, tc.why)
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tc.in, d)
		}
		if ok {
			assert.Equal(t, tc.in, got.String(), "round trip")
		}
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	p, ok := Split("*:*:*:*:*:a:b")
	assert.True(t, ok)
	assert.Equal(t, [6]string{"*", "*", "*", "*", "*", "a:b"}, p)
	_, ok = Split("a:b:c:d")
	assert.False(t, ok)
}

func TestIsAccountID(t *testing.T) {
	t.Parallel()
	assert.True(t, IsAccountID("123456789012"))
	assert.False(t, IsAccountID("aws"), "AWS-owned resources carry aws in the account field")
	assert.False(t, IsAccountID("1234"), "account IDs have 12 digits")
	assert.False(t, IsAccountID("12345678901a"))
}

// FuzzSplit holds Split to its definition: the first five colons
// separate the six parts (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", ":::::", "arn:aws:s3:::b/k", "arn:aws:iam::111122223333:user/a:b", "a:b:c:d", "::::", "arn:aws:sts::1:assumed-role/R/s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Split(s)
		want := strings.SplitN(s, ":", 6)
		if ok != (len(want) == 6) {
			t.Fatalf("Split(%q) ok = %v, SplitN gives %d parts", s, ok, len(want))
		}
		if ok && [6]string(want) != got {
			t.Fatalf("Split(%q) = %q, want %q", s, got, want)
		}
	})
}
