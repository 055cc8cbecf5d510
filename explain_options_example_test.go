package iameval_test

import (
	"fmt"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

func ExampleExplainWith() {
	ps := &iameval.PolicySet{Identity: []*policy.Policy{mustParse(policy.Identity, "Uploads", `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Upload", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"},
    {"Sid": "OfficeOnly", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
     "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}
  ]
}`)}}
	alice, _ := principal.Parse("arn:aws:iam::111122223333:user/alice")
	ctx, _ := condition.NewContext(map[string]condition.Value{"aws:SourceIp": condition.StringValue("203.0.113.9")})
	r, _ := iameval.NewRequest(iameval.RequestInput{
		Principal: alice, Action: "s3:PutObject", Resource: "arn:aws:s3:::uploads/a.csv", Context: ctx,
	})
	// The Deny's Condition is what kept the upload allowed: had the
	// statement applied, the decision would have been explicitDeny.
	x := iameval.ExplainWith(ps, r, iameval.ExplainOptions{Statements: true})
	fmt.Println(x.Decision)
	for _, s := range x.Statements {
		fmt.Println(s)
		for _, c := range s.Clauses {
			fmt.Println("    clause", c)
		}
	}
	// Output:
	// allowed
	// identity Uploads Statement[0] "Upload" (Allow) at Uploads.json:4:5: applies
	// identity Uploads Statement[1] "OfficeOnly" (Deny) at Uploads.json:5:5: Condition failed: condition NotIpAddress "aws:SourceIp" not met: request value "203.0.113.9" matches policy value "203.0.113.0/24": the negated operator fails (if applied: explicitDeny)
	//     clause NotIpAddress "aws:SourceIp" failed: request value "203.0.113.9" matches policy value "203.0.113.0/24": the negated operator fails
}
