package scenario

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	regular := filepath.Join(dir, "p.json")
	require.NoError(t, os.WriteFile(regular, []byte(`{}`), 0o600))
	got, err := ReadFile(regular)
	require.NoError(t, err)
	assert.Equal(t, "{}", string(got))

	_, err = ReadFile(dir)
	assert.ErrorContains(t, err, "not a regular file", "a directory")
	if _, statErr := os.Stat("/dev/zero"); statErr == nil {
		_, err = ReadFile("/dev/zero")
		assert.ErrorContains(t, err, "not a regular file", "an endless device must not exhaust memory")
	}
	fifo := filepath.Join(dir, "fifo")
	if syscall.Mkfifo(fifo, 0o600) == nil {
		// Opening a FIFO for reading blocks until a writer appears; keep one
		// open so the test itself cannot hang, then check the refusal.
		w, werr := os.OpenFile(fifo, os.O_RDWR, 0)
		require.NoError(t, werr)
		defer w.Close()
		_, err = ReadFile(fifo)
		assert.ErrorContains(t, err, "not a regular file", "a named pipe must not hang the loader")
	}
	_, err = ReadFile(filepath.Join(dir, "missing.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestLoadFileRefusesDevicePolicy(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"principal": "arn:aws:iam::111111111111:user/alice",
 "policies": {"identity": [{"file": "/dev/zero"}]},
 "cases": [{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}]}`), 0o600))
	_, err := LoadFile(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a regular file")
	assert.Contains(t, err.Error(), path+":2:", "the error is positioned at the file reference")
}
