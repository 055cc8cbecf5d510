package iamtest

import (
	"testing"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/scenario"
)

// PolicyFile reads the policy document at path and parses it as a policy
// of type typ, keeping path as its file name and id, so that problems
// and explanations point at path:line:col. When the file cannot be read
// or the document is invalid it calls t.Fatalf with every problem and
// returns nil.
func PolicyFile(t testing.TB, typ policy.Type, path string) *policy.Policy {
	t.Helper()
	src, err := scenario.ReadFile(path)
	if err != nil {
		t.Fatalf("cannot read policy file: %v", err)
		return nil
	}
	p, err := policy.Parse(src, policy.Source{ID: path, File: path, Type: typ})
	if err != nil {
		t.Fatalf("invalid %s policy:\n%v", typ, err)
		return nil
	}
	return p
}
