package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnonymousServices holds the table of requests AWS accepts unsigned
// against a resource policy granting Principal "*".
func TestAnonymousServices(t *testing.T) {
	tests := []struct {
		name, action, resource string
		want                   Decision
		why                    string
	}{
		{"s3 object read", "s3:GetObject", "arn:aws:s3:::site/index.html", Allowed,
			"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
		{"sqs send", "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + acctA + ":q", Allowed,
			"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
		{"opensearch HTTP GET", "es:ESHttpGet", "arn:aws:es:us-east-1:" + acctA + ":domain/d/idx", Allowed,
			"IP-based policies allow unsigned requests: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html#ac-types-ip"},
		{"opensearch HTTP PUT, case ignored", "es:eshttpPUT", "arn:aws:es:us-east-1:" + acctA + ":domain/d/idx", Allowed,
			"action names ignore case: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"},
		{"opensearch configuration API", "es:UpdateDomainConfig", "arn:aws:es:us-east-1:" + acctA + ":domain/d", ImplicitDeny,
			"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-signing-service-requests.html"},
		{"mediastore read", "mediastore:GetObject", "arn:aws:mediastore:us-east-1:" + acctA + ":container/c/o", Allowed,
			"https://docs.aws.amazon.com/mediastore/latest/ug/policies-examples-public-https.html"},
		{"mediastore write", "mediastore:PutObject", "arn:aws:mediastore:us-east-1:" + acctA + ":container/c/o", ImplicitDeny,
			"only reads are documented public: https://docs.aws.amazon.com/mediastore/latest/ug/policies-examples-public-https.html"},
		{"api gateway invoke", "execute-api:Invoke", "arn:aws:execute-api:us-east-1:" + acctA + ":api/stage/GET/x", Allowed,
			"https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html"},
		{"lambda function URL", "lambda:InvokeFunctionUrl", "arn:aws:lambda:us-east-1:" + acctA + ":function:f", Allowed,
			"https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"},
		{"lambda invoke needs a signature", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + acctA + ":function:f", ImplicitDeny,
			"https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"},
		{"kms needs a signature", "kms:Decrypt", "arn:aws:kms:us-east-1:" + acctA + ":key/k", ImplicitDeny,
			"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := docs{resource: rallow(`"*"`, "*", "*")}.build(t)
			r, err := NewRequest(RequestInput{Principal: anon, Action: tc.action, Resource: tc.resource,
				ResourceAccount: acctA, Time: fixedTime, Context: ctxOf(t, "aws:SourceIp", "203.0.113.7", "aws:SecureTransport", "true")})
			require.NoError(t, err)
			assert.Equal(t, tc.want, Evaluate(ps, r), tc.why)
			if tc.want == ImplicitDeny {
				assert.Contains(t, Explain(ps, r).Reason, "https://docs.aws.amazon.com/", "the refusal names its source")
			}
		})
	}
}
