package report

import (
	"errors"
	"io/fs"

	"github.com/iameval/iameval/policy"
)

// Loader parses an example's policy documents from the files embedded in
// it, collecting every problem so that one run reports them all.
type Loader struct {
	fsys fs.FS
	errs []error
}

// NewLoader returns a Loader reading "policies/FILE" from fsys.
func NewLoader(fsys fs.FS) *Loader { return &Loader{fsys: fsys} }

// Load parses policies/file as a policy of type t named id. On a problem
// it records the error and returns nil.
func (l *Loader) Load(file, id string, t policy.Type) *policy.Policy {
	name := "policies/" + file
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.errs = append(l.errs, err)
		return nil
	}
	p, err := policy.Parse(src, policy.Source{ID: id, File: name, Type: t})
	if err != nil {
		l.errs = append(l.errs, err)
	}
	return p
}

// Err returns every problem Load met, joined, or nil.
func (l *Loader) Err() error { return errors.Join(l.errs...) }
