package scenario

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestReadFileFollowsLinksButNotIntoPipes: a symbolic link to a regular
// file reads it; one to a named pipe is refused without opening the pipe,
// which would block until a writer appears (issue 15).
func TestReadFileFollowsLinksButNotIntoPipes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	regular := filepath.Join(dir, "p.json")
	require.NoError(t, os.WriteFile(regular, []byte(`{}`), 0o600))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(regular, link))
	got, err := ReadFile(link)
	require.NoError(t, err)
	assert.Equal(t, "{}", string(got))

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	fifoLink := filepath.Join(dir, "fifo-link.json")
	require.NoError(t, os.Symlink(fifo, fifoLink))
	done := make(chan error, 1)
	go func() { _, err := ReadFile(fifoLink); done <- err }()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, ErrNotRegular)
		assert.ErrorContains(t, err, "named pipe")
	case <-time.After(time.Minute):
		// A blocked open never returns: a generous limit still catches
		// it and stays clear of a slow -race run on a loaded machine.
		t.Fatal("ReadFile blocked on a named pipe without a writer")
	}
}

// zeros is an endless stream of zero bytes, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReadLimited: a stream is read up to MaxFileSize bytes and refused
// past it, with the stream's name (issue 15: simulate - < /dev/zero).
func TestReadLimited(t *testing.T) {
	t.Parallel()
	got, err := ReadLimited("<stdin>", strings.NewReader(`{"a": 1}`))
	require.NoError(t, err)
	assert.Equal(t, `{"a": 1}`, string(got))

	got, err = ReadLimited("<stdin>", io.LimitReader(zeros{}, MaxFileSize))
	require.NoError(t, err, "exactly MaxFileSize bytes are accepted")
	assert.Len(t, got, MaxFileSize)

	_, err = ReadLimited("<stdin>", zeros{})
	require.ErrorIs(t, err, ErrTooLarge)
	var pe *fs.PathError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "<stdin>", pe.Path)
}

// TestReadFileRefusesLargeFiles: a file past MaxFileSize is refused from
// its size alone, before any byte is read.
func TestReadFileRefusesLargeFiles(t *testing.T) {
	t.Parallel()
	_, err := ReadFile(tooLargeFile(t, t.TempDir()))
	assert.ErrorIs(t, err, ErrTooLarge)
}

// tooLargeFile creates in dir a sparse file (no disk used) one byte past
// MaxFileSize and returns its path.
func tooLargeFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "big.json")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxFileSize+1))
	require.NoError(t, f.Close())
	return path
}

// ReadText is ReadFile as text: the same content, an empty file as "",
// and the same refusals (a directory, a file past MaxFileSize, a missing
// path), so that validate and the scenario loader read files one way.
func TestReadText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, content := range []string{`{"Version":"2012-10-17"}`, ""} {
		path := filepath.Join(dir, "p.json")
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		got, err := ReadText(path)
		require.NoError(t, err)
		assert.Equal(t, content, got)
	}
	_, err := ReadText(dir)
	assert.ErrorIs(t, err, ErrNotRegular)
	_, err = ReadText(tooLargeFile(t, dir))
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = ReadText(filepath.Join(dir, "missing.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
