package managed_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/managed"
	"github.com/iameval/iameval/policy"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key, want, why string
	}{
		{"ReadOnlyAccess", "ReadOnlyAccess", "by name"},
		{"arn:aws:iam::aws:policy/ReadOnlyAccess", "ReadOnlyAccess", "by ARN"},
		{"arn:aws-cn:iam::aws:policy/ReadOnlyAccess", "ReadOnlyAccess", "AWS managed policies exist in every partition"},
		{"arn:aws:iam::aws:policy/service-role/AWSLambdaRole", "AWSLambdaRole", "an ARN with a path"},
		{"arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess", "the export lacks it; the supplement adds it from AWS's Managed Policy Reference"},
		{"PowerUserAccess", "PowerUserAccess", "the export lacks it; the supplement adds it from AWS's Managed Policy Reference"},
		{"arn:aws:iam::aws:policy/AWSLambdaRole", "", "the path is part of the ARN"},
		{"readonlyaccess", "", "IAM names are case-sensitive"},
		{"arn:aws:iam::111122223333:policy/ReadOnlyAccess", "", "a customer managed policy is not an AWS managed one"},
		{"NoSuchPolicy", "", "unknown"},
		{"", "", "empty"},
	}
	for _, tc := range tests {
		p := managed.Lookup(tc.key)
		if tc.want == "" {
			assert.Nil(t, p, "%s: %s", tc.key, tc.why)
			continue
		}
		require.NotNil(t, p, "%s: %s", tc.key, tc.why)
		assert.Equal(t, tc.want, p.Name, tc.why)
	}
	assert.True(t, managed.IsManagedARN("arn:aws:iam::aws:policy/NoSuch"))
	assert.False(t, managed.IsManagedARN("arn:aws:iam::111122223333:policy/x"))
}

func TestEveryPolicyParses(t *testing.T) {
	t.Parallel()
	all := managed.All()
	assert.Greater(t, len(all), 1500, "AWS publishes over 1,500 managed policies")
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, managed.Date())
	for i, p := range all {
		if i > 0 {
			assert.Less(t, all[i-1].Name, p.Name, "sorted by name")
		}
		pol, err := p.Policy()
		require.NoError(t, err, "%s: AWS's own policies are valid", p.Name)
		assert.Equal(t, p.Name, pol.ID())
		if p.ARN != "" {
			assert.Same(t, p, managed.ByARN(p.ARN), p.Name)
		} else {
			assert.True(t, p.Deprecated, "%s: only deprecated policies lack an ARN in the export", p.Name)
		}
	}
}

func TestParseOnceAndAs(t *testing.T) {
	t.Parallel()
	p := managed.ByName("ReadOnlyAccess")
	require.NotNil(t, p)
	var wg sync.WaitGroup
	got := make([]*policy.Policy, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = p.Policy()
		}()
	}
	wg.Wait()
	for _, g := range got {
		assert.Same(t, got[0], g, "parsed once, shared")
	}
	b, err := p.ParseAs(policy.PermissionsBoundary)
	require.NoError(t, err, "a managed policy may serve as a permissions boundary")
	assert.NotSame(t, got[0], b)
}
