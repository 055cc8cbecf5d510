package scenario

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// MaxTotalRead is the most bytes of files one run reads: the distinct
// files a [Files] reads, and the policy files one scenario file parses
// (each {"file": ...} reference with its own id or type is parsed on its
// own). 256 MiB is four times the largest file, far above any real suite,
// and bounds the memory a small scenario could otherwise demand by naming
// one large policy many times.
const MaxTotalRead = 256 << 20

// ErrReadBudget is wrapped by the error for a run that would read more
// than MaxTotalRead bytes.
var ErrReadBudget = fmt.Errorf("the files of this run exceed the %d MiB total read limit", MaxTotalRead>>20)

// totalReadLimit is MaxTotalRead, lowered by tests.
var totalReadLimit int64 = MaxTotalRead

// Files reads the scenario and policy files of one run with [ReadFile]:
// each path once, later reads getting the same text, and at most
// [MaxTotalRead] bytes in all. The zero Files is ready to use and safe for
// concurrent use.
type Files struct {
	// OnRead, when set, is called with the size of each file read for
	// the first time, before its text is parsed: iameval raises its soft
	// memory limit with it. It is called with the Files locked, so it
	// must not use the Files.
	OnRead func(size int)
	// Meter, when set, measures the coverage of each case RunEach runs,
	// as MeasureCoverage would of the loaded files.
	Meter *CoverageMeter

	mu    sync.Mutex
	read  map[string]string // by cleaned absolute path
	total int64
}

// ReadFile reads path, or the text read for it before, and returns a copy
// of its bytes.
func (f *Files) ReadFile(path string) ([]byte, error) {
	text, err := f.readText(path)
	if err != nil {
		return nil, err
	}
	return []byte(text), nil
}

// readText reads path once and keeps its text: [Files.Load] parses
// policies from that text, so that a policy file is held once, not as
// bytes here and again as the text of its parsed policy (issue 15).
func (f *Files) readText(path string) (string, error) {
	key := path
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if text, ok := f.read[key]; ok {
		return text, nil
	}
	text, err := ReadText(path)
	if err != nil {
		return "", err
	}
	if f.total+int64(len(text)) > totalReadLimit {
		return "", &fs.PathError{Op: "read", Path: path, Err: ErrReadBudget}
	}
	f.total += int64(len(text))
	if f.read == nil {
		f.read = map[string]string{}
	}
	f.read[key] = text
	if f.OnRead != nil {
		f.OnRead(len(text))
	}
	return text, nil
}

// Load reads and loads the scenario file at path as [LoadFile] does,
// reading it and its {"file": ...} policies through f.
func (f *Files) Load(path string) (*File, error) {
	text, err := f.readText(path)
	if err != nil {
		return &File{Name: path, Errors: diag.ErrorList{readError(path, err)}}, err
	}
	return load(path, text, f.ReadFile, f.readText)
}

// fileRef names one parse of a policy file: the same file read with
// another id or type is another policy.
type fileRef struct {
	name string
	typ  policy.Type
	id   string
}
