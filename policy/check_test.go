package policy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/diag"
)

// assertCheckAgrees fails unless CheckString reports exactly the errors
// and warnings ParseString reported as err (or, for a valid document, as
// pol's warnings).
func assertCheckAgrees(t testing.TB, src string, s Source, pol *Policy, err error) (nErrs, nWarns int) {
	t.Helper()
	var wantErrs, wantWarns diag.ErrorList
	if err != nil {
		var list diag.ErrorList
		require.True(t, errors.As(err, &list), "Parse returns a diag.ErrorList")
		wantErrs, wantWarns = list.Split()
	} else {
		wantWarns = pol.Warnings()
	}
	errs, warns := CheckString(src, s)
	assert.Equal(t, wantErrs.Error(), errs.Error(), "CheckString's errors are Parse's")
	assert.Equal(t, wantWarns.Error(), warns.Error(), "CheckString's warnings are Parse's")
	assert.Equal(t, len(wantErrs), len(errs))
	assert.Equal(t, len(wantWarns), len(warns))
	return len(errs), len(warns)
}

// CheckString reports what ParseString reports, though it drops the
// clauses it compiles: the golden documents (valid, with warnings, and
// invalid in every element) and documents whose condition problems come
// from compiling clauses (bad values, repeated blocks, which a parse
// reuses).
func TestCheckStringAgreesWithParse(t *testing.T) {
	t.Parallel()
	docs := map[string]string{}
	names, err := filepath.Glob(filepath.Join("testdata", "*", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		docs[name] = string(b)
	}
	block := `{"StringEquals":{"aws:PrincipalTag/team":"a"},"DateLessThan":{"aws:CurrentTime":"2020"}}`
	docs["a repeated block with a warning, and a bad value"] = `{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":` + block + `},` +
		`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":` + block + `},` +
		`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"ten"}}}]}`
	docs["a repeated block without problems"] = `{"Version":"2012-10-17","Statement":[` +
		strings.Repeat(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},`, 3) +
		`{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"Bool ":{}}}]}`
	var errs, warns int
	for name, src := range docs {
		for _, typ := range []Type{Identity, Resource} {
			s := Source{File: name, Type: typ}
			pol, err := ParseString(src, s)
			e, w := assertCheckAgrees(t, src, s, pol, err)
			errs, warns = errs+e, warns+w
		}
	}
	assert.Greater(t, errs, 10, "the documents have errors to report")
	assert.Greater(t, warns, 5, "and warnings")
}
