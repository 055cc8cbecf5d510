package firstseen_test

import (
	"fmt"

	"github.com/iameval/iameval/internal/firstseen"
)

// Each entry of a list is either new (-1) or a repeat of an earlier one.
func Example() {
	list := []string{"s3:GetObject", "s3:PutObject", "s3:GetObject"}
	t := firstseen.New(len(list))
	for i, s := range list {
		fmt.Println(s, t.Find(s, i, func(j int) string { return list[j] }))
	}
	// Output:
	// s3:GetObject -1
	// s3:PutObject -1
	// s3:GetObject 0
}
