package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPublicStatement holds Amazon S3's "meaning of public" for bucket
// policies
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
func TestPublicStatement(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, stmt string
		public     bool
	}{
		{"Principal *", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`, true},
		{"AWS *", `{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*"}`, true},
		{"Federated (S3's example)", `{"Effect":"Allow","Principal":{"Federated":"graph.facebook.com"},"Action":"s3:PutObject","Resource":"*"}`, true},
		{"fixed account", `{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}`, false},
		{"service principal", `{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}`, false},
		{"NotPrincipal Allow", `{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}`, true},
		{"Deny * is never public", `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}`, false},
		{"fixed SourceVpc", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-91237329"}}}`, false},
		{"wildcard SourceVpc (S3's example)", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:SourceVpc":"vpc-*"}}}`, true},
		{"variable SourceArn", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnEquals":{"aws:SourceArn":"${aws:PrincipalArn}"}}}`, true},
		{"negated operator", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}}`, true},
		{"IfExists lets the key be absent", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"111122223333"}}}`, true},
		{"unlisted key", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"home/"}}}`, true},
		{"narrow SourceIp", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/48"]}}}`, false},
		{"broad IPv4 SourceIp", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/1"}}}`, true},
		{"broad IPv6 SourceIp", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"2001::/16"}}}`, true},
		{"NotIpAddress", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}`, true},
		{"userid of one user", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:userid":"AIDAEXAMPLE"}}}`, false},
		{"userid AROLEID:*", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:userid":"AROAEXAMPLE:*"}}}`, true},
		{"access points of one account", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:DataAccessPointArn":"arn:aws:s3:us-west-2:123456789012:accesspoint/*"}}}`, false},
		{"access points of any account", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:DataAccessPointArn":"arn:aws:s3:us-west-2:*:accesspoint/*"}}}`, true},
		{"PrincipalOrgID", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(`{"Version":"2012-10-17","Statement":[`+tc.stmt+`]}`), Source{Type: Resource})
			require.NoError(t, err)
			assert.Equal(t, tc.public, p.PublicStatement() != nil)
		})
	}
	var nilPolicy *Policy
	assert.Nil(t, nilPolicy.PublicStatement())
}
