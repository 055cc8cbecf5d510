package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/scenario"
)

// TestSessionTagsGivenOnce: "sessionTags" is the one spelling for every
// session kind, the older forms stay accepted, and a session's tags given
// both ways is an error rather than a silent choice
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
func TestSessionTagsGivenOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, principal, want string
	}{
		{"federated user, both spellings",
			`{"type": "FederatedUser", "account": "123456789012", "name": "Bob", "sessionTags": {"a": "1"}, "tags": {"a": "1"}}`,
			`give the session tags once: "sessionTags" or "tags", not both`},
		{"web identity, model and claim",
			`{"type": "WebIdentity", "roleArn": "arn:aws:iam::123456789012:role/W", "provider": "accounts.google.com", "sessionName": "app",
			  "claims": {"sub": "1", "https://aws.amazon.com/tags": {"principal_tags": {"a": ["1"]}}}, "sessionTags": {"a": "1"}}`,
			`give session tags once`},
		{"SAML, model and attribute",
			`{"type": "SAML", "roleArn": "arn:aws:iam::123456789012:role/S", "provider": "arn:aws:iam::123456789012:saml-provider/C", "sessionName": "alice",
			  "attributes": {"sub": "alice", "iss": "https://idp", "https://aws.amazon.com/SAML/Attributes/PrincipalTag:a": "1"}, "sessionTags": {"a": "1"}}`,
			`give session tags once`},
	}
	for _, tc := range tests {
		src := `[{"name": "c", "principal": ` + tc.principal + `, "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "resourceAccount": "123456789012"}]`
		f, err := scenario.Load("t.json", []byte(src), nil)
		require.Error(t, err, tc.name)
		require.Len(t, f.Cases, 1, tc.name)
		assert.Contains(t, f.Cases[0].Err.Error(), tc.want, tc.name)
	}
	for _, p := range []string{
		`{"type": "FederatedUser", "account": "123456789012", "name": "Bob", "tags": {"a": "1"}}`,
		`{"type": "WebIdentity", "roleArn": "arn:aws:iam::123456789012:role/W", "provider": "accounts.google.com", "sessionName": "app",
		  "claims": {"sub": "1", "https://aws.amazon.com/tags": {"principal_tags": {"a": ["1"]}}}}`,
	} {
		src := `[{"name": "c", "principal": ` + p + `, "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "resourceAccount": "123456789012"}]`
		_, err := scenario.Load("t.json", []byte(src), nil)
		assert.NoError(t, err, "the older spellings stay accepted: %s", p)
	}
}
