// Package iamtest helps a project test its own AWS IAM policies with
// `go test`: assertions on decisions that print the engine's explanation
// when they fail, builders that keep a test short, and runners that turn
// scenario files into subtests.
//
// The helpers take a [testing.TB] (a *testing.T, *testing.B or *testing.F)
// and report through it like testify's assert package: an assertion
// calls t.Errorf and returns false, so the test goes on; a builder that
// cannot build calls t.Fatalf, since nothing after it can run. Every
// helper marks itself with t.Helper, so failures point at the test's line.
//
//	func TestReports(t *testing.T) {
//		ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [
//		  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}`)
//		pat := "arn:aws:iam::123456789012:user/pat"
//		iamtest.Allowed(t, ps, iamtest.Request(t, pat, "s3:GetObject", "arn:aws:s3:::reports/q1.csv", nil))
//		iamtest.Denied(t, ps, iamtest.Request(t, pat, "s3:PutObject", "arn:aws:s3:::reports/q1.csv", nil))
//	}
//
// A failed assertion reads
//
//	want allowed, got implicitDeny
//	implicitDeny: IAMUser arn:aws:iam::123456789012:user/pat s3:PutObject on ...
//	  no allow in: identity
//	  closest statements: ...
//
// The assertions return whether they held, so they combine with testify:
// require.True(t, iamtest.Allowed(t, ps, r)) stops the test at a wrong
// decision.
//
// Builders cover every kind of principal and the request context without
// error handling: [User], [RoleSession], [WebIdentitySession],
// [SAMLSession] and [FederatedUser] take session tags in the one model
// every session kind shares; [RequestFor] and [Context] take typed and
// multivalued context values (time.Time, bool, numbers, netip.Addr,
// []string); [PolicyFile] parses a policy file keeping its name for
// positions:
//
//	ps := &iameval.PolicySet{Identity: []*policy.Policy{iamtest.PolicyFile(t, policy.Identity, "policies/dev.json")}}
//	dev := iamtest.RoleSession(t, "arn:aws:iam::123456789012:role/Dev", "pat", map[string]string{"Project": "blue"})
//	iamtest.Allowed(t, ps, iamtest.RequestFor(t, dev, "s3:GetObject", "arn:aws:s3:::blue/a.txt",
//		map[string]any{"aws:SecureTransport": true, "aws:CurrentTime": time.Now()}))
//
// Scenario files (package scenario documents the format) run as subtests,
// one per file and one per case, each failing with the case's position
// and explanation; a case that cannot run fails alone and the others run:
//
//	func TestPolicies(t *testing.T) {
//		iamtest.RunScenarioFiles(t, "testdata/*.json")
//	}
//
// and [Coverage] measures which statements and condition clauses of those
// files decided no case (see [scenario.Coverage]):
//
//	if cov := iamtest.Coverage(t, "testdata/*.json"); !cov.Complete() {
//		t.Errorf("policies not fully covered:\n%s", cov)
//	}
//
// In the import graph iamtest sits at the top, beside cmd/iameval: it
// uses scenario, the engine and the packages below them.
package iamtest
