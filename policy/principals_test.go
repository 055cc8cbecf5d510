package policy

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/principal"
)

// principalResult evaluates a one-statement resource policy whose
// principal element is elem ("Principal": ... or "NotPrincipal": ...) and
// returns how the principal part came out.
func principalResult(t *testing.T, effect, elem string, who principal.Principal, boundary bool) StatementResult {
	t.Helper()
	src := fmt.Sprintf(`{"Version": "2012-10-17", "Statement": {"Effect": %q, %s, "Action": "s3:GetObject"}}`, effect, elem)
	p := mustParse(t, Resource, src)
	r := newRequest(t, who, "s3:GetObject", "arn:aws:s3:::bucket/key", nil)
	*r = r.WithBoundary(boundary)
	rec := &recorder{}
	o := p.Eval(r, rec)
	assert.Equal(t, o, p.Eval(r, nil), "Outcome with and without a recorder")
	return rec.results[0]
}

// TestPrincipal pins reference_policies_elements_principal.md: which entries match which
// callers, and how (direct, indirect, account).
func TestPrincipal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		elem   string
		caller func(testing.TB) principal.Principal
		want   PrincipalMatch
		why    string
	}{
		{"star matches a user", `"Principal": "*"`, callerUser, PrincipalDirect, "reference_policies_elements_principal.md: \"*\" is every caller; reference_policies_evaluation-logic.md: counts as direct"},
		{"star matches anonymous", `"Principal": "*"`, callerAnonymous, PrincipalDirect, "reference_policies_elements_principal.md: anonymous included"},
		{"AWS star matches anonymous", `"Principal": {"AWS": "*"}`, callerAnonymous, PrincipalDirect, "reference_policies_elements_principal.md: {\"AWS\":\"*\"} ≡ \"*\""},
		{"account ID is an account grant", `"Principal": {"AWS": "111122223333"}`, callerUser, PrincipalAccount, "reference_policies_elements_principal.md: any principal of account A"},
		{"root ARN is an account grant", `"Principal": {"AWS": "arn:aws:iam::111122223333:root"}`, callerSession, PrincipalAccount, "reference_policies_elements_principal.md: not a root-only grant"},
		{"account entry names the root user directly", `"Principal": {"AWS": "111122223333"}`, callerRoot, PrincipalDirect, "reference_policies_evaluation-logic.md: for the root user itself RPa counts as direct"},
		{"other account", `"Principal": {"AWS": "444455556666"}`, callerUser, PrincipalNone, "reference_policies_elements_principal.md"},
		{"account entry never matches anonymous", `"Principal": {"AWS": "111122223333"}`, callerAnonymous, PrincipalNone, "reference_policies_elements_principal.md: anonymous only through \"*\""},
		{"user ARN", `"Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}`, callerUser, PrincipalDirect, "reference_policies_elements_principal.md: that user"},
		{"user ARN is case-sensitive", `"Principal": {"AWS": "arn:aws:iam::111122223333:user/Alice"}`, callerUser, PrincipalNone, "reference_policies_elements_principal.md: the user-name part is case-sensitive"},
		{"user unique ID", `"Principal": {"AWS": "AIDAEXAMPLEALICE"}`, callerUser, PrincipalDirect, "reference_policies_elements_principal.md: AIDA… unique ID"},
		{"no partial wildcards", `"Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}`, callerUser, PrincipalNone, "reference_policies_elements_principal.md: user/* never matches"},
		{"role ARN covers its sessions indirectly", `"Principal": {"AWS": "arn:aws:iam::111122223333:role/ops/Dev"}`, callerSession, PrincipalIndirect, "reference_policies_elements_principal.md, reference_policies_evaluation-logic.md: every session of that role (indirect)"},
		{"role ID covers its sessions indirectly", `"Principal": {"AWS": "AROAEXAMPLEDEV"}`, callerSession, PrincipalIndirect, "reference_policies_elements_principal.md: AROA… unique ID"},
		{"role ARN without path does not match", `"Principal": {"AWS": "arn:aws:iam::111122223333:role/Dev"}`, callerSession, PrincipalNone, "reference_policies_elements_principal.md: matched against the full role ARN"},
		{"session ARN", `"Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/Dev/alice"}`, callerSession, PrincipalDirect, "reference_policies_elements_principal.md: that session only"},
		{"other session", `"Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/Dev/bob"}`, callerSession, PrincipalNone, "reference_policies_elements_principal.md"},
		{"federated-user ARN", `"Principal": {"AWS": "arn:aws:sts::111122223333:federated-user/Bob"}`, callerFederated, PrincipalDirect, "reference_policies_elements_principal.md"},
		{"federating IAM user", `"Principal": {"AWS": "arn:aws:iam::111122223333:user/manager"}`, callerFederated, PrincipalIndirect, "reference_policies_elements_principal.md: indirectly, federated users it created"},
		{"direct beats account", `"Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:user/alice"]}`, callerUser, PrincipalDirect, "strongest match is reported"},
		{"indirect beats account", `"Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/ops/Dev"]}`, callerSession, PrincipalIndirect, "strongest match is reported"},
		{"service principal", `"Principal": {"Service": "lambda.amazonaws.com"}`, callerService, PrincipalDirect, "reference_policies_elements_principal.md: exact"},
		{"service principal is case-sensitive", `"Principal": {"Service": "Lambda.amazonaws.com"}`, callerService, PrincipalNone, "reference_policies_elements_principal.md: case-sensitive"},
		{"service principal is not an account", `"Principal": {"AWS": "111122223333"}`, callerService, PrincipalNone, "reference_policies_elements_principal.md"},
		{"federated provider", `"Principal": {"Federated": "accounts.google.com"}`, callerWeb, PrincipalDirect, "reference_policies_elements_principal.md: the IdP that authenticated the caller"},
		{"other provider", `"Principal": {"Federated": "graph.facebook.com"}`, callerWeb, PrincipalNone, "reference_policies_elements_principal.md"},
		{"canonical user is not known for IAM callers", `"Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}`, callerUser, PrincipalNone, "reference_policies_elements_principal.md: S3 canonical IDs are not part of principal.Identity"},
		{"OR across types", `"Principal": {"Service": "ec2.amazonaws.com", "AWS": "arn:aws:iam::111122223333:user/alice"}`, callerUser, PrincipalDirect, "reference_policies_elements_principal.md: OR across entries and types"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := principalResult(t, "Allow", tc.elem, tc.caller(t), false)
			assert.Equal(t, tc.want, res.Principal, tc.why)
			assert.Equal(t, tc.want != PrincipalNone, res.Applies, tc.why)
			if tc.want == PrincipalNone {
				assert.Equal(t, PartPrincipal, res.Failed, tc.why)
			}
		})
	}
}

// TestNotPrincipal pins reference_policies_elements_notprincipal.md (strict rule, reference_policies_evaluation-logic.md).
func TestNotPrincipal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		elem     string
		caller   func(testing.TB) principal.Principal
		boundary bool
		applies  bool
		why      string
	}{
		{"user and account listed: exempt", `"NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/alice", "111122223333"]}`, callerUser, false, false,
			"reference_policies_elements_notprincipal.md: a user is exempt when its ARN and its account are listed"},
		{"user listed without account: not exempt", `"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"}`, callerUser, false, true,
			"reference_policies_elements_notprincipal.md, reference_policies_evaluation-logic.md: the account is one of the caller's identities too"},
		{"account alone does not exempt a user", `"NotPrincipal": {"AWS": "111122223333"}`, callerUser, false, true,
			"reference_policies_elements_notprincipal.md: listing an account never exempts other users of that account"},
		{"account alone exempts the root user", `"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}`, callerRoot, false, false,
			"reference_policies_elements_notprincipal.md: the account alone for the root user"},
		{"session, role and account: exempt", `"NotPrincipal": {"AWS": ["arn:aws:sts::111122223333:assumed-role/Dev/alice", "arn:aws:iam::111122223333:role/ops/Dev", "111122223333"]}`, callerSession, false, false,
			"reference_policies_elements_notprincipal.md: session ARN, role ARN and account"},
		{"role and account do not exempt a session", `"NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:role/ops/Dev", "111122223333"]}`, callerSession, false, true,
			"reference_policies_elements_notprincipal.md: listing a role never exempts other sessions of that role"},
		{"session and account without role: not exempt", `"NotPrincipal": {"AWS": ["arn:aws:sts::111122223333:assumed-role/Dev/alice", "111122223333"]}`, callerSession, false, true,
			"reference_policies_elements_notprincipal.md: session ARN, role ARN and account must all be listed"},
		{"federated user and account: exempt", `"NotPrincipal": {"AWS": ["arn:aws:sts::111122223333:federated-user/Bob", "111122223333"]}`, callerFederated, false, false,
			"reference_policies_elements_notprincipal.md: federated-user ARN and account"},
		{"anonymous never exempt", `"NotPrincipal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:user/alice"]}`, callerAnonymous, false, true,
			"reference_policies_elements_notprincipal.md: an anonymous caller has no identity that a list can name"},
		{"star exempts anonymous", `"NotPrincipal": {"AWS": "*"}`, callerAnonymous, false, false,
			"reference_policies_elements_notprincipal.md: only \"*\" covers an anonymous caller"},
		{"service exempt when listed", `"NotPrincipal": {"Service": "lambda.amazonaws.com"}`, callerService, false, false,
			"reference_policies_elements_notprincipal.md: a service principal is exempt only when its Service name is listed"},
		{"service not exempt otherwise", `"NotPrincipal": {"AWS": "111122223333"}`, callerService, false, true, "reference_policies_elements_notprincipal.md"},
		{"boundary: Deny always applies", `"NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/alice", "111122223333"]}`, callerUser, true, true,
			"reference_policies_elements_notprincipal.md: a Deny with NotPrincipal always denies callers with a permissions boundary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := principalResult(t, "Deny", tc.elem, tc.caller(t), tc.boundary)
			assert.Equal(t, tc.applies, res.Applies, tc.why)
			if tc.applies {
				assert.Equal(t, PrincipalDirect, res.Principal, tc.why)
			} else {
				assert.Equal(t, PrincipalNone, res.Principal, tc.why)
				assert.Equal(t, PartPrincipal, res.Failed, tc.why)
				assert.Contains(t, res.Detail, "exempted by NotPrincipal", tc.why)
			}
		})
	}
}

// TestNotPrincipalAllowIgnoresBoundary checks that the boundary rule is
// about Deny statements only.
func TestNotPrincipalAllowIgnoresBoundary(t *testing.T) {
	t.Parallel()
	res := principalResult(t, "Allow", `"NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/alice", "111122223333"]}`, callerUser(t), true)
	assert.False(t, res.Applies, "access_policies_boundaries.md speaks of Deny with NotPrincipal only")
}

// TestNotPrincipalAllow pins the fail-closed reading of Allow with
// NotPrincipal: the statement grants "all principals except the one(s)
// specified" (reference_policies_elements_notprincipal.md), so it does not
// apply to a caller when any one of its identities is listed.
func TestNotPrincipalAllow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		elem    string
		caller  func(testing.TB) principal.Principal
		applies bool
		why     string
	}{
		{"account listed excludes its users", `"NotPrincipal": {"AWS": "111122223333"}`, callerUser, false,
			"notprincipal page: all principals except those specified; the account is one of alice's identities"},
		{"user listed without account excludes the user", `"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"}`, callerUser, false,
			"the user ARN is listed"},
		{"other user listed: applies", `"NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/bob", "444455556666"]}`, callerUser, true,
			"none of alice's identities is listed"},
		{"role listed excludes its sessions", `"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/ops/Dev"}`, callerSession, false,
			"the role ARN is one of the session's identities"},
		{"session listed excludes it", `"NotPrincipal": {"AWS": "arn:aws:sts::111122223333:assumed-role/Dev/alice"}`, callerSession, false,
			"the session ARN is listed"},
		{"federated-user ARN listed", `"NotPrincipal": {"AWS": "arn:aws:sts::111122223333:federated-user/Bob"}`, callerFederated, false,
			"the federated-user ARN is listed"},
		{"federating user listed", `"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/manager"}`, callerFederated, false,
			"fail closed: the IAM user behind a federated user counts for Allow"},
		{"root excluded by its account", `"NotPrincipal": {"AWS": "111122223333"}`, callerRoot, false,
			"the root user's identity is its account"},
		{"service listed", `"NotPrincipal": {"Service": "lambda.amazonaws.com"}`, callerService, false,
			"the service name is listed"},
		{"anonymous only excluded by star", `"NotPrincipal": {"AWS": "111122223333"}`, callerAnonymous, true,
			"an anonymous caller has no identity a list can name"},
		{"star excludes everyone", `"NotPrincipal": {"AWS": "*"}`, callerAnonymous, false,
			"\"*\" lists every caller"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := principalResult(t, "Allow", tc.elem, tc.caller(t), false)
			assert.Equal(t, tc.applies, res.Applies, tc.why)
			if !tc.applies {
				assert.Equal(t, PartPrincipal, res.Failed, tc.why)
				assert.Contains(t, res.Detail, "excluded by NotPrincipal", tc.why)
			}
		})
	}
}
