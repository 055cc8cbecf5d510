package iameval_test

import (
	"fmt"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// mustParse parses a policy document of type t; examples only.
func mustParse(t policy.Type, id, doc string) *policy.Policy {
	p, err := policy.Parse([]byte(doc), policy.Source{ID: id, Type: t, File: id + ".json"})
	if err != nil {
		panic(err)
	}
	return p
}

func Example() {
	readHome := mustParse(policy.Identity, "ReadHome", `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::corp-data/home/${aws:username}/*"
  }]
}`)
	ps := &iameval.PolicySet{Identity: []*policy.Policy{readHome}}
	alice, err := principal.Parse("arn:aws:iam::111122223333:user/alice")
	if err != nil {
		panic(err)
	}
	for _, key := range []string{"home/alice/notes.txt", "home/bob/notes.txt"} {
		r, err := iameval.NewRequest(iameval.RequestInput{
			Principal: alice,
			Action:    "s3:GetObject",
			Resource:  "arn:aws:s3:::corp-data/" + key,
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(key, iameval.Evaluate(ps, r))
	}
	// Output:
	// home/alice/notes.txt allowed
	// home/bob/notes.txt implicitDeny
}

func ExampleExplain() {
	ps := &iameval.PolicySet{Identity: []*policy.Policy{mustParse(policy.Identity, "Uploads", `{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "FromOffice",
    "Effect": "Allow",
    "Action": "s3:PutObject",
    "Resource": "arn:aws:s3:::uploads/*",
    "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}
  }]
}`)}}
	alice, _ := principal.Parse("arn:aws:iam::111122223333:user/alice")
	r, _ := iameval.NewRequest(iameval.RequestInput{
		Principal: alice, Action: "s3:PutObject", Resource: "arn:aws:s3:::uploads/a.csv",
	})
	x := iameval.Explain(ps, r)
	fmt.Println(x.Decision)
	fmt.Println("missing allow:", x.MissingAllow)
	fmt.Println("closest:", x.Closest[0].PolicyID, x.Closest[0].Sid, x.Closest[0].Failed, "at", x.Closest[0].Pos)
	fmt.Println("missing keys:", x.MissingKeys)
	// Output:
	// implicitDeny
	// missing allow: [identity]
	// closest: Uploads FromOffice Condition at Uploads.json:3:17
	// missing keys: [aws:SourceIp]
}

func ExampleExplain_explicitDeny() {
	ps := &iameval.PolicySet{
		Identity: []*policy.Policy{mustParse(policy.Identity, "S3Full", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)},
		SCP: [][]*policy.Policy{{mustParse(policy.SCP, "NoDeletes", `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"*","Resource":"*"},
  {"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}`)}},
	}
	alice, _ := principal.Parse("arn:aws:iam::111122223333:user/alice")
	r, _ := iameval.NewRequest(iameval.RequestInput{
		Principal: alice, Action: "s3:DeleteObject", Resource: "arn:aws:s3:::b/k",
		Time: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
	})
	fmt.Print(iameval.Explain(ps, r))
	// Output:
	// explicitDeny: IAMUser arn:aws:iam::111122223333:user/alice s3:DeleteObject on arn:aws:s3:::b/k (resource account 111122223333)
	//   denied by:
	//     scp level 1 NoDeletes Statement[1] "NoDelete" (Deny) at NoDeletes.json:3:3
	//   policy types: identity allowed; scp explicitDeny (levels: explicitDeny)
	//   allowed by organizations: false
}

func ExampleEvaluate_crossAccount() {
	// Bob in account 444455556666 reads a bucket of account 111122223333:
	// both the bucket policy and Bob's own policies must allow.
	bucketPolicy := mustParse(policy.Resource, "BucketPolicy", `{"Version":"2012-10-17","Statement":[{
  "Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}`)
	bobPolicy := mustParse(policy.Identity, "BobS3", `{"Version":"2012-10-17","Statement":[{
  "Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}`)
	bob, _ := principal.Parse("arn:aws:iam::444455556666:user/bob")
	r, _ := iameval.NewRequest(iameval.RequestInput{
		Principal: bob, Action: "s3:GetObject", Resource: "arn:aws:s3:::shared/report.csv",
		ResourceAccount: "111122223333", // S3 ARNs carry no account
	})
	fmt.Println("bucket policy only:", iameval.Evaluate(&iameval.PolicySet{Resource: bucketPolicy}, r))
	fmt.Println("both sides:", iameval.Evaluate(&iameval.PolicySet{Resource: bucketPolicy, Identity: []*policy.Policy{bobPolicy}}, r))
	// Output:
	// bucket policy only: implicitDeny
	// both sides: allowed
}

func ExampleEvaluate_webIdentityTrust() {
	// The unsigned AssumeRoleWithWebIdentity call is decided by the role's
	// trust policy alone, with the token's claims as context keys.
	web, err := principal.NewWebIdentity(principal.WebIdentityInput{
		RoleARN: "arn:aws:iam::123456789012:role/WebApp", SessionName: "user1",
		Provider: "idp.example.com",
		Claims:   map[string]condition.Value{"sub": condition.StringValue("SUB2"), "aud": condition.StringValue("app-client")},
	})
	if err != nil {
		panic(err)
	}
	trust := mustParse(policy.Resource, "WebAppTrust", `{"Version":"2012-10-17","Statement":[{
  "Effect":"Allow",
  "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/idp.example.com"},
  "Action":"sts:AssumeRoleWithWebIdentity",
  "Condition":{"StringEquals":{"idp.example.com:sub":"SUB1"}}}]}`)
	r, _ := iameval.NewRequest(iameval.RequestInput{
		Principal: web, Action: "sts:AssumeRoleWithWebIdentity", Resource: "arn:aws:iam::123456789012:role/WebApp",
	})
	fmt.Println(iameval.Evaluate(&iameval.PolicySet{Resource: trust}, r))
	// Output:
	// implicitDeny
}

func ExampleEvaluate_getCallerIdentity() {
	denyAll := mustParse(policy.Identity, "DenyAll", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`)
	alice, _ := principal.Parse("arn:aws:iam::111122223333:user/alice")
	r, _ := iameval.NewRequest(iameval.RequestInput{Principal: alice, Action: "sts:GetCallerIdentity", Resource: "*"})
	x := iameval.Explain(&iameval.PolicySet{Identity: []*policy.Policy{denyAll}}, r)
	fmt.Println(x.Decision)
	fmt.Println(x.Reason)
	// Output:
	// allowed
	// sts:GetCallerIdentity needs no permission and cannot be denied for a signed caller (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html)
}

func ExampleDecision_MarshalText() {
	b, _ := iameval.ExplicitDeny.MarshalText()
	var d iameval.Decision
	_ = d.UnmarshalText([]byte("allowed"))
	fmt.Println(string(b), d, iameval.Decision(0))
	// Output:
	// explicitDeny allowed implicitDeny
}
