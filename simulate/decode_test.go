package simulate

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// problem is what a test expects of one Error.
type problem struct {
	line, col int
	path      string
	kind      error
}

func TestParseInputErrors(t *testing.T) {
	t.Parallel()
	const ok = `"PolicyInputList": [], "ActionNames": ["s3:GetObject"]`
	tests := []struct {
		name string
		src  string
		want []problem
		why  string
	}{
		{"not JSON", "{\n  \"ActionNames\": [\"s3:GetObject\",]\n}", []problem{{2, 34, "", ErrSyntax}},
			"the offending character of invalid JSON"},
		{"not an object", `["s3:GetObject"]`, []problem{{1, 1, "", ErrType}},
			"the document is the object of request parameters"},
		{"unknown key", "{" + ok + `, "DryRun": true}`, []problem{{1, 58, "DryRun", ErrUnknownKey}},
			"a key SimulateCustomPolicyRequest does not have, at the key"},
		{"mis-cased key", `{"policyInputList": [], "ActionNames": ["s3:GetObject"]}`, []problem{{1, 1, "PolicyInputList", ErrMissing}, {1, 2, "policyInputList", ErrUnknownKey}},
			"names are case-sensitive, as in the AWS CLI; the real parameter is then missing"},
		{"simulate-principal-policy key", "{" + ok + `, "PolicySourceArn": "arn:aws:iam::111111111111:user/a"}`, []problem{{1, 58, "PolicySourceArn", ErrUnknownKey}},
			"PolicySourceArn belongs to SimulatePrincipalPolicy"},
		{"duplicate key", "{" + ok + `, "ActionNames": ["s3:PutObject"]}`, []problem{{1, 58, "ActionNames", ErrDuplicateKey}},
			"a repeated key is reported at its second occurrence"},
		{"missing required", `{}`, []problem{{1, 1, "PolicyInputList", ErrMissing}, {1, 1, "ActionNames", ErrMissing}},
			"PolicyInputList and ActionNames are required (SimulateCustomPolicyRequest.required)"},
		{"list of the wrong type", `{"PolicyInputList": "{}", "ActionNames": ["s3:GetObject"]}`, []problem{{1, 21, "PolicyInputList", ErrType}},
			"PolicyInputList is a list of strings"},
		{"element of the wrong type", `{"PolicyInputList": [], "ActionNames": ["s3:GetObject", 7]}`, []problem{{1, 57, "ActionNames[1]", ErrType}},
			"the element itself is positioned, and nothing is reported twice for it"},
		{"empty optional string", "{" + ok + `, "ResourcePolicy": ""}`, []problem{{1, 76, "ResourcePolicy", ErrValue}},
			"an empty string is not leaving the parameter out (length at least 1)"},
		{"MaxItems out of range", "{" + ok + `, "MaxItems": 0}`, []problem{{1, 70, "MaxItems", ErrValue}},
			"maxItemsType ranges from 1 to 1000"},
		{"MaxItems not an integer", "{" + ok + `, "MaxItems": 2.5}`, []problem{{1, 70, "MaxItems", ErrValue}},
			"MaxItems is an integer"},
		{"MaxItems a string", "{" + ok + `, "MaxItems": "10"}`, []problem{{1, 70, "MaxItems", ErrType}},
			"MaxItems is a number"},
		{"context entry not an object", "{" + ok + `, "ContextEntries": ["aws:SourceIp"]}`, []problem{{1, 77, "ContextEntries[0]", ErrType}},
			"ContextEntries is a list of ContextEntry objects"},
		{"context entry member missing", "{" + ok + `, "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.1"]}]}`,
			[]problem{{1, 77, "ContextEntries[0]", ErrMissing}}, "ContextKeyType is required: the entry is positioned"},
		{"context entry unknown member", "{" + ok + `, "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.1"], "ContextKeyType": "ip", "Comment": "x"}]}`,
			[]problem{{1, 171, "ContextEntries[0].Comment", ErrUnknownKey}}, "a ContextEntry has three members"},
		{"policy problem inside the string", `{"PolicyInputList": ["{\"Version\":\"2012-10-17\",\n\"Statement\":{\"Effect\":\"Alow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"], "ActionNames": ["s3:GetObject"]}`,
			[]problem{{1, 79, "PolicyInputList[0]", ErrPolicy}}, "positioned at the escaped text in the document that the policy's offending value was read from"},
		{"character outside the API's set", `{"PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"\u0100\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"], "ActionNames": ["s3:GetObject"]}`,
			[]problem{{1, 76, "PolicyInputList[0]", ErrPolicy}}, "policyDocumentType accepts tab, line feed, carriage return and U+0020 to U+00FF"},
		{"two boundaries", "{" + ok + `, "PermissionsBoundaryPolicyInputList": ["{}", "{}"]}`, []problem{{1, 103, "PermissionsBoundaryPolicyInputList[1]", ErrValue}},
			"you can input only one permissions boundary (SimulateCustomPolicyRequest)"},
		{"action with a wildcard", `{"PolicyInputList": [], "ActionNames": ["s3:Get*"]}`, []problem{{1, 41, "ActionNames[0]", ErrValue}},
			"ActionNames: this operation does not support using wildcards"},
		{"not an action", `{"PolicyInputList": [], "ActionNames": ["GetObject"]}`, []problem{{1, 41, "ActionNames[0]", ErrValue}},
			"each operation must include the service identifier"},
		{"not a resource", "{" + ok + `, "ResourceArns": ["*", "bucket/key"]}`, []problem{{1, 80, "ResourceArns[1]", ErrValue}},
			"a resource is an ARN or \"*\""},
		{"resource policy without caller", "{" + ok + `, "ResourcePolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}`,
			[]problem{{1, 76, "ResourcePolicy", ErrMissing}}, "CallerArn is required if you include a ResourcePolicy"},
		{"caller not a principal", "{" + ok + `, "CallerArn": "arn:aws:iam::111111111111:group/devs"}`, []problem{{1, 71, "CallerArn", ErrValue}},
			"a group is not a caller"},
		{"caller without an account", "{" + ok + `, "CallerArn": "lambda.amazonaws.com", "ResourceArns": ["arn:aws:s3:::reports"]}`, []problem{{1, 71, "CallerArn", ErrMissing}},
			"a service principal has no account, and an S3 ARN names none: ResourceOwner must say who owns the bucket"},
		{"resource owner not an account", "{" + ok + `, "ResourceOwner": "arn:aws:iam::111111111111:user/a"}`, []problem{{1, 75, "ResourceOwner", ErrValue}},
			"ResourceOwner is an account: arn:aws:iam::ACCOUNT:root"},
		{"unknown scenario", "{" + ok + `, "ResourceHandlingOption": "EC2-Classic-EBS"}`, []problem{{1, 84, "ResourceHandlingOption", ErrValue}},
			"the four EC2-VPC scenarios of ResourceHandlingOption"},
		{"scenario without its resources", "{" + ok + `, "ResourceHandlingOption": "EC2-VPC-EBS", "ResourceArns": ["arn:aws:ec2:us-east-1:111111111111:instance/i-1"]}`,
			[]problem{{1, 84, "ResourceHandlingOption", ErrValue}}, "a scenario needs its resources among ResourceArns"},
		{"unknown context type", "{" + ok + `, "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.1"], "ContextKeyType": "ipv4"}]}`,
			[]problem{{1, 165, "ContextEntries[0].ContextKeyType", ErrValue}}, "ContextKeyTypeEnum"},
		{"bad context value", "{" + ok + `, "ContextEntries": [{"ContextKeyName": "s3:max-keys", "ContextKeyValues": ["10", "ten"], "ContextKeyType": "numericList"}]}`,
			[]problem{{1, 138, "ContextEntries[0].ContextKeyValues[1]", ErrValue}}, "the offending value itself is positioned"},
		{"duplicate context key", "{" + ok + `, "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["192.0.2.1"], "ContextKeyType": "ip"}, {"ContextKeyName": "AWS:SOURCEIP", "ContextKeyValues": ["192.0.2.2"], "ContextKeyType": "ip"}]}`,
			[]problem{{1, 191, "ContextEntries[1].ContextKeyName", ErrValue}}, "context key names ignore case"},
		{"empty organization level", "{" + ok + `, "IamevalServiceControlPolicyInputList": [[]]}`, []problem{{1, 99, "IamevalServiceControlPolicyInputList[0]", ErrValue}},
			"every organization level has a policy attached (scenario format, go doc ./scenario)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in, err := ParseInput([]byte(tc.src), "in.json")
			require.Error(t, err, tc.why)
			assert.Nil(t, in)
			var got []problem
			for _, e := range errorList(t, err) {
				got = append(got, problem{e.Pos.Line, e.Pos.Column, e.Path, e.Kind})
				assert.Equal(t, "in.json", e.Pos.File)
			}
			assert.Equal(t, tc.want, got, "%s\n%v", tc.why, err)
		})
	}
}

func TestPolicyErrorsNameBothPlaces(t *testing.T) {
	t.Parallel()
	src := "{\n  \"PolicyInputList\": [\n    \"{\\\"Version\\\":\\\"2012-10-17\\\",\\n\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\",\\\"Condition\\\":{\\\"NumericLessThan\\\":{\\\"s3:max-keys\\\":\\\"ten\\\"}}}}\"\n  ],\n  \"ActionNames\": [\"s3:ListBucket\"]\n}"
	_, err := ParseInput([]byte(src), "in.json")
	list := errorList(t, err)
	require.Len(t, list, 1)
	e := list[0]
	assert.Equal(t, diag.Position{File: "in.json", Offset: 187, Line: 3, Column: 163}, e.Pos, "the document position of the policy's bad value")
	inner, ok := e.Cause.(*diag.Error)
	require.True(t, ok, "the policy package's error is kept as the Cause, got %#v", e.Cause)
	assert.Equal(t, 2, inner.Pos.Line, "positioned in the policy text too: the \\n escape starts its line 2")
	assert.Contains(t, e.Error(), `in.json:3:163: PolicyInputList[0]: PolicyInputList.1:2:108: Statement.Condition.NumericLessThan."s3:max-keys": "ten" is not a number`, "both places in the message")
	assert.ErrorIs(t, err, ErrPolicy)
	assert.True(t, errors.Is(err, policy.ErrValue), "the policy error's kind is found through the list")
}

func TestParseInputAccepts(t *testing.T) {
	t.Parallel()
	src := `{
  "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\"}}"],
  "PermissionsBoundaryPolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}"],
  "ActionNames": ["ec2:RunInstances"],
  "ResourceArns": [
    "arn:aws:ec2:us-east-1:111111111111:instance/*",
    "arn:aws:ec2:us-east-1::image/ami-1",
    "arn:aws:ec2:us-east-1:111111111111:security-group/sg-1",
    "arn:aws:ec2:us-east-1:111111111111:network-interface/*",
    "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-1"
  ],
  "ResourceOwner": "arn:aws:iam::111111111111:root",
  "CallerArn": "arn:aws:iam::111111111111:user/alice",
  "ContextEntries": [{"ContextKeyName": "ec2:InstanceType", "ContextKeyValues": ["t3.micro"], "ContextKeyType": "string"}],
  "ResourceHandlingOption": "EC2-VPC-InstanceStore-Subnet",
  "MaxItems": 100,
  "Marker": "2"
}`
	in, err := ParseInput([]byte(src), "in.json")
	require.NoError(t, err, "every parameter of SimulateCustomPolicyRequest")
	assert.Equal(t, 100, in.MaxItems)
	assert.Equal(t, "2", in.Marker)
	assert.Len(t, in.ResourceArns, 5)
	resp := simulateOK(t, in)
	assert.Len(t, resp.EvaluationResults, 3, "one result per resource, from the Marker on: the scenario does not merge them")
	assert.Equal(t, "arn:aws:ec2:us-east-1::image/ami-1", in.ResourceArns[1])
	assert.Equal(t, in.ResourceArns[2], resp.EvaluationResults[0].EvalResourceName, "Marker 2 starts at the third result")
	assert.False(t, resp.IsTruncated, "MaxItems 100 leaves nothing out")
}
