package diag_test

import (
	"errors"
	"fmt"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// A loader returns a diag.ErrorList; errors.Is finds the kinds of its
// problems, and each problem prints as file:line:col: path: message.
func Example() {
	_, err := policy.Parse([]byte(`{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resorce": "*"}
}`),
		policy.Source{File: "p.json", Type: policy.Identity})
	fmt.Println(errors.Is(err, policy.ErrUnknownElement))
	var list diag.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	// Output:
	// true
	// p.json:3:16: Statement: missing "Resource" or "NotResource"
	// p.json:3:62: Statement.Resorce: unknown element "Resorce": expected one of "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"
}
