package iameval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRestrictPublicBuckets holds S3 Block Public Access
// RestrictPublicBuckets: a public bucket policy grants nothing outside the
// bucket owner's account except to AWS service principals
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
func TestRestrictPublicBuckets(t *testing.T) {
	t.Parallel()
	const obj = "arn:aws:s3:::site/index.html"
	publicPolicy := rallow(`"*"`, "s3:GetObject", "*")
	on := &S3BlockPublicAccess{Account: PublicAccessBlock{RestrictPublicBuckets: true}}
	tests := []struct {
		name     string
		bpa      *S3BlockPublicAccess
		who      string // "anon", "cross", "same", "service"
		want     Decision
		withheld bool
	}{
		{"anonymous, restricted", on, "anon", ImplicitDeny, true},
		{"anonymous, no settings", nil, "anon", Allowed, false},
		{"anonymous, other settings only", &S3BlockPublicAccess{Bucket: PublicAccessBlock{BlockPublicPolicy: true, BlockPublicAcls: true, IgnorePublicAcls: true}}, "anon", Allowed, false},
		{"access point level", &S3BlockPublicAccess{AccessPoint: PublicAccessBlock{RestrictPublicBuckets: true}}, "anon", ImplicitDeny, true},
		{"cross-account, restricted", on, "cross", ImplicitDeny, true},
		{"same account keeps access", on, "same", Allowed, false},
		{"service principal keeps access", on, "service", Allowed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := RequestInput{Action: "s3:GetObject", Resource: obj, ResourceAccount: acctA, Time: fixedTime, S3BlockPublicAccess: tc.bpa,
				Context: ctxOf(t, "aws:SecureTransport", "true", "aws:SourceIp", "203.0.113.7")}
			d := docs{resource: publicPolicy}
			switch tc.who {
			case "anon":
				in.Principal = anon
			case "cross":
				in.Principal = bobB
				d.identity = []string{allow("s3:*", "*")}
			case "same":
				in.Principal = alice
			case "service":
				in.Principal = lambdaSvc
			}
			ps := d.build(t)
			r, err := NewRequest(in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, Evaluate(ps, r))
			x := Explain(ps, r)
			assert.Equal(t, tc.want, x.Decision)
			if tc.withheld {
				require.Len(t, x.Withheld, 1)
				assert.Contains(t, x.Withheld[0], "RestrictPublicBuckets", "the explanation names the rule")
				assert.Contains(t, x.String(), "withheld: ")
			} else {
				assert.Empty(t, x.Withheld)
			}
		})
	}
}
