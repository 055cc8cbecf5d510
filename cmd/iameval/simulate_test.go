package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateSimulate = flag.Bool("update-simulate", false, "rewrite the golden files in testdata/simulate")

// TestSimulateGolden runs "iameval simulate" on the documents in
// testdata/simulate and compares what it prints and its exit status with
// testdata/simulate/NAME.golden: the printed response is the shape of
// `aws iam simulate-custom-policy`, and the exit codes 0 and 2 and the
// file:line:col messages are a user-facing contract. Run with
// -update-simulate to rewrite the golden files after a deliberate change.
func TestSimulateGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		stdin string // a file whose content is standard input; "" runs in parallel without one
		code  int
		why   string
	}{
		{"cli_example", []string{"simulate", "testdata/simulate/cli_example.json"}, "", 0,
			"awscli/examples/iam/simulate-custom-policy.rst Example 1: the same response, positions 1:38 to 1:167"},
		{"bucket", []string{"simulate", "--input", "testdata/simulate/bucket.json"}, "", 0,
			"a recorded exchange with a resource policy: decisions, positions, EvalDecisionDetails {} and ResourceSpecificResults for an ARN"},
		{"boundary", []string{"simulate", "--cli-input-json", "file://testdata/simulate/boundary.json"}, "", 0,
			"boundary detail, explicit deny by a condition, pretty-printed policies, \"*\" next to an ARN; the AWS CLI's file:// prefix"},
		{"cross_account", []string{"simulate", "testdata/simulate/cross_account.json"}, "", 0,
			"a role session calling into another account, with the SCP extension: EvalDecisionDetails per policy type, OrganizationsDecisionDetail"},
		{"invalid", []string{"simulate", "testdata/simulate/invalid.json"}, "", 2,
			"every problem as file:line:col, policy problems also at their place in the policy"},
		{"stdin", []string{"simulate", "-"}, "testdata/simulate/cli_example.json", 0, "\"-\" reads standard input"},
		{"stdin_default", []string{"simulate"}, "testdata/simulate/invalid.json", 2, "no file reads standard input, named <stdin> in messages"},
		{"missing_file", []string{"simulate", "testdata/simulate/nope.json"}, "", 2, "a file that cannot be read"},
		{"two_inputs", []string{"simulate", "--input", "a.json", "b.json"}, "", 2, "one document at a time: usage error"},
		{"managed_policy", []string{"simulate", "testdata/simulate/managed_policy.json"}, "", 0,
			"access_policies_managed-vs-inline.md: AWS refuses changes to AWS managed policies even to an administrator; reading is allowed"},
		{"managed_policy_mirror", []string{"simulate", "--mirror-simulator", "testdata/simulate/managed_policy.json"}, "", 0,
			"--mirror-simulator decides from the policies alone, as the IAM policy simulator (which does not model the refusal) does"},
		{"help", []string{"simulate", "--help"}, "", 0, "help goes to stdout with status 0"},
		{"unknown_flag", []string{"simulate", "--region", "us-east-1"}, "", 2, "unknown flag: usage on stderr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.stdin == "" {
				t.Parallel()
			} else {
				in, err := os.Open(tc.stdin)
				require.NoError(t, err)
				defer in.Close()
				saved := simulateStdin
				simulateStdin = in
				defer func() { simulateStdin = saved }()
			}
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, tc.code, code, "exit status: %s\nstdout:\n%s\nstderr:\n%s", tc.why, stdout.String(), stderr.String())
			got := "$ iameval " + strings.Join(tc.args, " ") + "\n"
			if tc.stdin != "" {
				got = "$ iameval " + strings.Join(tc.args, " ") + " < " + tc.stdin + "\n"
			}
			got += "[exit " + strconv.Itoa(code) + "]\n--- stdout\n" + stdout.String() + "--- stderr\n" + stderr.String()
			golden := filepath.Join("testdata", "simulate", tc.name+".golden")
			if *updateSimulate {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file: run go test -update-simulate")
			assert.Equal(t, string(want), got, tc.why)
		})
	}
}
