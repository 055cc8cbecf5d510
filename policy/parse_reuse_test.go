package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRepeatedElementsShareEntries checks that statements whose Action
// and Resource elements are written alike share compiled entries, and
// that the shared entries match as their own would.
func TestRepeatedElementsShareEntries(t *testing.T) {
	t.Parallel()
	src := `{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"},
{"Effect":"Deny","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"},
{"Effect":"Allow","NotAction":["s3:GetObject","s3:PutObject"],"NotResource":"arn:aws:s3:::b/*"}]}`
	pol, err := Parse([]byte(src), Source{Type: Identity})
	require.NoError(t, err)
	s := pol.stmts
	require.Len(t, s, 3)
	assert.Same(t, &s[0].actions.entries[0], &s[1].actions.entries[0], "same Action text, same entries")
	assert.Same(t, &s[0].resources.entries[0], &s[2].resources.entries[0], "same Resource text, same entries")
	assert.False(t, s[0].actions.not)
	assert.True(t, s[2].actions.not, "NotAction keeps its own sense with shared entries")
	assert.True(t, s[2].resources.not, "NotResource keeps its own sense with shared entries")
}

// TestRepeatedElementsReportEach checks that an element repeated with a
// problem is reported at each place it is written, not only the first:
// every problem is reported at once
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_policy-validator.html).
func TestRepeatedElementsReportEach(t *testing.T) {
	t.Parallel()
	src := `{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":["s3:GetObject",5,"nocolon"],"Resource":["arn:aws:s3:::b",""]},
{"Effect":"Allow","Action":["s3:GetObject",5,"nocolon"],"Resource":["arn:aws:s3:::b",""]}]}`
	_, err := Parse([]byte(src), Source{Type: Identity})
	require.Error(t, err)
	want := []string{
		"<input>:2:44: Statement[0].Action[1]: expected a string, found number",
		"<input>:2:46: Statement[0].Action[2]: expected \"*\" or \"service:action\", found \"nocolon\"",
		"<input>:2:86: Statement[0].Resource[1]: expected a non-empty string, found \"\"",
		"<input>:3:44: Statement[1].Action[1]: expected a string, found number",
		"<input>:3:46: Statement[1].Action[2]: expected \"*\" or \"service:action\", found \"nocolon\"",
		"<input>:3:86: Statement[1].Resource[1]: expected a non-empty string, found \"\"",
	}
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		got = append(got, e.Error())
	}
	assert.Equal(t, want, got)

	warn := `{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":"s*:GetObject","Resource":"arn:aws:s3:::b"},
{"Effect":"Allow","Action":"s*:GetObject","Resource":"arn:aws:s3:::b"}]}`
	pol, err := Parse([]byte(warn), Source{Type: Identity})
	require.NoError(t, err)
	assert.Len(t, pol.Warnings(), 2, "the service wildcard is reported in both statements")
}
