package iamtest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
)

const (
	pat     = "arn:aws:iam::123456789012:user/pat"
	report  = "arn:aws:s3:::reports/q1.csv"
	reports = `{"Version": "2012-10-17", "Statement": [
  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
  {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}`
)

// assertion is the common shape of the decision assertions.
type assertion func(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool

// TestAssertions checks every assertion against the three decisions: it
// holds silently or fails through Errorf, once, with the wanted and actual
// decisions and the explanation, and returns false.
func TestAssertions(t *testing.T) {
	t.Parallel()
	decision := func(want iameval.Decision) assertion {
		return func(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool {
			t.Helper()
			return Decision(t, ps, r, want, msgAndArgs...)
		}
	}
	tests := []struct {
		name   string
		assert assertion
		action string
		holds  bool
		want   string // start of the failure message
		why    string
	}{
		{"Allowed holds", Allowed, "s3:GetObject", true, "", "the identity policy allows (reference_policies_evaluation-logic.md)"},
		{"Allowed fails on implicitDeny", Allowed, "s3:PutObject", false, "want allowed, got implicitDeny", "no statement allows PutObject (reference_policies_evaluation-logic.md)"},
		{"Allowed fails on explicitDeny", Allowed, "s3:DeleteObject", false, "want allowed, got explicitDeny", "NoDelete matches (reference_policies_evaluation-logic.md)"},
		{"Denied holds on implicitDeny", Denied, "s3:PutObject", true, "", "denied either way"},
		{"Denied holds on explicitDeny", Denied, "s3:DeleteObject", true, "", "denied either way"},
		{"Denied fails on allowed", Denied, "s3:GetObject", false, "want denied (explicitDeny or implicitDeny), got allowed", "Read allows"},
		{"ExplicitlyDenied holds", ExplicitlyDenied, "s3:DeleteObject", true, "", "NoDelete matches (reference_policies_evaluation-logic.md)"},
		{"ExplicitlyDenied fails on implicitDeny", ExplicitlyDenied, "s3:PutObject", false, "want explicitDeny, got implicitDeny", "no Deny matches PutObject"},
		{"ImplicitlyDenied holds", ImplicitlyDenied, "s3:PutObject", true, "", "nothing allows PutObject (reference_policies_evaluation-logic.md)"},
		{"ImplicitlyDenied fails on explicitDeny", ImplicitlyDenied, "s3:DeleteObject", false, "want implicitDeny, got explicitDeny", "NoDelete matches"},
		{"Decision holds", decision(iameval.ExplicitDeny), "s3:DeleteObject", true, "", "NoDelete matches"},
		{"Decision fails", decision(iameval.Allowed), "s3:PutObject", false, "want allowed, got implicitDeny", "no statement allows PutObject"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var held bool
			f, finished := capture(func(t testing.TB) {
				held = tc.assert(t, IdentitySet(t, reports), Request(t, pat, tc.action, report, nil))
			})
			require.True(t, finished, "an assertion never stops the test")
			assert.Equal(t, tc.holds, held, tc.why)
			assert.Equal(t, !tc.holds, f.Failed(), tc.why)
			assert.Positive(t, f.helpers, "the helpers call t.Helper")
			es := f.entries()
			if tc.holds {
				assert.Empty(t, es, "a passing assertion reports nothing")
				return
			}
			require.Len(t, es, 1, "one Errorf per failed assertion")
			assert.Equal(t, "error", es[0].kind, "Errorf, not Fatalf: the test goes on")
			first, rest, _ := strings.Cut(es[0].msg, "\n")
			assert.Equal(t, tc.want, first)
			assert.Contains(t, rest, " s3:"+strings.TrimPrefix(tc.action, "s3:")+" on "+report, "the explanation follows")
		})
	}
}

// TestAssertionExplains checks that the failure carries the explanation's
// detail: the closest statement and why it failed, or the deciding one.
func TestAssertionExplains(t *testing.T) {
	t.Parallel()
	f, _ := capture(func(t testing.TB) {
		ps := IdentitySet(t, reports)
		Allowed(t, ps, Request(t, pat, "s3:GetObject", "arn:aws:s3:::other/x", nil))
		Denied(t, ps, Request(t, pat, "s3:GetObject", report, nil))
	})
	es := f.entries()
	require.Len(t, es, 2)
	assert.Contains(t, es[0].msg, `identity identity[0] Statement[0] "Read" (Allow)`)
	assert.Contains(t, es[0].msg, `Resource failed at <input>:2:64: resource "arn:aws:s3:::other/x" not in Resource`)
	assert.Contains(t, es[1].msg, "allowed by:\n    identity identity[0] Statement[0] \"Read\" (Allow) at <input>:2:3")
}

// TestAssertionMessage checks testify-style optional messages.
func TestAssertionMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []any
		want string
		why  string
	}{
		{nil, "want allowed, got implicitDeny", "no message"},
		{[]any{"pat writes"}, "want allowed, got implicitDeny: pat writes", "one value"},
		{[]any{"%s writes %d", "pat", 2}, "want allowed, got implicitDeny: pat writes 2", "a format and its arguments"},
		{[]any{42}, "want allowed, got implicitDeny: 42", "a non-string value"},
		{[]any{1, 2}, "want allowed, got implicitDeny: 1 2", "values without a format"},
	}
	for _, tc := range tests {
		f, _ := capture(func(t testing.TB) {
			Allowed(t, IdentitySet(t, reports), Request(t, pat, "s3:PutObject", report, nil), tc.args...)
		})
		es := f.entries()
		require.Len(t, es, 1)
		first, _, _ := strings.Cut(es[0].msg, "\n")
		assert.Equal(t, tc.want, first, tc.why)
	}
}

// TestAssertionNilInputs checks that a nil set and a nil request are
// answered, not panicked on: a nil request is denied with a reason.
func TestAssertionNilInputs(t *testing.T) {
	t.Parallel()
	f, finished := capture(func(t testing.TB) {
		assert.True(t, Denied(t, nil, Request(t, pat, "s3:GetObject", report, nil)), "an empty set grants nothing")
		assert.False(t, Allowed(t, nil, nil))
	})
	require.True(t, finished)
	es := f.entries()
	require.Len(t, es, 1)
	assert.Contains(t, es[0].msg, "reason: no request")
}
