package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs the command on the files in testdata and compares what it
// prints and its exit status with testdata/NAME.golden: the output of
// `iameval test` (text and --json), `validate` and `explain` and the exit
// codes 0, 1 and 2 are a user-facing contract (scenario format, Output (go doc ./scenario)).
// Run with -update to rewrite the golden files after a deliberate change.
func TestGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		why  string
	}{
		{"test_pass", []string{"test", "testdata/pass.json"}, 0, "every case with expect got it; a case without expect never fails"},
		{"test_fail", []string{"test", "testdata/pass.json", "testdata/fail.json"}, 1, "a case missed its expect: FAIL line, explanation, summary"},
		{"test_invalid", []string{"test", "testdata/invalid.json", "testdata/pass.json"}, 2, "an invalid file is reported as file:line:col and the other files still run"},
		{"test_missing_file", []string{"test", "testdata/nope.json"}, 2, "a file that cannot be read is one error that says the file is missing"},
		{"test_one_bad_case", []string{"test", "testdata/pass.json", "testdata/onebad.json"}, 2, "an invalid case is one error; the file's other cases run, the wrong expectation among them fails"},
		{"test_github", []string{"test", "--format", "github", "testdata/pass.json", "testdata/onebad.json", "testdata/nope.json"}, 2, "a workflow command after each FAIL and ERROR annotates the scenario's line"},
		{"test_bad_format", []string{"test", "--format", "xml", "testdata/pass.json"}, 2, "usage error"},
		{"test_min_coverage_met", []string{"test", "--min-coverage", "50", "testdata/coverage.json"}, 0, "2 of 4 statements decided a case: 50% is not under 50%"},
		{"test_min_coverage_unmet", []string{"test", "--min-coverage", "60", "testdata/coverage.json"}, 1, "50% is under 60%: the run fails, and says why on stderr"},
		{"test_min_coverage_bad", []string{"test", "--min-coverage", "eighty", "testdata/coverage.json"}, 2, "usage error"},
		{"test_one_bad_case_json", []string{"test", "--json", "testdata/onebad.json"}, 2, "--json carries the error result with file:line:col"},
		{"test_json", []string{"test", "--json", "testdata/pass.json"}, 0, "the --json document: results, passed, failed"},
		{"test_json_fail", []string{"test", "testdata/fail.json", "--json"}, 1, "flags may follow the files; the exit status is the same with --json"},
		{"test_no_files", []string{"test"}, 2, "usage error"},
		{"test_help", []string{"test", "--help"}, 0, "help goes to stdout with status 0"},
		{"validate_clean", []string{"validate", "testdata/policies/reports.json"}, 0, "nothing is printed for a clean file"},
		{"validate_warning", []string{"validate", "testdata/policies/warn.json"}, 0, "warnings alone do not fail validation"},
		{"validate_errors", []string{"validate", "testdata/policies/bad.json", "testdata/policies/reports.json"}, 2, "one file:line:col line per problem"},
		{"validate_type", []string{"validate", "--type", "resource", "testdata/policies/trust.json"}, 0, "a trust policy is valid as a resource policy"},
		{"validate_wrong_type", []string{"validate", "testdata/policies/trust.json"}, 2, "Principal is not allowed in an identity policy (access_policies.md)"},
		{"validate_json", []string{"validate", "--format", "json", "testdata/policies/lint.json"}, 0, "JSON findings with counts; no ERROR, so status 0"},
		{"validate_sarif", []string{"validate", "--format", "sarif", "testdata/policies/lint.json", "testdata/policies/bad.json"}, 2, "SARIF 2.1.0 for code scanning; bad.json has errors"},
		{"validate_github", []string{"validate", "--format", "github", "testdata/policies/lint.json", "testdata/policies/bad.json"}, 2, "GitHub workflow commands ::error file=…,line=…,col=…::"},
		{"validate_fail_on", []string{"validate", "--fail-on", "security_warning", "testdata/policies/lint.json"}, 2, "--fail-on SECURITY_WARNING fails on the PassRole security warning"},
		{"validate_catalog", []string{"validate", "testdata/policies/typo.json"}, 2, "a misspelt action with did-you-mean, a Date key compared as a string, an IAM user ARN for S3 actions"},
		{"validate_bad_format", []string{"validate", "--format", "xml", "testdata/policies/lint.json"}, 2, "usage error"},
		{"validate_unknown_type", []string{"validate", "--type", "bucket", "testdata/policies/trust.json"}, 2, "usage error"},
		{"explain_case", []string{"explain", "--case", "expects too much", "testdata/fail.json"}, 0, "explain a scenario case"},
		{"explain_case_json", []string{"explain", "--json", "--case", "read a report", "testdata/pass.json"}, 0, "the explanation as JSON"},
		{"explain_which_case", []string{"explain", "testdata/pass.json"}, 2, "a file with several cases needs --case"},
		{"explain_flags", []string{"explain", "--principal", "arn:aws:iam::123456789012:user/pat",
			"--action", "s3:PutObject", "--resource", "arn:aws:s3:::reports/q1.csv",
			"--policy", "testdata/policies/reports.json", "--context", "aws:SourceIp=192.0.2.10", "--context", "aws:SecureTransport=true"}, 0, "a request built from flags"},
		{"explain_principal_object", []string{"explain", "--principal", `{"type": "AssumedRole", "roleArn": "arn:aws:iam::123456789012:role/Ops", "sessionName": "pat"}`,
			"--action", "sts:AssumeRole", "--resource", "arn:aws:iam::123456789012:role/Admin",
			"--policy", "testdata/policies/reports.json", "--resource-policy", "testdata/policies/trust.json"}, 0, "a principal object as JSON"},
		{"explain_missing_flags", []string{"explain", "--action", "s3:GetObject"}, 2, "usage error"},
		{"account/who_can", []string{"who-can", "--account", "testdata/account/export.json", "s3:GetObject", "arn:aws:s3:::reports/q1.csv"}, 0, "one ARN per line, sorted; a role is evaluated as a session"},
		{"account/who_can_json", []string{"who-can", "--json", "--account", "testdata/account/export.json", "s3:DeleteBucket", "arn:aws:s3:::reports"}, 0, "a group's Deny removes alice; the deciding statement is positioned in the export"},
		{"account/who_can_trust", []string{"who-can", "--account", "testdata/account/export.json", "sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy"}, 0, "the trust policy is the resource policy of sts:AssumeRole"},
		{"account/who_can_bad_account", []string{"who-can", "--account", "testdata/pass.json", "s3:GetObject", "*"}, 2, "a file that is not an export is a positioned error"},
		{"account/can", []string{"can", "--account", "testdata/account/export.json", "--actions", "testdata/account/actions.txt", "arn:aws:iam::111122223333:user/alice"}, 0, "the actions allowed on some resource, sorted"},
		{"account/can_resource", []string{"can", "--account", "testdata/account/export.json", "--actions", "testdata/account/actions.txt", "--resource", "arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:role/deploy"}, 0, "on one resource, its trust policy taking part"},
		{"account/reach", []string{"reach", "--account", "testdata/account/export.json", "arn:aws:iam::111122223333:user/ops/bob"}, 0, "role chaining, each role with its path"},
		{"account/reach_unknown", []string{"reach", "--account", "testdata/account/export.json", "arn:aws:iam::111122223333:user/nobody"}, 2, "a principal the export lacks"},
		{"account/simulate_principal", []string{"simulate-principal", "--account", "testdata/account/export.json", "--input", "testdata/account/simulate_principal.json"}, 0, "the user's inline, group and managed policies, named as in the export; the group's Deny decides DeleteBucket"},
		{"account/simulate_role", []string{"simulate-principal", "--account", "testdata/account/export.json", "--input", "testdata/account/simulate_role.json"}, 0, "a role is simulated as a session; each role resource's trust policy takes part"},
		{"account/simulate_managed_policy", []string{"simulate-principal", "--account", "testdata/account/export.json", "--input", "testdata/account/simulate_managed_policy.json"}, 0, "access_policies_managed-vs-inline.md: AWS refuses changes to AWS managed policies whatever the policies allow"},
		{"account/simulate_managed_policy_mirror", []string{"simulate-principal", "--mirror-simulator", "--account", "testdata/account/export.json", "--input", "testdata/account/simulate_managed_policy.json"}, 0, "--mirror-simulator decides from the policies alone, as the IAM policy simulator does"},
		{"account/simulate_missing_input", []string{"simulate-principal", "--account", "testdata/account/export.json", "--input", "file://testdata/account/nope.json"}, 2, "an input that cannot be read is reported as by simulate: NAME: cannot read: REASON"},
		{"account/simulate_unknown", []string{"simulate-principal", "--account", "testdata/account/export.json", "--input", "testdata/account/simulate_unknown.json"}, 2, "a PolicySourceArn the exports lack is positioned in the input"},
		{"help", []string{"--help"}, 0, "command usage"},
		{"no_args", nil, 2, "usage on stderr"},
		{"unknown_command", []string{"simulate-everything"}, 2, "unknown subcommand: usage on stderr"},
		{"unknown_flag", []string{"test", "--verbose", "testdata/pass.json"}, 2, "unknown flag: usage on stderr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, tc.code, code, "exit status: %s\nstdout:\n%s\nstderr:\n%s", tc.why, stdout.String(), stderr.String())
			got := "$ iameval " + strings.Join(quoteArgs(tc.args), " ") + "\n" +
				"[exit " + string(rune('0'+code)) + "]\n" +
				"--- stdout\n" + stdout.String() +
				"--- stderr\n" + stderr.String()
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file: run go test -update")
			assert.Equal(t, string(want), got, tc.why)
		})
	}
}

// quoteArgs quotes arguments that a shell would split.
func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.ContainsAny(a, " \"{}") {
			a = "'" + a + "'"
		}
		out[i] = a
	}
	return out
}

// TestSubcommandHelp checks that every subcommand answers -h and --help on
// stdout with status 0, and rejects unknown flags with status 2.
func TestSubcommandHelp(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		for _, h := range []string{"-h", "--help"} {
			var stdout, stderr bytes.Buffer
			code := run([]string{c.name, h}, &stdout, &stderr)
			assert.Equal(t, 0, code, "%s %s", c.name, h)
			assert.True(t, strings.HasPrefix(stdout.String(), "Usage:"), "%s %s: %q", c.name, h, stdout.String())
			assert.Empty(t, stderr.String())
		}
		var stdout, stderr bytes.Buffer
		code := run([]string{c.name, "--no-such-flag"}, &stdout, &stderr)
		assert.Equal(t, 2, code, c.name)
		assert.Empty(t, stdout.String())
		assert.Contains(t, stderr.String(), "flag provided but not defined: -no-such-flag")
		assert.Contains(t, stderr.String(), "Usage:")
	}
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"help", "validate"}, &stdout, &stderr))
	assert.True(t, strings.HasPrefix(stdout.String(), "Usage: iameval validate"))
}

// TestContextFlags pins --context parsing: repetition and JSON lists make a
// key multivalued; keys are case-insensitive.
func TestContextFlags(t *testing.T) {
	t.Parallel()
	ctx, err := parseContextFlags([]string{"aws:SourceIp=10.0.0.1", "aws:TagKeys=a", "AWS:tagkeys=b", `s3:prefix=["home/"]`, "n=[1, true]", "eq=a=b"})
	require.NoError(t, err)
	got := map[string][]string{}
	lists := map[string]bool{}
	for _, k := range ctx.Keys() {
		v, _ := ctx.LookupKey(k)
		got[k] = v.Strings()
		lists[k] = v.IsList()
	}
	assert.Equal(t, map[string][]string{
		"aws:sourceip": {"10.0.0.1"},
		"aws:tagkeys":  {"a", "b"},
		"s3:prefix":    {"home/"},
		"n":            {"1", "true"},
		"eq":           {"a=b"},
	}, got)
	assert.Equal(t, map[string]bool{"aws:sourceip": false, "aws:tagkeys": true, "s3:prefix": true, "n": true, "eq": false}, lists)

	for _, bad := range []string{"novalue", "=x", "k=[1", `k=[{"a": 1}]`} {
		_, err := parseContextFlags([]string{bad})
		assert.Error(t, err, bad)
	}
}
