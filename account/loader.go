package account

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/managed"
)

// Kind is the kind of an IAM entity of an export.
type Kind uint8

// The kinds of entities.
const (
	KindUser Kind = iota
	KindGroup
	KindRole
)

// String returns "user", "group" or "role".
func (k Kind) String() string {
	switch k {
	case KindUser:
		return "user"
	case KindGroup:
		return "group"
	case KindRole:
		return "role"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Options configures a [Loader].
type Options struct {
	// AWSManaged returns the default version of an AWS managed policy
	// (arn:aws:iam::aws:policy/...) that an export attaches but does not
	// include, and false when it knows no such policy. Nil means the
	// copies embedded in package managed.
	AWSManaged func(policyARN string) (document []byte, ok bool)
	// ReadFile reads the files of [LoadFiles] and of
	// [Loader.AddResourcePolicyDir]; nil means os.ReadFile. The command
	// passes its bounded reader.
	ReadFile func(name string) ([]byte, error)
}

// Loader gathers the inputs of one or more accounts and resolves them
// with [Loader.Load]. Add every input first; the order does not matter.
// A Loader is not safe for concurrent use.
type Loader struct {
	opts     Options
	errs     diag.ErrorList
	entities map[string]*entity        // by ARN
	managed  map[string]*managedPolicy // by ARN
	resource map[string]rawResource
	org      []*orgInput
}

// NewLoader returns an empty Loader.
func NewLoader(opts Options) *Loader {
	if opts.AWSManaged == nil {
		opts.AWSManaged = embeddedManaged
	}
	return &Loader{opts: opts, entities: map[string]*entity{}, managed: map[string]*managedPolicy{}, resource: map[string]rawResource{}}
}

// AddExport adds the output of `aws iam get-account-authorization-details`
// (or one page of it: pages of one account are merged) read from the file
// name. Policy documents may be JSON objects, as the AWS CLI and SDKs
// print them, or strings, URL-encoded as the IAM API returns them.
// Problems are collected and returned by [Loader.Load].
func (l *Loader) AddExport(name string, src []byte) {
	if r := open(name, src, &l.errs); r != nil {
		l.export(r)
	}
}

// addEntity records an entity, reporting one given twice.
func (l *Loader) addEntity(e *entity) {
	if e == nil || e.arn == "" || e.account == "" {
		return
	}
	if first, dup := l.entities[e.arn]; dup {
		l.errs = append(l.errs, &diag.Error{Pos: e.pos, Kind: ErrDuplicateKey, Msg: fmt.Sprintf("%s is given twice (first at %s)", e.arn, first.pos)})
		return
	}
	l.entities[e.arn] = e
}

// addManaged records a managed policy, reporting one given twice.
func (l *Loader) addManaged(m *managedPolicy) {
	if m == nil || m.arn == "" {
		return
	}
	if first, dup := l.managed[m.arn]; dup {
		l.errs = append(l.errs, &diag.Error{Pos: m.pos, Kind: ErrDuplicateKey, Msg: fmt.Sprintf("managed policy %s is given twice (first at %s)", m.arn, first.pos)})
		return
	}
	l.managed[m.arn] = m
}

// Load resolves every input into [Accounts]. On any problem it returns a
// [diag.ErrorList] with every problem found, sorted, each positioned
// (file:line:col): invalid JSON, values of the wrong type, invalid
// policies, and references to a group or managed policy that no input
// holds.
func (l *Loader) Load() (*Accounts, error) {
	a := l.resolve()
	if len(l.errs) > 0 {
		// At most diag.MaxErrors problems are reported, the last one
		// counting the rest.
		errs := diag.Cut(l.errs)
		errs.Sort()
		return nil, errs
	}
	return a, nil
}

// Files names the input files of [LoadFiles].
type Files struct {
	// Exports are outputs of `aws iam get-account-authorization-details`.
	Exports []string
	// ResourcePolicies are JSON maps from resource ARN to policy, or
	// directories of get-*-policy outputs (see [Loader.AddResourcePolicies]
	// and [Loader.AddResourcePolicyDir]).
	ResourcePolicies []string
	// Organizations are organization inputs (see [Loader.AddOrganization]).
	Organizations []string
}

// LoadFiles reads the files of in with a Loader and loads them.
func LoadFiles(in Files, opts Options) (*Accounts, error) {
	l := NewLoader(opts)
	var errs diag.ErrorList
	read := func(name string) []byte {
		src, err := l.readFile(name)
		if err != nil {
			errs = append(errs, &diag.Error{Pos: diag.Position{File: name, Line: 1, Column: 1}, Kind: ErrValue, Msg: err.Error()})
			return nil
		}
		return src
	}
	for _, f := range in.Exports {
		if src := read(f); src != nil {
			l.AddExport(f, src)
		}
	}
	for _, f := range in.ResourcePolicies {
		if st, err := os.Stat(f); err == nil && st.IsDir() {
			if err := l.AddResourcePolicyDir(f); err != nil {
				errs = append(errs, &diag.Error{Pos: diag.Position{File: f, Line: 1, Column: 1}, Kind: ErrValue, Msg: err.Error()})
			}
			continue
		}
		if src := read(f); src != nil {
			l.AddResourcePolicies(f, src)
		}
	}
	for _, f := range in.Organizations {
		if src := read(f); src != nil {
			l.AddOrganization(f, src)
		}
	}
	if len(errs) > 0 {
		errs = diag.Cut(append(errs, l.errs...))
		errs.Sort()
		return nil, errs
	}
	return l.Load()
}

// embeddedManaged finds an AWS managed policy in package managed.
func embeddedManaged(policyARN string) ([]byte, bool) {
	p := managed.ByARN(policyARN)
	if p == nil {
		return nil, false
	}
	return []byte(p.Document), true
}

// readFile reads a file with Options.ReadFile.
func (l *Loader) readFile(name string) ([]byte, error) {
	if l.opts.ReadFile != nil {
		return l.opts.ReadFile(name)
	}
	return os.ReadFile(name)
}

// dirFiles lists the .json files of dir, sorted.
func dirFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".json" {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}
