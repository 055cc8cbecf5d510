package policy_test

import (
	"fmt"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

func ExampleParse() {
	src := []byte(`{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*"},
    {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}
  ]
}`)
	p, err := policy.Parse(src, policy.Source{ID: "Reports", File: "reports.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range p.Statements() {
		fmt.Printf("%d %s %s %s to %d:%d\n", s.Index(), s.Sid(), s.Effect(), s.Pos(), s.End().Line, s.End().Column)
	}
	// Output:
	// 0 Read Allow reports.json:4:5 to 4:97
	// 1 NoDelete Deny reports.json:5:5 to 5:82
}

func ExampleParse_duplicateKey() {
	src := []byte(`{
  "Statement": {
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Effect": "Deny",
    "Resource": "*"
  }
}`)
	_, err := policy.Parse(src, policy.Source{File: "user.json"})
	fmt.Println(err)
	// Output:
	// user.json:5:5: Statement.Effect: duplicate key "Effect" (first at 3:5): JSON policies must not repeat a key
}

func ExampleParse_warnings() {
	src := []byte(`{"Statement": {"Sid": "read-only", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:*"}}`)
	p, err := policy.Parse(src, policy.Source{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Warnings())
	// Output:
	// <input>:1:23: warning: Statement.Sid: Sid "read-only" has characters other than A-Z, a-z and 0-9, which IAM does not accept
	// <input>:1:88: warning: Statement.Resource: ARN "arn:aws:s3:*" has fewer than six parts: the missing parts are read as "*"
}

// recorder prints what Eval reports about each statement.
type recorder struct{}

func (recorder) Record(r policy.StatementResult) {
	fmt.Printf("  %s applies=%v principal=%s", r.Statement.Sid(), r.Applies, r.Principal)
	if !r.Applies {
		fmt.Printf(" failed=%s: %s", r.Failed, r.Detail)
	}
	fmt.Println()
}

func ExamplePolicy_Eval() {
	bucket, err := policy.Parse([]byte(`{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "TeamRead", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Team"},
     "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"},
    {"Sid": "TLSOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::shared/*",
     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
  ]
}`), policy.Source{ID: "SharedBucket", Type: policy.Resource})
	if err != nil {
		fmt.Println(err)
		return
	}
	session, err := principal.NewAssumedRole(principal.AssumedRoleInput{
		RoleARN: "arn:aws:iam::111122223333:role/Team", RoleID: "AROAEXAMPLETEAM", SessionName: "alice"})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The request's context: the keys the session sets, then the caller's
	// own (a later Set wins over the session's value of the same key).
	var keys condition.Builder
	keys.SetAll(session.Context())
	keys.Set("aws:SecureTransport", condition.StringValue("true"))
	ctx, err := keys.Context()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := policy.NewRequest(policy.RequestInput{
		Action:    "s3:GetObject",
		Resource:  "arn:aws:s3:::shared/q1.csv",
		Principal: session,
		Context:   ctx,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", bucket.Eval(&r, nil))
	fmt.Println("explained:")
	fmt.Printf("%+v\n", bucket.Eval(&r, recorder{}))
	// Output:
	// {Deny:false Allow:true AllowDirect:false AllowIndirect:true AllowAccount:false}
	// explained:
	//   TeamRead applies=true principal=indirect
	//   TLSOnly applies=false principal=direct failed=Condition: condition Bool "aws:SecureTransport" not met: request value "true" matches no policy value
	// {Deny:false Allow:true AllowDirect:false AllowIndirect:true AllowAccount:false}
}

// ExamplePolicy_MayAllow skips, before any full evaluation, the roles
// whose trust policy cannot let a caller assume them: its Allow must name
// the caller (or its account, or "*") for sts:AssumeRole, whatever the
// condition says.
func ExamplePolicy_MayAllow() {
	trust, err := policy.Parse([]byte(`{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Deployer"},
                 "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]
}`), policy.Source{ID: "ProdAdmin#trust", Type: policy.Resource})
	if err != nil {
		fmt.Println(err)
		return
	}
	for role, id := range map[string]string{"Deployer": "AROAEXAMPLEDEPLOY", "Auditor": "AROAEXAMPLEAUDIT"} {
		session, err := principal.NewAssumedRole(principal.AssumedRoleInput{
			RoleARN: "arn:aws:iam::111122223333:role/" + role, RoleID: id, SessionName: "ci"})
		if err != nil {
			fmt.Println(err)
			return
		}
		r, err := policy.NewRequest(policy.RequestInput{Action: "sts:AssumeRole", Resource: "*", Principal: session})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(role, trust.MayAllow(&r))
	}
	// Unordered output:
	// Deployer true
	// Auditor false
}
