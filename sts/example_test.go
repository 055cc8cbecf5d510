package sts_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

// mustParse parses a policy document of type t; examples only.
func mustParse(t policy.Type, id, doc string) *policy.Policy {
	p, err := policy.Parse([]byte(doc), policy.Source{ID: id, Type: t, File: id + ".json"})
	if err != nil {
		panic(err)
	}
	return p
}

// evaluate decides a later request of the session that res created.
func evaluate(res *sts.Result, action, resource string) iameval.Decision {
	r, err := iameval.NewRequest(iameval.RequestInput{Principal: res.Principal, Action: action, Resource: resource})
	if err != nil {
		panic(err)
	}
	return iameval.Evaluate(&res.Policies, r)
}

func ExampleGetFederationToken() {
	// Seed C: alice may mint federated users whose names begin with Manager.
	alice, _ := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice"})
	caller := sts.Caller{Principal: alice, Policies: iameval.PolicySet{Identity: []*policy.Policy{
		mustParse(policy.Identity, "Managers", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"sts:GetFederationToken","Resource":"arn:aws:sts::123456789012:federated-user/Manager*"},
  {"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`),
	}}}
	session := mustParse(policy.Session, "ReadReports", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":["s3:GetObject","ec2:DescribeVpcs"],"Resource":"*"}]}`)

	for _, name := range []string{"ManagerJoe", "Bob"} {
		res, err := sts.GetFederationToken(caller, sts.GetFederationTokenInput{Name: name, Policy: session})
		var denied *sts.DeniedError
		if errors.As(err, &denied) {
			fmt.Println(name, "refused:", denied.Explanation.Decision)
			continue
		}
		fmt.Println(name, "is", res.Principal.ARN())
		// Effective permissions: alice's policies ∩ the session policy.
		fmt.Println("  s3:GetObject", evaluate(res, "s3:GetObject", "arn:aws:s3:::reports/q1.csv"))
		fmt.Println("  ec2:DescribeVpcs", evaluate(res, "ec2:DescribeVpcs", "*"))
	}
	// Output:
	// ManagerJoe is arn:aws:sts::123456789012:federated-user/ManagerJoe
	//   s3:GetObject allowed
	//   ec2:DescribeVpcs implicitDeny
	// Bob refused: implicitDeny
}

func ExampleAssumeRole() {
	// Seed C: alice assumes UpdateAPP in another account; both her
	// identity policy and the role's trust policy must allow each action
	// the call is authorized as (sts:TagSession too, since she passes tags).
	alice, _ := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice"})
	caller := sts.Caller{Principal: alice, Policies: iameval.PolicySet{Identity: []*policy.Policy{
		mustParse(policy.Identity, "AssumeUpdateAPP", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"arn:aws:iam::123123123123:role/UpdateAPP"}]}`),
	}}}
	role := sts.Role{
		ARN: "arn:aws:iam::123123123123:role/UpdateAPP",
		ID:  "AROAEXAMPLEUPDATE",
		TrustPolicy: mustParse(policy.Resource, "UpdateAPPTrust", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["sts:AssumeRole","sts:TagSession"]}]}`),
	}
	res, err := sts.AssumeRole(caller, role, sts.AssumeRoleInput{
		RoleSessionName: "alice",
		Tags:            map[string]string{"Project": "apollo"},
		Time:            time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Principal.ARN())
	fmt.Println(res.Principal.(*principal.AssumedRole).Tags())
	for _, x := range res.Checks {
		fmt.Println(x.Request.Action, x.Decision)
	}
	fmt.Println("expires", res.Expiration.Format(time.RFC3339))

	// Without sts:TagSession in alice's policy the tagged call is refused.
	caller.Policies.Identity = []*policy.Policy{mustParse(policy.Identity, "AssumeOnly", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}`)}
	_, err = sts.AssumeRole(caller, role, sts.AssumeRoleInput{RoleSessionName: "alice", Tags: map[string]string{"Project": "apollo"}})
	var denied *sts.DeniedError
	if errors.As(err, &denied) {
		fmt.Println("refused on", denied.Action, denied.Explanation.Decision, "missing allow in", denied.Explanation.MissingAllow)
	}
	// Output:
	// arn:aws:sts::123123123123:assumed-role/UpdateAPP/alice
	// map[Project:apollo]
	// sts:AssumeRole allowed
	// sts:TagSession allowed
	// expires 2024-05-01T13:00:00Z
	// refused on sts:TagSession implicitDeny missing allow in [identity]
}

func ExampleAssumeRoleWithWebIdentity() {
	// Seed A: session tags come from the token's tags claim, never from a
	// Tags parameter; the trust policy must allow sts:TagSession.
	trustPolicy := mustParse(policy.Resource, "WebAppTrust", `{"Version":"2012-10-17","Statement":[{
  "Effect":"Allow",
  "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/idp.example.com"},
  "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
  "Condition":{"StringEquals":{"idp.example.com:aud":"app-client"}}}]}`)
	perEmail := mustParse(policy.Identity, "PerEmail", `{"Version":"2012-10-17","Statement":[{
  "Effect":"Allow","Action":["ec2:CreateVpc","ec2:DescribeVpcs"],"Resource":"*",
  "Condition":{"StringEquals":{"aws:PrincipalTag/Email":"user1@example.com"}}}]}`)
	role := sts.Role{ARN: "arn:aws:iam::123456789012:role/WebApp", ID: "AROAEXAMPLEWEB", TrustPolicy: trustPolicy,
		Policies: iameval.PolicySet{Identity: []*policy.Policy{perEmail}}}

	res, err := sts.AssumeRoleWithWebIdentity(role, sts.AssumeRoleWithWebIdentityInput{
		RoleSessionName: "user1",
		Token: sts.WebIdentityToken{
			Provider: "idp.example.com",
			Claims:   map[string]condition.Value{"sub": condition.StringValue("SUB1"), "aud": condition.StringValue("app-client")},
			Tags:     principal.TagsClaim{PrincipalTags: map[string][]string{"Email": {"user1@example.com"}}},
		},
	})
	if err != nil {
		panic(err)
	}
	for _, x := range res.Checks {
		fmt.Println(x.Request.Action, x.Decision, "unsigned:", x.Request.Unsigned)
	}
	fmt.Println(res.Principal.ARN())
	fmt.Println("ec2:CreateVpc", evaluate(res, "ec2:CreateVpc", "*"))
	// Output:
	// sts:AssumeRoleWithWebIdentity allowed unsigned: true
	// sts:TagSession allowed unsigned: true
	// arn:aws:sts::123456789012:assumed-role/WebApp/user1
	// ec2:CreateVpc allowed
}
