package scenario

import (
	"fmt"
	"io"
	"os"
)

// MaxFileSize is the largest scenario or policy file that [ReadFile]
// accepts: 64 MiB, far above any real scenario suite and IAM's own policy
// size limits, and small enough that a wrong path cannot exhaust memory.
const MaxFileSize = 64 << 20

// ReadFile reads a scenario file or a policy file named by {"file": ...}.
// Unlike os.ReadFile it refuses anything that is not a regular file (a
// device such as /dev/zero, a named pipe, a directory) and files larger
// than [MaxFileSize], so that a mistaken path gives an error instead of a
// hang or an exhausted memory. [LoadFile] uses it for every read.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d bytes", path, MaxFileSize)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d bytes", path, MaxFileSize)
	}
	return src, nil
}
