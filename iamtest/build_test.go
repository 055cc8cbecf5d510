package iamtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/policy"
)

// TestBuildersSucceed checks the builders on valid input.
func TestBuildersSucceed(t *testing.T) {
	t.Parallel()
	trust := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/pat"}, "Action": "sts:AssumeRole"}]}`
	f, finished := capture(func(t testing.TB) {
		assert.Equal(t, policy.Resource, ResourcePolicy(t, trust).Type())
		assert.Equal(t, policy.Identity, IdentityPolicy(t, reports).Type())
		assert.Equal(t, policy.SCP, Policy(t, policy.SCP, reports).Type())
		ps := IdentitySet(t, reports, reports)
		assert.Len(t, ps.Identity, 2)
		r := Request(t, pat, "s3:GetObject", report, map[string]string{"aws:SourceIp": "192.0.2.1"})
		assert.Equal(t, "123456789012", r.ResourceAccount(), "an S3 ARN has no account: the caller's")
		v, ok := r.Context().LookupKey("aws:sourceip")
		assert.True(t, ok)
		assert.Equal(t, []string{"192.0.2.1"}, v.Strings())
		role := Request(t, pat, "sts:AssumeRole", "arn:aws:iam::123456789012:role/Admin", nil)
		assert.Equal(t, iameval.Allowed, iameval.Evaluate(&iameval.PolicySet{Resource: ResourcePolicy(t, trust)}, role),
			"a same-account trust policy naming the user grants (reference_policies_evaluation-logic.md)")
	})
	require.True(t, finished)
	assert.Empty(t, f.entries())
}

// TestBuildersFail checks that a builder that cannot build stops the test
// with Fatalf, naming every problem.
func TestBuildersFail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func(t testing.TB)
		want  []string
		why   string
	}{
		{"invalid policy", func(t testing.TB) {
			IdentityPolicy(t, `{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*", "Sid": 3}]}`)
		}, []string{"invalid identity policy:\n", `<input>:1:52: Statement[0].Effect: expected "Allow" or "Deny", found "allow"`, "Statement[0].Sid"},
			"every problem of the document, positioned (diag.ErrorList)"},
		{"wrong element for the type", func(t testing.TB) {
			IdentitySet(t, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}`)
		}, []string{"invalid identity policy:\n", "Principal"}, "access_policies.md: no Principal in identity policies"},
		{"invalid principal", func(t testing.TB) {
			Request(t, "pat", "s3:GetObject", report, nil)
		}, []string{`invalid principal "pat": `}, "scenario format (go doc ./scenario) PRINCIPAL: an ARN or a service name"},
		{"invalid action", func(t testing.TB) {
			Request(t, pat, "GetObject", report, nil)
		}, []string{"invalid request GetObject arn:aws:s3:::reports/q1.csv by " + pat + ": "}, "an action is service:name"},
		{"context keys equal ignoring case", func(t testing.TB) {
			Request(t, pat, "s3:GetObject", report, map[string]string{"aws:SourceIp": "a", "AWS:sourceip": "b"})
		}, []string{"invalid context {AWS:sourceip=b, aws:SourceIp=a}: "}, "context keys are case-insensitive (scenario format, CASE (go doc ./scenario))"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, finished := capture(tc.build)
			assert.False(t, finished, "Fatalf stops the test: %s", tc.why)
			es := f.entries()
			require.Len(t, es, 1, tc.why)
			assert.Equal(t, "fatal", es[0].kind)
			for _, w := range tc.want {
				assert.Contains(t, es[0].msg, w, tc.why)
			}
			assert.Positive(t, f.helpers)
		})
	}
}

// TestBuildersReturnNilAfterFatal checks that a builder whose Fatalf does
// not stop the goroutine (a TB that only records) returns nil rather than
// a half-built value.
func TestBuildersReturnNilAfterFatal(t *testing.T) {
	t.Parallel()
	f := &recordOnly{fakeT: newFake("Test")}
	assert.Nil(t, IdentityPolicy(f, `{`))
	assert.Nil(t, Request(f, "pat", "s3:GetObject", report, nil))
	assert.Nil(t, Request(f, pat, "s3:GetObject", report, map[string]string{"k": "a", "K": "b"}))
	assert.Nil(t, Request(f, pat, "GetObject", report, nil))
	assert.Nil(t, Coverage(f, "testdata/none/*.json"))
	assert.Nil(t, Coverage(f, "testdata/broken/invalid.json"))
	assert.Len(t, f.entries(), 6)
}

// recordOnly is a fake whose Fatalf records and returns.
type recordOnly struct{ *fakeT }

func (r *recordOnly) Fatalf(format string, args ...any) {
	r.fakeT.Errorf(format, args...)
}
