package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordLimits returns a setter that records the limits set.
func recordLimits(got *[]int64) func(int64) int64 {
	return func(n int64) int64 {
		*got = append(*got, n)
		return 0
	}
}

func TestMemLimitGrowsWithBytesRead(t *testing.T) {
	// Issue 15: the limit starts at the base and rises with each file
	// read, so that a large input is never squeezed under a fixed limit.
	var got []int64
	l := newMemLimit(false, recordLimits(&got))
	l.add(1000)
	l.add(0) // an empty file changes nothing
	l.add(500)
	assert.Equal(t, []int64{memLimitBase, memLimitBase + 1000*memLimitPerByte, memLimitBase + 1500*memLimitPerByte}, got)
}

func TestMemLimitLeavesGOMEMLIMITAlone(t *testing.T) {
	// A user who set GOMEMLIMIT chose the limit
	// (https://pkg.go.dev/runtime#hdr-Environment_Variables): the
	// command never overrides it.
	var got []int64
	l := newMemLimit(true, recordLimits(&got))
	l.add(1 << 20)
	assert.Empty(t, got)
	var zero memLimit
	zero.add(1 << 20) // the zero memLimit does nothing, and does not panic
}

func TestTestAndValidateRaiseTheLimitPerFile(t *testing.T) {
	// test raises the limit for the scenario file and for each policy
	// file it reads, validate for each policy file, before parsing.
	dir := t.TempDir()
	pol := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.json"), []byte(pol), 0o644))
	sc := `{"policies":{"identity":[{"file":"p.json"}]},"cases":[{"name":"c","principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"*","expect":"allowed"}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.json"), []byte(sc), 0o644))

	var got []int64
	restore := startMemLimit
	t.Cleanup(func() { startMemLimit = restore })
	startMemLimit = func() *memLimit { return newMemLimit(false, recordLimits(&got)) }

	var out, errOut bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"test", filepath.Join(dir, "s.json")}, &out, &errOut), errOut.String())
	assert.Equal(t, []int64{memLimitBase, memLimitBase + int64(len(sc))*memLimitPerByte,
		memLimitBase + int64(len(sc)+len(pol))*memLimitPerByte}, got)

	got = nil
	assert.Equal(t, exitOK, run([]string{"validate", filepath.Join(dir, "p.json")}, &out, &errOut), errOut.String())
	assert.Equal(t, []int64{memLimitBase, memLimitBase + int64(len(pol))*memLimitPerByte}, got)
}
