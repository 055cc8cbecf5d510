package iameval_test

import (
	"fmt"
	"sync"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// builders hands each goroutine of a proxy its own RequestBuilder.
var builders = sync.Pool{New: func() any { return new(iameval.RequestBuilder) }}

// authorize decides one incoming call from its plain fields. The request
// lives in the builder's memory: it is decided before the builder goes
// back to the pool, and never kept.
func authorize(ps *iameval.PolicySet, userARN, team, sourceIP, action, resource string) (iameval.Decision, error) {
	b := builders.Get().(*iameval.RequestBuilder)
	defer builders.Put(b)
	b.Reset()
	b.User(principal.IAMUserInput{ARN: userARN})
	b.PrincipalTag("team", team)
	b.ContextKey("aws:SourceIp", sourceIP)
	b.ContextKey("aws:SecureTransport", "true")
	r, err := b.Build(iameval.RequestInput{Action: action, Resource: resource})
	if err != nil {
		return iameval.ImplicitDeny, err
	}
	return iameval.Evaluate(ps, r), nil
}

// A proxy authorizing calls in a loop builds each request with a
// RequestBuilder taken from a sync.Pool: once warm, building a request
// allocates nothing but the lower-cased action. A request is valid until
// its builder's next Reset; one used after it is denied.
func ExampleRequestBuilder() {
	ps := &iameval.PolicySet{Identity: []*policy.Policy{mustParse(policy.Identity, "TeamData", `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::corp-data/${aws:PrincipalTag/team}/*",
    "Condition": {"IpAddress": {"aws:SourceIp": "10.20.0.0/16"}}
  }]
}`)}}
	for _, call := range [][5]string{
		{"arn:aws:iam::111122223333:user/alice", "analytics", "10.20.1.7", "s3:GetObject", "arn:aws:s3:::corp-data/analytics/q1.csv"},
		{"arn:aws:iam::111122223333:user/bob", "ops", "10.20.1.8", "s3:GetObject", "arn:aws:s3:::corp-data/analytics/q1.csv"},
		{"arn:aws:iam::111122223333:user/carol", "analytics", "192.0.2.1", "s3:GetObject", "arn:aws:s3:::corp-data/analytics/q1.csv"},
	} {
		d, err := authorize(ps, call[0], call[1], call[2], call[3], call[4])
		fmt.Println(d, err)
	}

	// Misuse fails closed: a request kept past its builder's Reset.
	var b iameval.RequestBuilder
	b.User(principal.IAMUserInput{ARN: "arn:aws:iam::111122223333:user/alice"})
	b.PrincipalTag("team", "analytics")
	b.ContextKey("aws:SourceIp", "10.20.1.7")
	kept, _ := b.Build(iameval.RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::corp-data/analytics/q1.csv"})
	fmt.Println(iameval.Evaluate(ps, kept))
	b.Reset()
	fmt.Println(iameval.Evaluate(ps, kept))
	// Output:
	// allowed <nil>
	// implicitDeny <nil>
	// implicitDeny <nil>
	// allowed
	// implicitDeny
}
