package policy

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bucketPolicy is a resource policy whose statements grant in each way.
const bucketPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Direct", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "Indirect", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ops/Dev"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "Account", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"},
    {"Sid": "NoDelete", "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::b/*"}
  ]
}`

// TestEvalOutcome pins how applicable statements combine into an Outcome
// (reference_policies_evaluation-logic.md).
func TestEvalOutcome(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Resource, bucketPolicy)
	tests := []struct {
		name   string
		caller func(testing.TB) *Request
		want   Outcome
		why    string
	}{
		{"user named directly and by account", func(tb testing.TB) *Request {
			return newRequest(tb, callerUser(tb), "s3:GetObject", "arn:aws:s3:::b/k", nil)
		}, Outcome{Allow: true, AllowDirect: true, AllowAccount: true}, "reference_policies_evaluation-logic.md: each applicable Allow counts for its strongest match"},
		{"session through its role and account", func(tb testing.TB) *Request {
			return newRequest(tb, callerSession(tb), "s3:GetObject", "arn:aws:s3:::b/k", nil)
		}, Outcome{Allow: true, AllowIndirect: true, AllowAccount: true}, "reference_policies_evaluation-logic.md: RPi and RPa"},
		{"outsider", func(tb testing.TB) *Request {
			return newRequest(tb, callerOtherUser(tb), "s3:GetObject", "arn:aws:s3:::b/k", nil)
		}, Outcome{}, "reference_policies_elements_principal.md"},
		{"deny with an account allow", func(tb testing.TB) *Request {
			return newRequest(tb, callerUser(tb), "s3:DeleteObject", "arn:aws:s3:::b/k", nil)
		}, Outcome{Deny: true, Allow: true, AllowAccount: true}, "reference_policies_evaluation-logic.md: the Outcome reports both; the engine lets Deny win"},
		{"anonymous denied by star", func(tb testing.TB) *Request {
			return newRequest(tb, callerAnonymous(tb), "s3:DeleteObject", "arn:aws:s3:::b/k", nil)
		}, Outcome{Deny: true}, "reference_policies_elements_principal.md: \"*\" covers anonymous"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := tc.caller(t)
			assert.Equal(t, tc.want, p.Eval(r, nil), tc.why)
			assert.Equal(t, tc.want, p.Eval(r, &recorder{}), tc.why)
		})
	}
}

// TestEvalIdentityOutcome checks that identity policies report no
// principal flags.
func TestEvalIdentityOutcome(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}`)
	r := newRequest(t, callerUser(t), "s3:DeleteBucket", "arn:aws:s3:::b", nil)
	assert.Equal(t, Outcome{Deny: true, Allow: true}, p.Eval(r, nil))
	rec := &recorder{}
	assert.Equal(t, Outcome{Deny: true, Allow: true}, p.Eval(r, rec))
	for _, res := range rec.results {
		assert.Equal(t, PrincipalNotApplicable, res.Principal)
	}
}

// TestEvalRecorder pins what the recorder reports for every statement.
func TestEvalRecorder(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Other", "Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
    {"Sid": "NotMine", "Effect": "Allow", "NotAction": "s3:*", "Resource": "*"},
    {"Sid": "Home", "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/${aws:PrincipalTag/project}/*", "arn:aws:s3:::c/*"]},
    {"Sid": "Tls", "Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/*"},
    {"Sid": "Prefix", "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/"}, "Bool": {"aws:SecureTransport": "true"}}},
    {"Sid": "Ok", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}
  ]
}`)
	r := newRequest(t, callerUser(t), "s3:GetObject", "arn:aws:s3:::b/alice/k", map[string]string{"aws:SecureTransport": "false"})
	rec := &recorder{}
	o := p.Eval(r, rec)
	assert.Equal(t, Outcome{Allow: true}, o)
	require.Len(t, rec.results, 6, "Recorder: called once for every statement")

	type row struct {
		Sid     string
		Applies bool
		Failed  Part
		Detail  string
		Missing []string
	}
	var got []row
	for _, res := range rec.results {
		got = append(got, row{res.Statement.Sid(), res.Applies, res.Failed, res.Detail, res.MissingKeys})
	}
	want := []row{
		{"Other", false, PartAction, `action "s3:GetObject" not in Action`, nil},
		{"NotMine", false, PartAction, `action "s3:GetObject" in NotAction`, nil},
		{"Home", false, PartResource, `resource "arn:aws:s3:::b/alice/k" not in Resource; ${aws:PrincipalTag/project} has no value`, []string{"aws:PrincipalTag/project"}},
		{"Tls", false, PartResource, `resource "arn:aws:s3:::b/alice/k" in NotResource`, nil},
		{"Prefix", false, PartCondition, `condition StringLike "s3:prefix" not met: ` + rec.results[4].Condition.Clauses[0].Reason, []string{"s3:prefix"}},
		{"Ok", true, PartNone, "", nil},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("recorded results mismatch (-want +got):\n%s", d)
	}
	tr := rec.results[4].Condition
	require.NotNil(t, tr)
	assert.Len(t, tr.Clauses, 2, "every clause is traced")
	assert.Nil(t, rec.results[0].Condition, "no trace when the Condition element was not reached")
}

// TestEvalRequestConstruction checks the zero, invalid and derived
// requests: only NewRequest makes a Request that matches, and a request
// whose action names no AWS action is refused
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
func TestEvalRequestConstruction(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`)

	r, err := NewRequest(RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: callerUser(t)})
	require.NoError(t, err)
	assert.Equal(t, Outcome{Allow: true}, p.Eval(&r, nil), "nil Context is empty")
	other := r.WithCaller(callerSession(t), nil)
	assert.Equal(t, Outcome{Allow: true}, p.Eval(&other, nil), "WithCaller keeps the action and the resource")
	assert.Equal(t, callerUser(t).ARN(), r.Principal().ARN(), "WithCaller returns a copy: r is unchanged")
	b := r.WithBoundary(true)
	assert.True(t, b.HasBoundary() && !r.HasBoundary(), "WithBoundary returns a changed copy")

	var zero Request
	rec := &recorder{}
	assert.Equal(t, Outcome{}, p.Eval(&zero, rec), "the zero Request matches nothing: when in doubt deny")
	require.Len(t, rec.results, 1)
	assert.Equal(t, PartAction, rec.results[0].Failed)
	assert.Contains(t, rec.results[0].Detail, "NewRequest")

	_, err = NewRequest(RequestInput{Action: "GetObject", Resource: "*", Principal: callerUser(t)})
	assert.EqualError(t, err, `action "GetObject" is not of the form service:Name`)
	_, err = NewRequest(RequestInput{Action: "s3:Get*", Resource: "*"})
	assert.Error(t, err, "a request names one action")

	anon, err := NewRequest(RequestInput{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"})
	require.NoError(t, err)
	rp := mustParse(t, Resource, `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject"}}`)
	assert.Equal(t, Outcome{}, rp.Eval(&anon, nil), "a request without a principal is matched by no named principal")
	var nilPolicy *Policy
	assert.Equal(t, Outcome{}, nilPolicy.Eval(&anon, nil))
}

// TestEvalResourcePolicyWithoutResource checks access_policies.md: a statement without
// Resource in a resource-based policy (a role trust policy) matches the
// resource the policy is attached to, whatever the request names.
func TestEvalResourcePolicyWithoutResource(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Resource, `{"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}`)
	for _, res := range []string{"arn:aws:iam::111122223333:role/r", "*"} {
		r := newRequest(t, callerService(t), "sts:AssumeRole", res, nil)
		assert.Equal(t, Outcome{Allow: true, AllowDirect: true}, p.Eval(r, nil), res)
		assert.Equal(t, Outcome{Allow: true, AllowDirect: true}, p.Eval(r, &recorder{}), res)
	}
	r := newRequest(t, callerUser(t), "sts:AssumeRole", "arn:aws:iam::111122223333:role/r", nil)
	assert.Equal(t, Outcome{}, p.Eval(r, nil), "alice is not the lambda service")
}

// TestEvalConcurrent evaluates one policy from many goroutines; run with
// -race.
func TestEvalConcurrent(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"},
	  {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}`)
	r := newRequest(t, callerUser(t), "s3:GetObject", "arn:aws:s3:::b/alice/k", map[string]string{"aws:SecureTransport": "true"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				assert.Equal(t, Outcome{Allow: true}, p.Eval(r, nil))
				assert.Equal(t, Outcome{Allow: true}, p.Eval(r, &recorder{}))
			}
		}()
	}
	wg.Wait()
}

// TestRequestResourceARN checks the split resource a Request hands out:
// the six parts at the first five colons, the resource part keeping its
// own colons (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html),
// and no ARN for "*" or for text that does not start with "arn".
func TestRequestResourceARN(t *testing.T) {
	t.Parallel()
	tests := []struct {
		resource string
		want     [6]string
		ok       bool
		why      string
	}{
		{"arn:aws:s3:::b/k:x", [6]string{"arn", "aws", "s3", "", "", "b/k:x"}, true, "the resource part keeps its colons"},
		{"arn:aws:iam::111122223333:role/R", [6]string{"arn", "aws", "iam", "", "111122223333", "role/R"}, true, "an account and no region"},
		{"*", [6]string{}, false, `"*" is no ARN`},
		{"urn:a:b:c:d:e", [6]string{"urn", "a", "b", "c", "d", "e"}, false, `six parts, but not starting with "arn"`},
		{"arn:aws:s3", [6]string{}, false, "fewer than six parts"},
	}
	for _, tc := range tests {
		r, err := NewRequest(RequestInput{Action: "s3:GetObject", Resource: tc.resource})
		require.NoError(t, err)
		got, ok := r.ResourceARN()
		assert.Equal(t, tc.ok, ok, tc.why)
		assert.Equal(t, tc.want, got, tc.why)
	}
}
