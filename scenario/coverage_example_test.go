package scenario_test

import (
	"fmt"
	"os"

	"github.com/iameval/iameval/scenario"
)

func ExampleMeasureCoverage() {
	f, err := scenario.Load("reports.json", []byte(`{
  "principal": "arn:aws:iam::123456789012:user/pat",
  "policies": {"identity": [{"id": "Reports", "document": {"Version": "2012-10-17", "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
     "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}}]},
  "cases": [{"action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv", "expect": "allowed"}]
}`), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	cov := scenario.MeasureCoverage(f)
	_, _ = cov.WriteTo(os.Stdout)
	fmt.Println("complete:", cov.Complete())
	// Output:
	// coverage: 1 case; 1 of 2 statements and 0 of 1 condition clauses decided a case
	// never decided:
	//   identity Reports Statement[1] "Write" (Allow) at reports.json:5:5 (consulted by 1 case)
	//     clause Bool "aws:SecureTransport" at reports.json:6:29
	// complete: false
}
