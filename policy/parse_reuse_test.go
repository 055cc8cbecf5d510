package policy

import (
	"fmt"
	"strings"
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
	assert.Same(t, &s[0].actions.entries()[0], &s[1].actions.entries()[0], "same Action text, same entries")
	assert.Same(t, &s[0].resources.entries()[0], &s[2].resources.entries()[0], "same Resource text, same entries")
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

// TestAlternatingElementsShareEntries checks that a list is shared when
// other lists were compiled in between, as in policies that alternate an
// Allow list and a Deny list, and that more distinct lists than are
// remembered still compile correctly.
func TestAlternatingElementsShareEntries(t *testing.T) {
	t.Parallel()
	var b []byte
	b = append(b, `{"Version":"2012-10-17","Statement":[`...)
	lists := []string{`["s3:GetObject"]`, `["s3:PutObject","s3:DeleteObject"]`, `"s3:ListBucket"`, `["ec2:*"]`, `["iam:PassRole"]`}
	order := []int{0, 1, 0, 2, 1, 3, 4, 0}
	for i, l := range order {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"Effect":"Allow","Action":`+lists[l]+`,"Resource":"*"}`...)
	}
	b = append(b, "]}"...)
	pol, err := Parse(b, Source{Type: Identity})
	require.NoError(t, err)
	s := pol.stmts
	assert.Same(t, &s[0].actions.entries()[0], &s[2].actions.entries()[0], "A, B, A: the second A shares the first")
	assert.Same(t, &s[1].actions.entries()[0], &s[4].actions.entries()[0], "B after A and C is shared")
	for i, l := range order {
		want, err := Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":`+lists[l]+`,"Resource":"*"}}`), Source{Type: Identity})
		require.NoError(t, err)
		got := s[i].actions.entries()
		require.Len(t, got, len(want.stmts[0].actions.entries()), "statement %d", i)
		for j := range got {
			assert.Equal(t, want.stmts[0].actions.entries()[j].full(), got[j].full(), "statement %d entry %d", i, j)
			assert.Equal(t, want.stmts[0].actions.entries()[j].service(), got[j].service(), "statement %d entry %d", i, j)
		}
	}
}

// TestRepeatedConditionBlocks checks that an operator block repeated in
// later statements reuses the compiled clauses with the key positions of
// its own statement, and that a repeated block with a warning is reported
// at each place (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
func TestRepeatedConditionBlocks(t *testing.T) {
	t.Parallel()
	stmt := `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"IpAddress":{"aws:SourceIp":"%s"}}}`
	src := `{"Version":"2012-10-17","Statement":[` +
		fmt.Sprintf(stmt, "10.0.0.0/8") + ",\n  " + fmt.Sprintf(stmt, "10.1.0.0/16") + ",\n" + fmt.Sprintf(stmt, "10.0.0.0/8") + `]}`
	pol, err := Parse([]byte(src), Source{Type: Identity})
	require.NoError(t, err)
	s := pol.stmts
	require.Len(t, s, 3)
	for i, st := range s {
		require.Len(t, st.clauseOffsets(), 2, "statement %d", i)
		assert.Equal(t, 2, st.cond.Len(), "statement %d", i)
		text := src[st.off:]
		assert.Equal(t, int(st.off)+strings.Index(text, `"aws:SecureTransport"`), int(st.clauseOffsets()[0]), "statement %d: Bool key offset", i)
		assert.Equal(t, int(st.off)+strings.Index(text, `"aws:SourceIp"`), int(st.clauseOffsets()[1]), "statement %d: IpAddress key offset", i)
	}

	warn := `{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{}}},
{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"stringequals":{"aws:username":"a"}}},
{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"stringequals":{"aws:username":"a"}}}]}`
	pol, err = Parse([]byte(warn), Source{Type: Identity})
	require.NoError(t, err)
	var got []string
	for _, w := range pol.Warnings() {
		got = append(got, w.Error())
	}
	assert.Equal(t, []string{
		`<input>:2:86: warning: Statement[0].Condition.StringEquals: operator "StringEquals" has no condition keys: it is always true`,
		`<input>:3:71: warning: Statement[1].Condition.stringequals: operator "stringequals" is spelled "StringEquals" by AWS`,
		`<input>:4:71: warning: Statement[2].Condition.stringequals: operator "stringequals" is spelled "StringEquals" by AWS`,
	}, got)
}
