package account_test

import (
	"fmt"
	"log"

	"github.com/iameval/iameval/account"
)

// Load an export and ask who can delete a bucket, what a user can do, and
// which roles a user can become.
func Example() {
	a, err := account.LoadFiles(account.Files{Exports: []string{"../testdata/scenarios/account/export.json"}}, account.Options{})
	if err != nil {
		log.Fatal(err) // every problem, as file:line:col: message
	}
	who, err := a.WhoCan("s3:DeleteBucket", "arn:aws:s3:::reports", account.Query{})
	if err != nil {
		log.Fatal(err)
	}
	for r := range who {
		fmt.Println("who-can:", r.Principal.ARN)
	}
	alice, _ := a.Principal("arn:aws:iam::111122223333:user/alice")
	can, _ := a.Can(alice, "arn:aws:s3:::reports/q1.csv", []string{"s3:GetObject", "s3:PutObject", "iam:CreateUser"}, account.Query{})
	for r := range can {
		fmt.Println("can:", r.Action)
	}
	bob, _ := a.Principal("arn:aws:iam::111122223333:user/ops/bob")
	for s := range a.Reach(bob, account.Query{}) {
		fmt.Println("reach:", s.Role.Name, len(s.Path)-1, "step(s)")
	}
	// Output:
	// who-can: arn:aws:iam::111122223333:role/admin
	// can: s3:GetObject
	// can: s3:PutObject
	// reach: deploy 1 step(s)
	// reach: admin 2 step(s)
}
