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

// A loader asks a Limit before wording each problem and ends a list that
// left problems out with TooMany, which errors.Is finds as ErrTooMany.
func ExampleLimit() {
	var l diag.Limit
	var list diag.ErrorList
	for i := range diag.MaxErrors + 3 {
		if l.Keep(i) {
			list = append(list, &diag.Error{Pos: diag.Position{File: "p.json", Line: 1, Column: i + 1}, Msg: "bad entry"})
		}
	}
	if n, first := l.Omitted(); n > 0 {
		list = append(list, diag.TooMany(diag.Position{File: "p.json", Line: 1, Column: first + 1}, n, false))
	}
	fmt.Println(len(list), errors.Is(list, diag.ErrTooMany))
	fmt.Println(list[len(list)-1])
	// Output:
	// 10001 true
	// p.json:1:10001: 3 more problems are not reported, the first of them here: at most 10000 are reported for one document
}
