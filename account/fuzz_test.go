package account

import (
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to every input reader: each must return
// accounts or positioned errors, never panic or hang.
func FuzzLoad(f *testing.F) {
	src, err := os.ReadFile("testdata/export.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte(`{"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u", "GroupList": ["g"]}]}`))
	f.Add([]byte(`{"Policies": [{"PolicySummary": {"Id": "p", "Type": "SERVICE_CONTROL_POLICY"}, "Content": "{}"}], "Accounts": {"111122223333": ["r"]}, "Targets": {"r": ["p"]}}`))
	f.Add([]byte(`{"arn:aws:s3:::b": {"Policy": "%7B%7D"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l := NewLoader(Options{AWSManaged: testManaged})
		l.AddExport("f.json", b)
		l.AddResourcePolicies("r.json", b)
		l.AddOrganization("o.json", b)
		a, err := l.Load()
		if err == nil && a == nil {
			t.Fatal("no accounts and no error")
		}
	})
}
