package iamtest

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// tagPolicy allows reading blue-bucket to principals tagged Project=blue;
// session tags become aws:PrincipalTag keys of every session kind
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
const tagPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::blue-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/Project": "blue"}}}]}`

// TestPrincipalBuilders: every session kind takes session tags the same
// way, and each one's tags decide the request.
func TestPrincipalBuilders(t *testing.T) {
	t.Parallel()
	ps := IdentitySet(t, tagPolicy)
	ps.Session = []*policy.Policy{Policy(t, policy.Session, tagPolicy)} // a federated user is limited by its session policy too
	blue := map[string]string{"Project": "blue"}
	red := map[string]string{"Project": "red"}
	const role = "arn:aws:iam::123456789012:role/Dev"
	const obj = "arn:aws:s3:::blue-bucket/a.txt"
	for _, tc := range []struct {
		name      string
		blue, red principal.Principal
	}{
		{"IAM user", User(t, "arn:aws:iam::123456789012:user/pat", blue), User(t, "arn:aws:iam::123456789012:user/pat", red)},
		{"role session", RoleSession(t, role, "pat", blue), RoleSession(t, role, "pat", red)},
		{"web identity", WebIdentitySession(t, role, "accounts.google.com", map[string]string{"sub": "1", "aud": "app"}, blue),
			WebIdentitySession(t, role, "accounts.google.com", map[string]string{"sub": "1", "aud": "app"}, red)},
		{"SAML", SAMLSession(t, role, "arn:aws:iam::123456789012:saml-provider/Corp", map[string]string{"sub": "pat", "iss": "https://idp.example"}, blue),
			SAMLSession(t, role, "arn:aws:iam::123456789012:saml-provider/Corp", map[string]string{"sub": "pat", "iss": "https://idp.example"}, red)},
		{"federated user", FederatedUser(t, "arn:aws:iam::123456789012:user/manager", "Bob", blue), FederatedUser(t, "arn:aws:iam::123456789012:user/manager", "Bob", red)},
	} {
		assert.True(t, Allowed(t, ps, RequestFor(t, tc.blue, "s3:GetObject", obj, nil)), tc.name)
		assert.True(t, Denied(t, ps, RequestFor(t, tc.red, "s3:GetObject", obj, nil)), tc.name)
	}
}

// TestPrincipalBuildersFail: facts that make no principal, and context values of
// an unsupported type, stop the test with the reason.
func TestPrincipalBuildersFail(t *testing.T) {
	t.Parallel()
	f, finished := capture(func(t testing.TB) { RoleSession(t, "arn:aws:iam::123456789012:user/notarole", "pat", nil) })
	assert.False(t, finished)
	require.Len(t, f.entries(), 1)
	assert.Contains(t, f.entries()[0].msg, "invalid role session:")
	f, finished = capture(func(t testing.TB) { Context(t, map[string]any{"aws:SourceIp": struct{}{}}) })
	assert.False(t, finished)
	require.Len(t, f.entries(), 1)
	assert.Contains(t, f.entries()[0].msg, `context key "aws:SourceIp": unsupported type struct {}`)
	f, finished = capture(func(t testing.TB) { PolicyFile(t, 0, "testdata/none.json") })
	assert.False(t, finished)
	assert.Contains(t, f.entries()[0].msg, "cannot read policy file")
}

// TestContextTypes: typed and multivalued values reach the conditions that
// read them as AWS writes them: dates as ISO 8601, booleans as true/false,
// numbers in decimal, lists as multivalued keys
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func TestContextTypes(t *testing.T) {
	t.Parallel()
	ps := IdentitySet(t, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": {
	  "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
	  "Bool": {"aws:SecureTransport": "true"},
	  "NumericLessThan": {"s3:max-keys": "10"},
	  "IpAddress": {"aws:SourceIp": "192.0.2.0/24"},
	  "ForAllValues:StringEquals": {"aws:TagKeys": ["team", "cost"]}}}]}`)
	who := User(t, "arn:aws:iam::123456789012:user/pat", nil)
	ok := map[string]any{
		"aws:CurrentTime":     time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600)),
		"aws:SecureTransport": true,
		"s3:max-keys":         7,
		"aws:SourceIp":        netip.MustParseAddr("192.0.2.7"),
		"aws:TagKeys":         []string{"team", "cost"},
	}
	assert.True(t, Allowed(t, ps, RequestFor(t, who, "s3:PutObject", "arn:aws:s3:::b/k", ok)))
	for key, bad := range map[string]any{"aws:SecureTransport": false, "s3:max-keys": 12.5, "aws:TagKeys": []string{"team", "owner"}} {
		ctx := map[string]any{}
		for k, v := range ok {
			ctx[k] = v
		}
		ctx[key] = bad
		assert.True(t, Denied(t, ps, RequestFor(t, who, "s3:PutObject", "arn:aws:s3:::b/k", ctx)), key)
	}
}

// TestPolicyFile keeps the file name for positions in explanations.
func TestPolicyFile(t *testing.T) {
	t.Parallel()
	p := PolicyFile(t, 0, "testdata/policy.json")
	require.NotNil(t, p)
	require.NotEmpty(t, p.Statements())
	assert.Equal(t, "testdata/policy.json", p.Statements()[0].Pos().File)
	assert.Equal(t, 3, p.Statements()[0].Pos().Line)
}
