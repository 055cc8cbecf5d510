#!/usr/bin/env bash
# Checks that iameval is pleasant to go get: a fresh module outside the
# repository requires github.com/iameval/iameval (through a replace
# directive pointing at this checkout), writes a short policy test with
# package iamtest and a scenario file, and runs `go test` on it. It also
# checks that a wrong expectation fails that test with the explanation.
#
# Usage: internal/gogettest/run.sh
#
# Offline-safe: it reuses the repository's go.sum and the module cache;
# GOPROXY is taken from the environment (set GOPROXY=off to forbid the
# network). GOWORK is off so that no go.work above the temp dir applies.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iameval-gogettest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GOWORK=off

goversion=$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$repo/go.mod")
cat >"$tmp/go.mod" <<EOF
module example.com/policytest

go ${goversion}

require github.com/iameval/iameval v0.0.0

replace github.com/iameval/iameval => ${repo}
EOF
cp "$repo/go.sum" "$tmp/go.sum"

# The ~15-line policy test a user writes.
cat >"$tmp/reports_test.go" <<'EOF'
package policytest

import (
	"testing"

	"github.com/iameval/iameval/iamtest"
)

const pat, q1 = "arn:aws:iam::123456789012:user/pat", "arn:aws:s3:::reports/q1.csv"

func TestReports(t *testing.T) {
	ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
	  {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}`)
	iamtest.Allowed(t, ps, iamtest.Request(t, pat, "s3:GetObject", q1, nil))
	iamtest.ExplicitlyDenied(t, ps, iamtest.Request(t, pat, "s3:DeleteObject", q1, nil))
	iamtest.ImplicitlyDenied(t, ps, iamtest.Request(t, pat, "s3:PutObject", q1, nil))
}

func TestScenarios(t *testing.T) { iamtest.RunScenarioFiles(t, "testdata/*.json") }
EOF

mkdir -p "$tmp/testdata"
cat >"$tmp/testdata/reports.json" <<'EOF'
{"principal": "arn:aws:iam::123456789012:user/pat",
 "policies": {"identity": [{"Version": "2012-10-17", "Statement": [
   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}]},
 "cases": [
   {"name": "pat reads", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv", "expect": "allowed"},
   {"name": "pat writes", "action": "s3:PutObject", "resource": "arn:aws:s3:::reports/q1.csv", "expect": "implicitDeny"}]}
EOF

# A wrong expectation, built only with -tags wrong: it must fail.
cat >"$tmp/wrong_test.go" <<'EOF'
//go:build wrong

package policytest

import (
	"testing"

	"github.com/iameval/iameval/iamtest"
)

func TestWrong(t *testing.T) {
	ps := iamtest.IdentitySet(t, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}`)
	iamtest.Allowed(t, ps, iamtest.Request(t, pat, "s3:PutObject", q1, nil))
}
EOF

cd "$tmp"
echo "== go test in a fresh module at $tmp"
go test -count=1 -v ./... | tee "$tmp/pass.log"
for want in "--- PASS: TestReports" "--- PASS: TestScenarios/reports.json/pat_reads" "--- PASS: TestScenarios/reports.json/pat_writes"; do
  if ! grep -qF -- "$want" "$tmp/pass.log"; then
    echo "gogettest: expected \"$want\" in the go test output" >&2
    exit 1
  fi
done

echo "== a wrong expectation must fail with the explanation"
if go test -count=1 -tags wrong -run TestWrong ./... >"$tmp/fail.log" 2>&1; then
  cat "$tmp/fail.log"
  echo "gogettest: TestWrong passed; a wrong expectation must fail" >&2
  exit 1
fi
for want in "want allowed, got implicitDeny" 'action "s3:PutObject" not in Action' "--- FAIL: TestWrong"; do
  if ! grep -qF -- "$want" "$tmp/fail.log"; then
    cat "$tmp/fail.log"
    echo "gogettest: expected \"$want\" in the failure output" >&2
    exit 1
  fi
done
sed -n '/--- FAIL: TestWrong/,/^FAIL/p' "$tmp/fail.log"
echo "gogettest: ok"
