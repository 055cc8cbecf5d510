package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/policy"
)

// TestFindingPaths pins the path of a finding in each place one can be:
// the statement itself, an element's key, an entry of an element's array
// and a condition key, in a document whose Statement is one object and in
// one whose Statement is an array. Statements keep their index and make
// these paths only for a finding (issue 15). The rules are Access
// Analyzer's (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
func TestFindingPaths(t *testing.T) {
	t.Parallel()
	paths := func(doc string) map[string]string {
		out := map[string]string{}
		for _, f := range CheckString(doc, policy.Source{File: "f", Type: policy.Identity}) {
			if _, seen := out[f.Code]; !seen { // the first of each code
				out[f.Code] = f.Path + ": " + f.Message
			}
		}
		return out
	}
	single := paths(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:s3:::b/*","Principal":{"AWS":"*"}}}`)
	assert.Equal(t, "Statement.NotAction", cut(single[codeAllowNotAction]))
	assert.Equal(t, "Statement.NotResource", cut(single[codeAllowNotResource]))

	list := paths(`{"Version":"2012-10-17","Statement":[
	  {"Effect":"Allow","Action":["s3:GetObject","s3:getobject","s3:Get*"],"Resource":["*","arn:aws:s3:::b"]},
	  {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
	  {"Effect":"Deny","Action":"s3:*","Resource":"*"},
	  {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"maybe"}}}]}`)
	assert.Equal(t, "Statement[0]: the statement never allows anything: Statement[2] denies every action and resource it covers, without a condition", list[codeShadowed])
	assert.Equal(t, "Statement[1]: the statement is redundant: Statement[0] has the same effect on every action and resource it covers", list[codeRedundantStatement])
	assert.Equal(t, "Statement[0].Resource[1]", cut(list["REDUNDANT_RESOURCE"]))
	assert.Equal(t, `Statement[3].Condition.Bool."aws:SecureTransport"`, cut(list["INVALID_VALUE"]))
}

// cut returns the path of a "path: message" line.
func cut(s string) string {
	for i := range len(s) - 1 {
		if s[i] == ':' && s[i+1] == ' ' {
			return s[:i]
		}
	}
	return s
}
