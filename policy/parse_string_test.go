package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseStringIsParse checks that ParseString reads a document as
// Parse does: the same statements, warnings and errors at the same
// positions, which is what lets lint.Check read one copy of the text.
func TestParseStringIsParse(t *testing.T) {
	t.Parallel()
	good := `{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
  "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}}}]}`
	p, err := Parse([]byte(good), Source{File: "p.json"})
	require.NoError(t, err)
	q, err := ParseString(good, Source{File: "p.json"})
	require.NoError(t, err)
	require.Len(t, q.Statements(), len(p.Statements()))
	assert.Equal(t, p.Statements()[0].Sid(), q.Statements()[0].Sid())
	assert.Equal(t, p.Statements()[0].Pos(), q.Statements()[0].Pos())
	assert.Equal(t, p.Warnings(), q.Warnings())

	bad := `{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "s3:GetObject", "Resource": "*"}]}`
	_, errBytes := Parse([]byte(bad), Source{File: "p.json"})
	_, errString := ParseString(bad, Source{File: "p.json"})
	require.Error(t, errString, "an Effect other than Allow or Deny is an error (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html)")
	assert.Equal(t, errBytes.Error(), errString.Error())
}
