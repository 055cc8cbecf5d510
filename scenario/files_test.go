package scenario

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigPolicy writes a policy file of n statements into dir.
func bigPolicy(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b%d/*"}`, i)
	}
	b.WriteString(`]}`)
	path := filepath.Join(dir, "big.json")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	return path
}

// scenarioReferencing writes a scenario with cases cases, each naming the
// policy file; with distinctIDs each reference has its own id.
func scenarioReferencing(t *testing.T, dir string, cases int, distinctIDs bool) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"principal": "arn:aws:iam::111111111111:user/alice", "cases": [`)
	for i := range cases {
		if i > 0 {
			b.WriteByte(',')
		}
		ref := `{"file": "big.json"}`
		if distinctIDs {
			ref = fmt.Sprintf(`{"id": "p%d", "file": "big.json"}`, i)
		}
		fmt.Fprintf(&b, `{"name": "c%d", "action": "s3:GetObject", "resource": "arn:aws:s3:::b1/k", "policies": {"identity": [%s]}, "expect": "allowed"}`, i, ref)
	}
	b.WriteString(`]}`)
	path := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	return path
}

// TestRepeatedFileReferencesAreReadOnce: a small scenario naming one large
// policy file in every case reads and parses it once (issue 15: 40
// references to an 8.3 MB policy peaked at 6.3 GB; 1,000 aborted).
func TestRepeatedFileReferencesAreReadOnce(t *testing.T) {
	dir := t.TempDir()
	policyPath := bigPolicy(t, dir, 5_000) // about 380 KB
	info, err := os.Stat(policyPath)
	require.NoError(t, err)
	path := scenarioReferencing(t, dir, 100, false)

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := LoadFile(path)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Len(t, f.Cases, 100)
	assert.Same(t, f.Cases[0].Policies.Identity[0], f.Cases[99].Policies.Identity[0], "one parse serves every reference")
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("policy %d bytes, 100 references: %d MB allocated", info.Size(), allocated>>20)
	assert.Less(t, allocated, uint64(60*info.Size()), "allocation does not grow with the references")
	assert.True(t, f.Cases[0].Run().Pass, "the shared policy decides")
}

// TestReadBudget: references that parse the same file again under other
// ids stop at the total read limit with a positioned error instead of
// exhausting memory, and a run's Files refuses past it too. The limit is
// lowered to 1 MiB here (MaxTotalRead in use); not parallel for that.
func TestReadBudget(t *testing.T) {
	saved := totalReadLimit
	totalReadLimit = 1 << 20
	defer func() { totalReadLimit = saved }()
	dir := t.TempDir()
	policyPath := bigPolicy(t, dir, 4_000) // about 300 KB: 4 parses pass 1 MiB
	path := scenarioReferencing(t, dir, 6, true)
	f, err := LoadFile(path)
	require.Error(t, err)
	assert.ErrorContains(t, err, "total read limit")
	assert.ErrorContains(t, err, path+":1:", "positioned at the reference")
	assert.NotNil(t, f.Cases[0].Policies, "the references within the limit load")

	var files Files
	_, err = files.ReadFile(policyPath)
	require.NoError(t, err)
	for range 10 {
		_, err = files.ReadFile(policyPath)
		require.NoError(t, err, "a second read of the same path is free")
	}
	other := filepath.Join(dir, "other.json")
	require.NoError(t, os.WriteFile(other, make([]byte, 900<<10), 0o600))
	_, err = files.ReadFile(other)
	assert.ErrorIs(t, err, ErrReadBudget, "300 KB + 900 KB pass 1 MiB")
}
