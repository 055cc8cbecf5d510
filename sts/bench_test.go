package sts_test

import (
	"testing"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/sts"
)

func BenchmarkAssumeRole(b *testing.B) {
	alice := user(b, "alice", map[string]string{"team": "blue"})
	caller := sts.Caller{Principal: alice, Policies: iameval.PolicySet{Identity: []*policy.Policy{
		allow(b, policy.Identity, "Assume", `["sts:AssumeRole","sts:TagSession"]`, `"*"`)}}}
	role := sts.Role{ARN: "arn:aws:iam::" + otherAcct + ":role/UpdateAPP", TrustPolicy: trust(b, "Trust", `{"AWS":"`+acct+`"}`, `["sts:AssumeRole","sts:TagSession"]`, "")}
	in := sts.AssumeRoleInput{RoleSessionName: "alice", Tags: map[string]string{"Project": "apollo"}, Time: at}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sts.AssumeRole(caller, role, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetFederationToken(b *testing.B) {
	caller := sts.Caller{Principal: user(b, "token-app", nil), Policies: iameval.PolicySet{Identity: []*policy.Policy{
		allow(b, policy.Identity, "GFT", `"sts:GetFederationToken"`, `"*"`)}}}
	in := sts.GetFederationTokenInput{Name: "Bob", Policy: allow(b, policy.Session, "S3", `"s3:*"`, `"*"`), Time: at}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sts.GetFederationToken(caller, in); err != nil {
			b.Fatal(err)
		}
	}
}
