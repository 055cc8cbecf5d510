package scenario_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/iameval/iameval/scenario"
)

// A scenario file with a default principal, one identity policy and two
// cases with the decision each must get.
const exampleScenario = `{
  "name": "reports",
  "principal": "arn:aws:iam::123456789012:user/pat",
  "policies": {
    "identity": [{"id": "Reports", "document": {
      "Version": "2012-10-17",
      "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}}]
  },
  "cases": [
    {"name": "pat reads a report", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv", "expect": "allowed"},
    {"name": "pat writes a report", "action": "s3:PutObject", "resource": "arn:aws:s3:::reports/q1.csv", "expect": "implicitDeny"}
  ]
}`

func ExampleLoad() {
	f, err := scenario.Load("reports.json", []byte(exampleScenario), os.ReadFile)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range f.Cases {
		fmt.Printf("%s: %s %s, expect %s\n", c.Name, c.Action, c.Resource, c.Expect)
	}
	// Output:
	// pat reads a report: s3:GetObject arn:aws:s3:::reports/q1.csv, expect allowed
	// pat writes a report: s3:PutObject arn:aws:s3:::reports/q1.csv, expect implicitDeny
}

func ExampleLoad_misspeltKey() {
	src := `[{"principal": "arn:aws:iam::123456789012:user/pat",
  "action": "s3:GetObject", "resource": "*", "expext": "allowed"}]`
	_, err := scenario.Load("typo.json", []byte(src), nil)
	fmt.Println(err)
	// Output:
	// typo.json:2:46: [0].expext: unknown key "expext" in a case (did you mean "expect"?)
}

func ExampleLoad_invalidPolicy() {
	src := `{"principal": "arn:aws:iam::123456789012:user/pat",
 "policies": {"identity": [{"Version": "2012-10-17",
   "Statement": {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}}]},
 "cases": []}`
	_, err := scenario.Load("bad.json", []byte(src), nil)
	fmt.Println(err)
	// Output:
	// bad.json:3:28: policies.identity[0].Statement.Effect: expected "Allow" or "Deny", found "allow"
}

func ExampleFile_Run() {
	f, err := scenario.Load("reports.json", []byte(exampleScenario), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	report := f.Run()
	for _, r := range report.Results {
		fmt.Printf("%s: %s (pass %t)\n", r.Case, r.Decision, r.Pass)
	}
	fmt.Printf("%d passed, %d failed\n", report.Passed, report.Failed)
	allow := report.Results[0].Explanation.Deciding[0]
	fmt.Printf("allowed by %s Statement[%d] %q at %s\n", allow.PolicyID, allow.Index, allow.Sid, allow.Pos)
	// Output:
	// pat reads a report: allowed (pass true)
	// pat writes a report: implicitDeny (pass true)
	// 2 passed, 0 failed
	// allowed by Reports Statement[0] "Read" at reports.json:7:21
}

func ExampleReport_MarshalJSON() {
	f, err := scenario.Load("reports.json", []byte(exampleScenario), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.Marshal(f.Run())
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc struct {
		Results []struct {
			File, Case, Decision, Expect string
			Pass                         bool
		}
		Passed, Failed int
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", doc)
	// Output:
	// {Results:[{File:reports.json Case:pat reads a report Decision:allowed Expect:allowed Pass:true} {File:reports.json Case:pat writes a report Decision:implicitDeny Expect:implicitDeny Pass:true}] Passed:2 Failed:0}
}

// Example loads a scenario file and runs its cases, as `iameval test` does.
func Example() {
	src := `{"principal": "arn:aws:iam::123456789012:user/pat",
 "policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}]}]},
 "cases": [
  {"name": "list", "action": "s3:ListBucket", "resource": "arn:aws:s3:::reports", "expect": "allowed"},
  {"name": "read", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/a", "expect": "allowed"}]}`
	f, err := scenario.Load("s3.json", []byte(src), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	report := f.Run()
	for _, r := range report.Results {
		fmt.Printf("%s %s: got %s, expected %s, pass %t\n", r.File, r.Case, r.Decision, r.Expect, r.Pass)
	}
	fmt.Printf("%d passed, %d failed\n", report.Passed, report.Failed)
	// Output:
	// s3.json list: got allowed, expected allowed, pass true
	// s3.json read: got implicitDeny, expected allowed, pass false
	// 1 passed, 1 failed
}
