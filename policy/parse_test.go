package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// TestParseAccessors checks what a parsed policy and its statements
// report.
func TestParseAccessors(t *testing.T) {
	t.Parallel()
	src := lines(`{`,
		`  "Version": "2012-10-17",`,
		`  "Id": "doc-id",`,
		`  "Statement": [`,
		`    {"Sid": "One", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"},`,
		`    {`,
		`      "Effect": "Deny",`,
		`      "Principal": "*",`,
		`      "Action": "s3:DeleteObject"`,
		`    }`,
		`  ]`,
		`}`)
	p, err := Parse([]byte(src), Source{ID: "BucketPolicy", File: "bucket.json", Type: Resource})
	require.NoError(t, err)
	assert.Equal(t, "BucketPolicy", p.ID())
	assert.Equal(t, "doc-id", p.DocumentID())
	assert.Equal(t, Resource, p.Type())
	assert.Equal(t, "bucket.json", p.File())
	assert.Equal(t, Version2012, p.Version())
	assert.Nil(t, p.Warnings())

	st := p.Statements()
	require.Len(t, st, 2)
	assert.Equal(t, 0, st[0].Index())
	assert.Equal(t, "One", st[0].Sid())
	assert.Equal(t, Allow, st[0].Effect())
	assert.Equal(t, diag.Position{File: "bucket.json", Offset: 68, Line: 5, Column: 5}, st[0].Pos())
	assert.Equal(t, diag.Position{File: "bucket.json", Offset: 144, Line: 5, Column: 81}, st[0].End(), "End is the closing brace")
	assert.Equal(t, 1, st[1].Index())
	assert.Equal(t, "", st[1].Sid())
	assert.Equal(t, Deny, st[1].Effect())
	assert.Equal(t, "6:5", lc(st[1].Pos()))
	assert.Equal(t, "10:5", lc(st[1].End()))
	assert.Same(t, p, st[1].Policy())

	st[0] = nil
	assert.NotNil(t, p.Statements()[0], "Statements returns a copy")

	q, err := Parse([]byte(src), Source{Type: Resource})
	require.NoError(t, err)
	assert.Equal(t, "", q.ID(), "the ID is the caller's name for the policy")
	assert.Equal(t, "doc-id", q.DocumentID())
	assert.Equal(t, "<input>:5:5", q.Statements()[0].Pos().String())
}

// lc formats the line and column of a position.
func lc(p diag.Position) string {
	s := p.String()
	return s[len(p.File)+1:]
}

// TestParseEmbedded checks Source.Base: a policy embedded in a larger file
// reports positions in that file (scenario files).
func TestParseEmbedded(t *testing.T) {
	t.Parallel()
	file := "{\n  \"policy\": {\"Statement\": {\"Effect\": \"allow\",\n    \"Action\": \"s3:*\", \"Resource\": \"*\"}}}"
	start := 14 // the policy's opening brace: line 2, column 13
	end := len(file) - 1
	src := []byte(file[start:end])
	base := diag.Position{File: "scenario.json", Offset: start, Line: 2, Column: 13}

	_, err := Parse(src, Source{Base: base})
	require.Error(t, err)
	assert.Equal(t, `scenario.json:2:38: Statement.Effect: expected "Allow" or "Deny", found "allow"`, err.Error())
	var list diag.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Equal(t, `"allow"`, file[list[0].Pos.Offset:list[0].Pos.Offset+7], "Offset is an offset into the file")

	fixed := []byte(file[start:end])
	copy(fixed[26:], "Allow")
	p, err := Parse(fixed, Source{File: "scenario.json", Base: base})
	require.NoError(t, err)
	assert.Equal(t, diag.Position{File: "scenario.json", Offset: 28, Line: 2, Column: 27}, p.Statements()[0].Pos())
	assert.Equal(t, "3:38", lc(p.Statements()[0].End()))

	_, err = Parse([]byte(`{"Statement": [}`), Source{File: "s.json", Base: diag.Position{Offset: 100, Line: 7, Column: 3}})
	assert.EqualError(t, err, `s.json:7:18: invalid JSON: invalid character '}' looking for beginning of value`, "syntax errors are positioned in the file too")
}

// TestParseColumnsCountCharacters checks that columns count characters,
// not bytes.
func TestParseColumnsCountCharacters(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte(`{"Id": "é✓", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "x"}}`), Source{})
	assert.EqualError(t, err, `<input>:1:2: warning: Id: "Id" is allowed in resource-based policies, not in identity-based policies; it is ignored`+"\n"+
		`<input>:1:77: Statement.Resource: expected "*" or an ARN (arn:partition:service:region:account:resource), found "x"`,
		"the warning comes with the error, in one run")
}

// TestParseForms checks that equivalent forms compile alike (reference_policies_grammar.md).
func TestParseForms(t *testing.T) {
	t.Parallel()
	forms := []string{
		`{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
		`{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*"]}]}`,
		`{"Resource": "arn:aws:s3:::b/*", "Statement": [{"Resource": ["arn:aws:s3:::b/*"], "Action": ["s3:GetObject"], "Effect": "Allow"}], "Version": "2008-10-17"}`,
	}
	for _, f := range forms[2:] {
		_, err := Parse([]byte(f), Source{})
		assert.ErrorIs(t, err, ErrUnknownElement, "Resource is not a top-level element")
	}
	forms[2] = `{"Statement": [{"Resource": ["arn:aws:s3:::b/*"], "Action": ["s3:GetObject"], "Effect": "Allow"}], "Version": "2008-10-17"}`
	for _, f := range forms {
		p := mustParse(t, Identity, f)
		for _, tc := range []struct {
			res  string
			want bool
		}{{"arn:aws:s3:::b/k", true}, {"arn:aws:s3:::c/k", false}} {
			r := newRequest(t, alice(t), "s3:GetObject", tc.res, nil)
			assert.Equal(t, tc.want, p.Eval(r, nil).Allow, "%s on %s", f, tc.res)
		}
	}
}

// TestParseVersionMissing checks reference_policies_elements_version.md: without Version, 2008-10-17
// behaviour.
func TestParseVersionMissing(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`)
	assert.Equal(t, "", p.Version())
	assert.Equal(t, Version2008, mustParse(t, Identity, `{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`).Version())
}

// TestParseRCPFullAWSAccess checks that the AWS-managed RCP is accepted
// (access_policies.md) and applies to every caller.
func TestParseRCPFullAWSAccess(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}`,
		`{"Version": "2012-10-17", "Statement": [{"Sid": "RCPFullAWSAccess", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["*"], "Resource": ["*"]}]}`,
	} {
		p, err := Parse([]byte(src), Source{Type: RCP})
		require.NoError(t, err, src)
		r := newRequest(t, callerAnonymous(t), "s3:GetObject", "arn:aws:s3:::b/k", nil)
		assert.Equal(t, Outcome{Allow: true, AllowDirect: true}, p.Eval(r, nil))
	}
	deny := `{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",` +
		` "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-123"}}}}`
	_, err := Parse([]byte(deny), Source{Type: RCP})
	assert.NoError(t, err, "a custom Deny RCP")
}

// TestParseInvalidType checks that an undeclared Type is rejected.
func TestParseInvalidType(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte(`{}`), Source{Type: Type(42)})
	assert.EqualError(t, err, "<input>:1:1: unknown policy type 42")
	assert.ErrorIs(t, err, ErrValue)
}
