package managed_test

import (
	"fmt"

	"github.com/iameval/iameval/managed"
)

func ExampleLookup() {
	p := managed.Lookup("arn:aws:iam::aws:policy/AmazonSQSFullAccess")
	fmt.Println(p.Name, p.Document)
	// Output: AmazonSQSFullAccess {"Statement":[{"Action":["sqs:*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}
}

func ExamplePolicy_Policy() {
	p := managed.ByName("ReadOnlyAccess")
	doc, err := p.Policy()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.ID(), len(doc.Statements()) > 0)
	// Output: ReadOnlyAccess true
}
