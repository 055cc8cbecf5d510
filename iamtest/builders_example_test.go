package iamtest_test

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/iamtest"
	"github.com/iameval/iameval/policy"
)

// tagPolicy lets a caller read the folder of its Project principal tag,
// the pattern of
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html.
const tagPolicy = `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::projects/${aws:PrincipalTag/Project}/*"}]}`

func ExampleUser() {
	var t testing.TB = printT{} // in a test: the *testing.T
	ps := iamtest.IdentitySet(t, tagPolicy)
	pat := iamtest.User(t, "arn:aws:iam::123456789012:user/staff/pat", map[string]string{"Project": "blue"})
	fmt.Println(pat.Kind(), pat.ARN())
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, pat, "s3:GetObject", "arn:aws:s3:::projects/blue/plan.txt", nil)))
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, pat, "s3:GetObject", "arn:aws:s3:::projects/red/plan.txt", nil)))
	// Output:
	// IAMUser arn:aws:iam::123456789012:user/staff/pat
	// allowed
	// implicitDeny
}

func ExampleRoleSession() {
	var t testing.TB = printT{}
	ps := iamtest.IdentitySet(t, tagPolicy)
	// Session tags are principal tags for the session's requests
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
	s := iamtest.RoleSession(t, "arn:aws:iam::123456789012:role/ops/Deploy", "build-42", map[string]string{"Project": "red"})
	fmt.Println(s.ARN())
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, s, "s3:GetObject", "arn:aws:s3:::projects/red/plan.txt", nil)))
	// Output:
	// arn:aws:sts::123456789012:assumed-role/Deploy/build-42
	// allowed
}

func ExampleWebIdentitySession() {
	var t testing.TB = printT{}
	// The provider's claims are condition keys such as
	// accounts.google.com:sub
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html).
	ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::users/${accounts.google.com:sub}/*"}]}`)
	s := iamtest.WebIdentitySession(t, "arn:aws:iam::123456789012:role/WebApp", "accounts.google.com",
		map[string]string{"sub": "110", "aud": "app.example.com"}, nil)
	fmt.Println(s.ARN())
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, s, "s3:GetObject", "arn:aws:s3:::users/110/photo.png", nil)))
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, s, "s3:GetObject", "arn:aws:s3:::users/111/photo.png", nil)))
	// Output:
	// arn:aws:sts::123456789012:assumed-role/WebApp/web-identity
	// allowed
	// implicitDeny
}

func ExampleSAMLSession() {
	var t testing.TB = printT{}
	ps := iamtest.IdentitySet(t, tagPolicy)
	s := iamtest.SAMLSession(t, "arn:aws:iam::123456789012:role/Analyst", "arn:aws:iam::123456789012:saml-provider/Corp",
		map[string]string{"sub": "jdoe", "iss": "https://idp.example.com"}, map[string]string{"Project": "blue"})
	fmt.Println(s.ARN())
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, s, "s3:GetObject", "arn:aws:s3:::projects/blue/plan.txt", nil)))
	// Output:
	// arn:aws:sts::123456789012:assumed-role/Analyst/jdoe
	// allowed
}

func ExampleFederatedUser() {
	var t testing.TB = printT{}
	// A federated user's requests need both the calling user's policies
	// and the session policy passed to GetFederationToken
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html).
	ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`)
	ps.Session = []*policy.Policy{iamtest.Policy(t, policy.Session, `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`)}
	bob := iamtest.FederatedUser(t, "arn:aws:iam::123456789012:user/token-app", "Bob", nil)
	fmt.Println(bob.ARN())
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, bob, "s3:GetObject", "arn:aws:s3:::reports/q1.csv", nil)))
	fmt.Println(iameval.Evaluate(ps, iamtest.RequestFor(t, bob, "s3:PutObject", "arn:aws:s3:::reports/q1.csv", nil)))
	// Output:
	// arn:aws:sts::123456789012:federated-user/Bob
	// allowed
	// implicitDeny
}

func ExampleRequestFor() {
	var t testing.TB = printT{}
	ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [{
  "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
  "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "Bool": {"aws:SecureTransport": "true"}}}]}`)
	pat := iamtest.User(t, "arn:aws:iam::123456789012:user/pat", nil)
	office := iamtest.RequestFor(t, pat, "s3:GetObject", "arn:aws:s3:::reports/q1.csv",
		map[string]any{"aws:SourceIp": netip.MustParseAddr("203.0.113.7"), "aws:SecureTransport": true})
	cafe := iamtest.RequestFor(t, pat, "s3:GetObject", "arn:aws:s3:::reports/q1.csv",
		map[string]any{"aws:SourceIp": netip.MustParseAddr("198.51.100.9"), "aws:SecureTransport": true})
	fmt.Println(iameval.Evaluate(ps, office))
	fmt.Println(iameval.Evaluate(ps, cafe))
	// Output:
	// allowed
	// implicitDeny
}

func ExampleContext() {
	var t testing.TB = printT{}
	c := iamtest.Context(t, map[string]any{
		"aws:CurrentTime":         time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600)),
		"aws:MultiFactorAuthAge":  90,
		"aws:SecureTransport":     false,
		"aws:TagKeys":             []string{"Project", "Team"},
		"ec2:ResourceTag/Project": "blue",
	})
	// Condition key names ignore case, so the context keeps them in
	// lower case; dates are written in UTC as AWS writes them.
	for _, k := range c.Keys() {
		v, _ := c.LookupKey(k)
		fmt.Println(k, v)
	}
	iamtest.Context(t, map[string]any{"aws:SourceVpc": struct{}{}})
	// Output:
	// aws:currenttime 2026-01-02T02:04:05Z
	// aws:multifactorauthage 90
	// aws:securetransport false
	// aws:tagkeys [Project, Team]
	// ec2:resourcetag/project blue
	// FATAL context key "aws:SourceVpc": unsupported type struct {} (want string, []string, bool, int, int64, float64, time.Time or netip.Addr)
}
