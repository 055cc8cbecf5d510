package catalog_test

import (
	"fmt"

	"github.com/iameval/iameval/catalog"
)

func ExampleCatalog_Action() {
	c := catalog.Default()
	a := c.Action("s3:getobject")
	fmt.Println(a.FullName, a.AccessLevel, a.Service.Name)
	for _, rt := range a.ResourceTypes {
		fmt.Println(rt.Type.Name, rt.Type.ARNFormats[0])
	}
	fmt.Println(c.Action("s3:GetObjcet") == nil)
	// Output:
	// s3:GetObject Read Amazon S3
	// accesspointobject arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}
	// object arn:${Partition}:s3:::${BucketName}/${ObjectName}
	// true
}

func ExampleCatalog_MatchActions() {
	for _, a := range catalog.Default().MatchActions("iam:*AccessKey*") {
		fmt.Println(a.FullName, a.AccessLevel)
	}
	// Output:
	// iam:CreateAccessKey Write
	// iam:DeleteAccessKey Write
	// iam:GetAccessKeyLastUsed Read
	// iam:ListAccessKeys List
	// iam:UpdateAccessKey Write
}

func ExampleCatalog_ConditionKey() {
	k, ok := catalog.Default().ConditionKey("aws:PrincipalTag/team")
	fmt.Println(k.Name, k.Type, ok)
	// Output: aws:PrincipalTag/${TagKey} String true
}

func ExampleResourceType_Matches() {
	object := catalog.Default().Service("s3").ResourceType("object")
	fmt.Println(object.Matches("arn:aws:s3:::my-bucket/photos/cat.jpg"))
	fmt.Println(object.Matches("arn:aws:s3:::my-bucket"))
	// Output:
	// true
	// false
}

// CheckAction says whether a denied action exists, as an explanation of an
// implicit deny asks, and suggests the action a typo meant.
func ExampleCheckAction() {
	fmt.Printf("%q\n", catalog.CheckAction("s3:GetObject"))
	fmt.Println(catalog.CheckAction("s3:GetObjcet"))
	// Output:
	// ""
	// s3:GetObjcet is not an action of Amazon S3 (did you mean s3:GetObject?)
}
