package simulate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/simulate"
)

// Example runs the first example of the AWS CLI reference for
// simulate-custom-policy and prints the response as the AWS CLI does.
func Example() {
	doc := `{
  "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}"],
  "ActionNames": ["dynamodb:CreateBackup"],
  "ContextEntries": [{"ContextKeyName": "aws:CurrentTime", "ContextKeyValues": ["2019-04-25T11:00:00Z"], "ContextKeyType": "date"}]
}`
	in, err := simulate.ParseInput([]byte(doc), "input.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := simulate.Simulate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.MarshalIndent(resp, "", "    ")
	fmt.Println(string(out))
	// Output:
	// {
	//     "EvaluationResults": [
	//         {
	//             "EvalActionName": "dynamodb:CreateBackup",
	//             "EvalResourceName": "*",
	//             "EvalDecision": "allowed",
	//             "MatchedStatements": [
	//                 {
	//                     "SourcePolicyId": "PolicyInputList.1",
	//                     "SourcePolicyType": "IAM Policy",
	//                     "StartPosition": {
	//                         "Line": 1,
	//                         "Column": 38
	//                     },
	//                     "EndPosition": {
	//                         "Line": 1,
	//                         "Column": 167
	//                     }
	//                 }
	//             ],
	//             "MissingContextValues": []
	//         }
	//     ],
	//     "IsTruncated": false
	// }
}

// ExampleSimulate builds the input in Go: a permissions boundary caps what
// the identity policy grants.
func ExampleSimulate() {
	resp, err := simulate.Simulate(&simulate.Input{
		PolicyInputList:                    []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`},
		PermissionsBoundaryPolicyInputList: []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`},
		CallerArn:                          "arn:aws:iam::111111111111:user/pat",
		ActionNames:                        []string{"s3:PutObject", "iam:CreateUser"},
		ResourceArns:                       []string{"arn:aws:s3:::reports/q1.csv"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range resp.EvaluationResults {
		fmt.Printf("%s on %s: %s (allowed by boundary: %t)\n", r.EvalActionName, r.EvalResourceName,
			r.EvalDecision, r.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary)
		for _, s := range r.MatchedStatements {
			fmt.Printf("  %s (%s) %d:%d-%d:%d\n", s.SourcePolicyID, s.SourcePolicyType,
				s.StartPosition.Line, s.StartPosition.Column, s.EndPosition.Line, s.EndPosition.Column)
		}
	}
	// Output:
	// s3:PutObject on arn:aws:s3:::reports/q1.csv: allowed (allowed by boundary: true)
	//   PolicyInputList.1 (IAM Policy) 1:38-1:84
	//   PermissionsBoundaryPolicyInputList.1 (Permissions Boundary Policy) 1:38-1:87
	// iam:CreateUser on arn:aws:s3:::reports/q1.csv: implicitDeny (allowed by boundary: false)
}

// ExampleParseInput shows how problems are reported: each positioned in
// the input document, and a problem inside a policy string also in the
// policy text.
func ExampleParseInput() {
	doc := `{
  "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\",\"Condition\":{\"IpAdress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}}}"],
  "ActionNames": ["s3:GetObject"],
  "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.10"], "ContextKeyType": "ipv4"}],
  "Region": "us-east-1"
}`
	_, err := simulate.ParseInput([]byte(doc), "input.json")
	var list diag.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(os.Stdout, e)
		}
	}
	// Output:
	// input.json:2:171: PolicyInputList[0]: PolicyInputList.1:1:128: Statement.Condition.IpAdress: unknown condition operator "IpAdress": expected [ForAllValues:|ForAnyValue:]Operator[IfExists] with an operator such as StringEquals or DateLessThan
	// input.json:4:111: ContextEntries[0].ContextKeyType: "ipv4" is not a context key type; expected one of string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList
	// input.json:5:3: Region: unknown parameter "Region"; expected one of PolicyInputList, PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns, ResourcePolicy, ResourceOwner, CallerArn, ContextEntries, ResourceHandlingOption, MaxItems, Marker, IamevalServiceControlPolicyInputList, IamevalResourceControlPolicyInputList
}
