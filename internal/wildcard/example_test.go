package wildcard_test

import (
	"fmt"

	"github.com/iameval/iameval/internal/wildcard"
)

func ExampleMatch() {
	fmt.Println(wildcard.Match("s3:Get*", "s3:GetObject"))
	fmt.Println(wildcard.Match("federated-user/Manager*", "federated-user/managerjoe"))
	// Output:
	// true
	// false
}

func ExampleMatchEscaped() {
	// A variable that expanded to "*" must match only a literal star.
	fmt.Println(wildcard.MatchEscaped(`home/\*/*`, "home/*/notes.txt"))
	fmt.Println(wildcard.MatchEscaped(`home/\*/*`, "home/alice/notes.txt"))
	// Output:
	// true
	// false
}
