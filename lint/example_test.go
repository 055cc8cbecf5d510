package lint_test

import (
	"fmt"
	"os"

	"github.com/iameval/iameval/lint"
	"github.com/iameval/iameval/policy"
)

// Check returns every finding of a document, with its code, severity and
// position; Write prints them in one of the formats.
func ExampleCheck() {
	doc := []byte(`{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["iam:PassRole", "s3:GetObject", "s3:Get*"],
    "Resource": "*"
  }]
}`)
	findings := lint.Check(doc, policy.Source{File: "deploy.json"})
	for _, f := range findings {
		fmt.Println(f.Pos, f.Severity, f.Code)
	}
	if lint.Max(findings) >= lint.SecurityWarning {
		fmt.Println("fails with --fail-on SECURITY_WARNING")
	}
	_ = lint.Write(os.Stdout, lint.GitHub, findings[:1])
	// Output:
	// deploy.json:5:32 SUGGESTION REDUNDANT_ACTION
	// deploy.json:6:17 SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE
	// fails with --fail-on SECURITY_WARNING
	// ::notice file=deploy.json,line=5,col=32,title=SUGGESTION REDUNDANT_ACTION::Statement[0].Action[1]: "s3:GetObject" is already covered by "s3:Get*"%0Afix: remove this entry
}
