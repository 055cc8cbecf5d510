package sts_test

import (
	"errors"
	"testing"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/sts"
)

// FuzzAssumeRoleInput feeds arbitrary parameter text to AssumeRole: the
// call must never panic, and must either succeed or fail with exactly one
// of the two error kinds.
func FuzzAssumeRoleInput(f *testing.F) {
	f.Add("alice", "team", "blue", "team", "42", "alice", 0)
	f.Add("a", "aws:x", "", "", "", "", 4000)
	f.Add("ab", "Team", "v;v", "team", "x", "aws:me", 900)
	f.Add("sess", "\xff", "ok", "", "ext/id:1", "si", -1)
	alice := user(f, "alice", map[string]string{"team": "blue"})
	caller := sts.Caller{Principal: alice, Policies: iameval.PolicySet{Identity: []*policy.Policy{
		allow(f, policy.Identity, "Assume", `["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, `"*"`)}}}
	role := sts.Role{ARN: "arn:aws:iam::" + acct + ":role/Dev", TrustPolicy: trust(f, "Trust", `{"AWS":"`+acct+`"}`,
		`["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]`, `{"StringEqualsIfExists":{"aws:RequestTag/team":"${aws:PrincipalTag/team}"}}`)}
	f.Fuzz(func(t *testing.T, session, tagKey, tagValue, transitive, external, sourceIdentity string, duration int) {
		in := sts.AssumeRoleInput{RoleSessionName: session, ExternalID: external, SourceIdentity: sourceIdentity, DurationSeconds: duration, Time: at}
		if tagKey != "" {
			in.Tags = map[string]string{tagKey: tagValue}
		}
		if transitive != "" {
			in.TransitiveTagKeys = []string{transitive}
		}
		res, err := sts.AssumeRole(caller, role, in)
		var ie *sts.InputError
		var de *sts.DeniedError
		switch {
		case err == nil:
			if res == nil || res.Principal == nil {
				t.Fatal("success without a principal")
			}
		case errors.As(err, &ie) == errors.As(err, &de):
			t.Fatalf("error %v is not exactly one of InputError and DeniedError", err)
		case res != nil:
			t.Fatal("result with an error")
		}
	})
}
