package iamtest_test

import (
	"fmt"
	"testing"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/iamtest"
)

// printT stands in for the *testing.T a real test receives: it prints
// what the test would report.
type printT struct{ testing.TB }

func (printT) Helper() {}

func (printT) Errorf(format string, args ...any) { fmt.Printf("ERROR "+format+"\n", args...) }

func (printT) Fatalf(format string, args ...any) { fmt.Printf("FATAL "+format+"\n", args...) }

const reportsPolicy = `{"Version": "2012-10-17", "Statement": [
  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
  {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}`

func ExampleAllowed() {
	var t testing.TB = printT{} // in a test: the *testing.T
	ps := iamtest.IdentitySet(t, reportsPolicy)
	pat := "arn:aws:iam::123456789012:user/pat"
	fmt.Println(iamtest.Allowed(t, ps, iamtest.Request(t, pat, "s3:GetObject", "arn:aws:s3:::reports/q1.csv", nil)))
	fmt.Println(iamtest.Denied(t, ps, iamtest.Request(t, pat, "s3:DeleteObject", "arn:aws:s3:::reports/q1.csv", nil)))
	// Output:
	// true
	// true
}

func ExampleAllowed_failure() {
	var t testing.TB = printT{}
	ps := iamtest.IdentitySet(t, reportsPolicy)
	r := iamtest.Request(t, "arn:aws:iam::123456789012:user/pat", "s3:PutObject", "arn:aws:s3:::reports/q1.csv", nil)
	iamtest.Allowed(t, ps, r, "pat uploads %s", "q1.csv")
	// Output:
	// ERROR want allowed, got implicitDeny: pat uploads q1.csv
	// implicitDeny: IAMUser arn:aws:iam::123456789012:user/pat s3:PutObject on arn:aws:s3:::reports/q1.csv (resource account 123456789012)
	//   no allow in: identity
	//   closest statements:
	//     identity identity[0] Statement[0] "Read" (Allow) at <input>:2:3
	//       Action failed at <input>:2:38: action "s3:PutObject" not in Action
	//   policy types: identity implicitDeny
}

func ExampleDecision() {
	var t testing.TB = printT{}
	trust := iamtest.ResourcePolicy(t, `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}`)
	ps := &iameval.PolicySet{Resource: trust}
	lambda := iamtest.Request(t, "lambda.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::123456789012:role/Worker", nil)
	pat := iamtest.Request(t, "arn:aws:iam::123456789012:user/pat", "sts:AssumeRole", "arn:aws:iam::123456789012:role/Worker", nil)
	fmt.Println(iamtest.Decision(t, ps, lambda, iameval.Allowed))
	fmt.Println(iamtest.Decision(t, ps, pat, iameval.ImplicitDeny))
	// Output:
	// true
	// true
}

func ExampleIdentityPolicy_invalid() {
	var t testing.TB = printT{}
	iamtest.IdentityPolicy(t, `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject"}}`)
	// Output:
	// FATAL invalid identity policy:
	// <input>:1:40: Statement: missing "Resource" or "NotResource"
}

func ExampleCoverage() {
	var t testing.TB = printT{}
	cov := iamtest.Coverage(t, "testdata/reports.json")
	fmt.Print(cov)
	fmt.Println("complete:", cov.Complete())
	// Output:
	// coverage: 3 cases; 2 of 2 statements and 0 of 0 condition clauses decided a case
	// complete: true
}
