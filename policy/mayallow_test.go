package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// MayAllow over-approximates: it never says false where a request with
// the action and resource could be allowed (conditions and variables are
// taken to hold), and says false where the Action or Resource element
// rules the request out (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
func TestMayAllow(t *testing.T) {
	tests := []struct {
		name, doc, action, resource string
		want                        bool
	}{
		{"match", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, "s3:GetObject", "arn:aws:s3:::b/k", true},
		{"condition ignored", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}`, "s3:GetObject", "arn:aws:s3:::b/k", true},
		{"variable may hold", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}`, "s3:GetObject", "arn:aws:s3:::b/alice/k", true},
		{"other resource", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::c/*"}`, "s3:GetObject", "arn:aws:s3:::b/k", false},
		{"other action", `{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}`, "s3:GetObject", "arn:aws:s3:::b/k", false},
		{"deny grants nothing", `{"Effect":"Deny","Action":"*","Resource":"*"}`, "s3:GetObject", "arn:aws:s3:::b/k", false},
		{"NotResource may hold", `{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b/k"}`, "s3:GetObject", "arn:aws:s3:::b/k", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(`{"Version":"2012-10-17","Statement":[`+tt.doc+`]}`), Source{})
			require.NoError(t, err)
			r, err := NewRequest(RequestInput{Action: tt.action, Resource: tt.resource})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.MayAllow(&r))
			assert.False(t, p.MayAllow(&Request{}), "the zero Request may be allowed by nothing")
		})
	}
}
