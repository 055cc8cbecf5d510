package iameval

import (
	"strconv"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// PublicAccessBlock is one level of Amazon S3 Block Public Access settings
// (PublicAccessBlockConfiguration;
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options).
type PublicAccessBlock struct {
	// BlockPublicAcls rejects requests that set public ACLs; ACLs are not
	// modelled, so it does not change a decision.
	BlockPublicAcls bool `json:"blockPublicAcls,omitempty"`
	// IgnorePublicAcls ignores public ACLs; ACLs are not modelled.
	IgnorePublicAcls bool `json:"ignorePublicAcls,omitempty"`
	// BlockPublicPolicy rejects PutBucketPolicy calls whose new policy is
	// public; the request does not carry the new policy, so it does not
	// change a decision.
	BlockPublicPolicy bool `json:"blockPublicPolicy,omitempty"`
	// RestrictPublicBuckets restricts a bucket with a public policy to AWS
	// service principals and principals of the bucket owner's account: the
	// bucket policy grants nothing to anyone else (cross-account callers
	// and anonymous callers), even through its non-public statements.
	RestrictPublicBuckets bool `json:"restrictPublicBuckets,omitempty"`
}

// S3BlockPublicAccess holds the Block Public Access settings that govern a
// request on an S3 bucket or object: the bucket owner's account, the
// bucket, and the access point the request goes through. A setting is on
// when any level turns it on ("If you apply a setting to an account, it
// applies to all buckets and access points that are owned by that
// account").
type S3BlockPublicAccess struct {
	Account     PublicAccessBlock `json:"account"`
	Bucket      PublicAccessBlock `json:"bucket"`
	AccessPoint PublicAccessBlock `json:"accessPoint"`
}

// restrictsPublicBuckets reports whether RestrictPublicBuckets is on at
// some level.
func (b *S3BlockPublicAccess) restrictsPublicBuckets() bool {
	return b != nil && (b.Account.RestrictPublicBuckets || b.Bucket.RestrictPublicBuckets || b.AccessPoint.RestrictPublicBuckets)
}

// restrictPublicApplies reports whether RestrictPublicBuckets can withhold
// the bucket policy's grants from this request: it is on, the resource is
// an S3 bucket or object, and the caller is neither a principal of the
// bucket owner's account nor an AWS service principal
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
// Whether the policy is public is decided when it is evaluated.
func restrictPublicApplies(b *S3BlockPublicAccess, f *facts, res arn.ARN, hasARN bool) bool {
	return b.restrictsPublicBuckets() && f.service == "s3" && hasARN && res.Service == "s3" &&
		!f.sameAccount && f.kind != principal.KindService
}

// withholdPublic applies RestrictPublicBuckets to a bucket policy: when it
// is public, its grants do not count. It returns the public statement, or
// nil when the policy is not public.
func withholdPublic(p *policy.Policy, st *state) *policy.Statement {
	pub := p.PublicStatement()
	if pub != nil {
		st.have &^= litRP
	}
	return pub
}

// withheldPublic explains grants withheld by RestrictPublicBuckets.
func withheldPublic(pub *policy.Statement) string {
	at := pub.Pos()
	return "S3 Block Public Access (RestrictPublicBuckets) withheld the bucket policy's grants: the policy is public " +
		"(statement " + strconv.Itoa(pub.Index()) + " at line " + strconv.Itoa(at.Line) + " grants to everyone without a condition on a fixed principal, source or network), " +
		"so only AWS service principals and principals of the bucket owner's account may use it " +
		"(https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status)"
}
