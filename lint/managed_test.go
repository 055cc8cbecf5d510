package lint

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/managed"
	"github.com/iameval/iameval/policy"
)

// TestManagedPolicies validates every AWS managed policy: AWS accepts and
// evaluates them all, so none may have an ERROR finding, and a WARNING
// on one of them would be a wrong warning
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies).
// Security warnings and suggestions are expected: AdministratorAccess is
// meant to allow everything, and many policies repeat an action.
func TestManagedPolicies(t *testing.T) {
	t.Parallel()
	all := managed.All()
	require.NotEmpty(t, all)
	start := time.Now()
	counts := map[string]int{}
	var n [Error + 1]int
	for _, p := range all {
		for _, f := range Check([]byte(p.Document), policy.Source{File: p.Name}) {
			n[f.Severity]++
			counts[f.Code]++
			if f.Severity >= Warning && f.Severity != SecurityWarning {
				t.Errorf("%s", f.String())
			}
		}
	}
	var codes []string
	for c, k := range counts {
		codes = append(codes, fmt.Sprintf("%s=%d", c, k))
	}
	sort.Strings(codes)
	t.Logf("%d managed policies in %v: %d ERROR, %d SECURITY_WARNING, %d WARNING, %d SUGGESTION; %s",
		len(all), time.Since(start).Round(time.Millisecond), n[Error], n[SecurityWarning], n[Warning], n[Suggestion], strings.Join(codes, " "))
	assert.Zero(t, n[Error])
}
