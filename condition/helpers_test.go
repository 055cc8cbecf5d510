package condition

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/variables"
)

// testKey is the condition key of the table tests.
const testKey = "Test:Key"

// varContext holds the keys read by policy variables in the tests.
var varContext = map[string]Value{
	"aws:username":          StringValue("alice"),
	"aws:userid":            StringValue("123456789012:Bob"),
	"aws:PrincipalAccount":  StringValue("111122223333"),
	"aws:PrincipalArn":      StringValue("arn:aws:iam::111122223333:role/path/Admin"),
	"aws:PrincipalTag/team": StringValue("data*"),
	"aws:PrincipalTag/flag": StringValue("true"),
	"aws:PrincipalTag/bad":  StringValue("maybe"),
	"aws:PrincipalTag/none": StringValue(""),
	"aws:TagKeys":           ListValue("env", "team"),
}

// requestContext builds the context of a table case: the variable keys plus
// testKey set to req, where req is nil (absent), a string (single value) or
// a []string (multivalued).
func requestContext(t testing.TB, req any) Context {
	t.Helper()
	m := make(map[string]Value, len(varContext)+1)
	for k, v := range varContext {
		m[k] = v
	}
	switch r := req.(type) {
	case nil:
	case string:
		m[testKey] = StringValue(r)
	case []string:
		m[testKey] = ListValue(r...)
	default:
		t.Fatalf("bad request value %T", req)
	}
	c, err := NewContext(m)
	require.NoError(t, err)
	return c
}

// mustClause compiles op/key/values under mode and fails the test on error.
func mustClause(t testing.TB, op, key string, mode variables.Mode, values ...string) Clause {
	t.Helper()
	o, err := ParseOperator(op)
	require.NoError(t, err)
	c, errs := NewClause(o, key, values, mode)
	require.Empty(t, errs)
	return c
}
