package variables_test

import (
	"fmt"

	"github.com/iameval/iameval/variables"
)

// userLookup is the smallest Lookup: one federated user's keys.
type userLookup map[string]string

func (u userLookup) LookupVariable(key string) (string, bool) {
	v, ok := u[key]
	return v, ok
}

func Example() {
	bob := userLookup{"aws:userid": "123456789012:Bob"}
	tpl, _ := variables.Parse("arn:aws:s3:::TESTBUCKET/${aws:userid}/*", variables.Substitute)
	fmt.Println(tpl.Expand(bob))

	// aws:username does not exist for federated users: no value.
	tpl, _ = variables.Parse("home/${aws:username}/*", variables.Substitute)
	fmt.Println(tpl.Expand(bob))

	// A default fills the gap.
	tpl, _ = variables.Parse("home/${aws:username, 'guest'}/*", variables.Substitute)
	fmt.Println(tpl.Expand(bob))
	// Output:
	// arn:aws:s3:::TESTBUCKET/123456789012:Bob/* true
	//  false
	// home/guest/* true
}

func ExampleParse_literal() {
	// Under "Version": "2008-10-17" variables are plain text.
	tpl, _ := variables.Parse("home/${aws:username}", variables.Literal)
	fmt.Println(tpl.HasVariables(), tpl.Raw())
	// Output: false home/${aws:username}
}
