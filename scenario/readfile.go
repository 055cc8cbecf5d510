package scenario

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unsafe"
)

// MaxFileSize is the largest scenario or policy file that [ReadFile]
// accepts, and the most [ReadLimited] reads from a stream: 64 MiB, far
// above any real scenario suite and IAM's own policy size limits, and
// small enough that a wrong path cannot exhaust memory.
const MaxFileSize = 64 << 20

// Errors of [ReadFile] and [ReadLimited], wrapped in an *fs.PathError that
// names the file.
var (
	// ErrNotRegular: the path names a directory, a named pipe, a device or
	// a socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the input is larger than MaxFileSize.
	ErrTooLarge = fmt.Errorf("larger than the %d MiB input limit (%d bytes)", MaxFileSize>>20, MaxFileSize)
)

// ReadFile reads a scenario file or a policy file named by {"file": ...}.
// Unlike os.ReadFile it refuses anything that is not a regular file (a
// device such as /dev/zero, a named pipe, a socket, a directory) and files
// larger than [MaxFileSize], so that a mistaken or hostile path gives an
// error instead of a hang or an exhausted memory. The path is examined
// with Stat before it is opened, because opening a named pipe blocks until
// a writer appears; the open itself does not block either (O_NONBLOCK),
// and the opened file is checked again in case the path changed in
// between. A symbolic link is followed to what it names. [LoadFile] and
// every iameval command read files with it.
func ReadFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	return readLimited(path, f, info.Size())
}

// ReadText is [ReadFile] returning the text as a string that shares the
// bytes read, which nothing else holds or writes: a policy file of up to
// [MaxFileSize] is not copied to become text (issue 15).
func ReadText(path string) (string, error) {
	src, err := ReadFile(path)
	if err != nil {
		return "", err
	}
	return unsafe.String(unsafe.SliceData(src), len(src)), nil
}

// ReadLimited reads all of r, a stream such as standard input named name
// in messages, and fails once it has read more than [MaxFileSize] bytes
// instead of exhausting memory.
func ReadLimited(name string, r io.Reader) ([]byte, error) {
	return readLimited(name, r, 0)
}

// readLimited reads r, of size bytes when known (0 otherwise), refusing
// more than MaxFileSize bytes.
func readLimited(name string, r io.Reader, size int64) ([]byte, error) {
	if size > MaxFileSize {
		return nil, tooLarge(name)
	}
	buf := make([]byte, 0, size+512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), MaxFileSize+1)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxFileSize {
			return nil, tooLarge(name)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
	}
}

// tooLarge is the error for input past MaxFileSize.
func tooLarge(name string) error {
	return &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
}

// checkRegular refuses what is not a regular file, naming what it is.
func checkRegular(path string, info fs.FileInfo) error {
	m := info.Mode()
	if m.IsRegular() {
		return nil
	}
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w (a %s)", ErrNotRegular, kind)}
}
