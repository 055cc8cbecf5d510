package sts_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/sts"
)

// Accounts and fixed facts of the tests (id_credentials_temp_request.md).
const (
	acct      = "123456789012"
	otherAcct = "123123123123"
)

// at is the time of every call in the tests.
var at = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// parse parses a policy document of type t, failing the test on error.
func parse(t testing.TB, typ policy.Type, id, doc string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse([]byte(doc), policy.Source{ID: id, Type: typ, File: id + ".json"})
	require.NoError(t, err, "policy %s", id)
	return p
}

// allow returns a policy of type typ with one Allow statement of the
// actions on the resource.
func allow(t testing.TB, typ policy.Type, id, actions, resource string) *policy.Policy {
	t.Helper()
	return parse(t, typ, id, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":`+actions+`,"Resource":`+resource+`}]}`)
}

// deny returns a policy of type typ with one Deny statement.
func deny(t testing.TB, typ policy.Type, id, actions, resource string) *policy.Policy {
	t.Helper()
	return parse(t, typ, id, `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":`+actions+`,"Resource":`+resource+`}]}`)
}

// user returns an IAM user of the test account.
func user(t testing.TB, name string, tags map[string]string) *principal.IAMUser {
	t.Helper()
	u, err := principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + acct + ":user/" + name, ID: "AIDAEXAMPLE" + upper(name), Tags: tags})
	require.NoError(t, err)
	return u
}

// upper returns s in upper-case ASCII letters only, for unique IDs.
func upper(s string) string {
	b := make([]byte, 0, len(s))
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return string(b)
}

// root returns the root user of the test account.
func root(t testing.TB) *principal.Root {
	t.Helper()
	r, err := principal.NewRoot(principal.RootInput{Account: acct})
	require.NoError(t, err)
	return r
}

// ctx builds a condition context from string values.
func ctx(t testing.TB, kv ...string) condition.Context {
	t.Helper()
	m := make(map[string]condition.Value, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = condition.StringValue(kv[i+1])
	}
	c, err := condition.NewContext(m)
	require.NoError(t, err)
	return c
}

// decide evaluates a later request of res's principal against its policies
// plus the target side given in target.
func decide(t testing.TB, res *sts.Result, action, resource string, target iameval.PolicySet, kv ...string) iameval.Decision {
	t.Helper()
	ps := res.Policies
	ps.Resource, ps.RCP, ps.VPCEndpoint = target.Resource, target.RCP, target.VPCEndpoint
	r, err := iameval.NewRequest(iameval.RequestInput{Principal: res.Principal, Action: action, Resource: resource, Context: ctx(t, kv...), Time: at})
	require.NoError(t, err)
	return iameval.Evaluate(&ps, r)
}

// wantOutcome states what a call must return: nil Denied and empty
// InputField mean success.
type wantOutcome struct {
	// denied is the refused action; "" when the call is not refused.
	denied string
	// decision is the refusal's decision (implicitDeny when zero).
	decision iameval.Decision
	// reason is a fragment of the refusal's Explanation.Reason, when the
	// refusal comes before any policy.
	reason string
	// input is the InputError's Field when the input is invalid.
	input string
}

// checkOutcome asserts that (res, err) is what want says.
func checkOutcome(t *testing.T, want wantOutcome, res *sts.Result, err error) {
	t.Helper()
	switch {
	case want.input != "":
		var ie *sts.InputError
		require.ErrorAs(t, err, &ie, "want an InputError for %s", want.input)
		assert.ErrorIs(t, err, sts.ErrInvalidInput)
		assert.Equal(t, want.input, ie.Field, "InputError: %v", err)
		assert.Nil(t, res)
	case want.denied != "":
		var de *sts.DeniedError
		require.ErrorAs(t, err, &de, "want a DeniedError on %s", want.denied)
		assert.False(t, errors.Is(err, sts.ErrInvalidInput))
		assert.Equal(t, want.denied, de.Action, "%v", err)
		require.NotNil(t, de.Explanation)
		assert.Equal(t, want.decision, de.Explanation.Decision, "%s", de.Explanation)
		if want.reason != "" {
			assert.Contains(t, de.Explanation.Reason, want.reason)
		}
		assert.Nil(t, res)
	default:
		require.NoError(t, err)
		require.NotNil(t, res)
		require.NotEmpty(t, res.Checks)
		for _, x := range res.Checks {
			assert.Equal(t, iameval.Allowed, x.Decision, "%s", x)
		}
	}
}
