package scenario

import (
	"github.com/iameval/iameval/account"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// File-level keys of a scenario file.
var fileKeys = []string{"name", "policies", "principal", "cases", "accounts"}

// loader reads one scenario document.
type loader struct {
	walker
	open     func(path string) ([]byte, error)
	openText func(path string) (string, error) // when not nil, reads policy files in place of open, without a copy
	caseErrs diag.ErrorList                    // problems of single cases, moved out of errs
	warnings diag.ErrorList
	sources  map[*policy.Policy]*policySource
	accts    *account.Accounts // the file's "accounts", or nil
	// parsed holds each policy file parsed so far by name, type and id,
	// so that a file named by many references is parsed once;
	// parsedBytes counts the bytes of the files parsed, against
	// MaxTotalRead.
	parsed      map[fileRef]*policy.Policy
	parsedBytes int64
	// each, when set, receives each case as it is read, which the File
	// then does not keep (see Files.RunEach).
	each func(*Case)
}

// Load reads the scenario file src, named name in positions and results.
//
// src is either a file object ({"name", "policies", "principal", "cases"})
// or a bare array of cases, as the package documentation describes. Every policy
// is parsed and validated, every principal and context built, and every
// case's request constructed, so that a File that loads runs without
// further errors.
//
// A {"file": "p.json"} policy is read with open, which receives the path
// resolved against the directory of name (filepath.Join(filepath.Dir(name),
// "p.json"); absolute paths are kept). open may be nil when no policy is
// read from a file.
//
// The error, when not nil, is a [diag.ErrorList] holding every problem
// found, sorted, each with its file, line and column: unknown or repeated
// keys, values of the wrong type, missing keys, invalid policies
// (positioned in the scenario file for embedded documents and in the
// policy file for {"file": ...}) and requests the engine rejects.
//
// The File is returned even then, so that one bad case does not hide the
// others: a case with problems of its own carries them in [Case.Err] and
// every other case still runs; problems outside any case are in
// [File.Errors]. [File.Run] reports each as one error result.
func Load(name string, src []byte, open func(path string) ([]byte, error)) (*File, error) {
	return load(name, string(src), open, nil)
}

// load is [Load] of the text src; openText, when not nil, reads the
// policy files as text.
func load(name, src string, open func(path string) ([]byte, error), openText func(path string) (string, error)) (*File, error) {
	return (&loader{walker: walker{name: name}, open: open, openText: openText}).load(src)
}

// load loads the scenario file src.
func (l *loader) load(src string) (*File, error) {
	name := l.name
	f := &File{Name: name}
	doc, err := jsonsrc.Parse(src, diag.Position{File: name})
	if err != nil {
		f.Errors = diag.ErrorList{jsonsrc.SyntaxProblem(err, name, ErrSyntax)}
		return f, f.Errors
	}
	l.doc = doc
	f = l.file(doc.Root())
	l.errs = l.problems()
	if len(l.errs) > 0 {
		l.errs.Sort()
		f.Errors = l.errs
	}
	f.Warnings = l.warnings
	f.Warnings.Sort()
	f.sources = l.sources
	all := diag.Cut(append(append(diag.ErrorList(nil), l.errs...), l.caseErrs...))
	all.Sort()
	return f, all.Err()
}

// LoadFile reads the scenario file at path with [Load], opening {"file": ...}
// policies relative to the directory of path. A file that cannot be read
// gives a File whose [File.Errors] says why (for a missing file, "no such
// file"), with the read error itself returned.
//
// Each policy file is read once however many references name it, and the
// file with its policies may not exceed [MaxTotalRead] bytes in all; use
// [Files.Load] to share that budget across the files of a run.
func LoadFile(path string) (*File, error) {
	return new(Files).Load(path)
}

// file reads the top-level value: a file object or a bare array of cases.
func (l *loader) file(root jsonsrc.Value) *File {
	f := &File{Name: l.name}
	if isArray(root) {
		f.Cases = l.cases(root, "", defaults{ok: true})
		return f
	}
	if !isObject(root) {
		l.typeError(root, "", "a scenario object or a list of cases")
		return f
	}
	fm := l.fields(root, "", "the scenario file", fileKeys...)
	if m, ok := fm["name"]; ok {
		f.Title, _ = l.str(m.Value, "name")
	}
	accountsOK := true
	if m, ok := fm["accounts"]; ok {
		l.accts = l.accounts(m.Value, "accounts")
		accountsOK = l.accts != nil
	}
	var set policySet
	setOK := accountsOK
	if m, ok := fm["policies"]; ok {
		set, setOK = l.policySet(m.Value, "policies")
	}
	d := defaults{set: set, ok: setOK}
	if m, ok := fm["principal"]; ok {
		var pOK bool
		d.principal, pOK = l.casePrincipal(m.Value, "principal")
		d.hasPrincipal = true
		d.ok = d.ok && pOK
	}
	m, ok := fm["cases"]
	if !ok {
		l.errorf(root.Index, "", ErrMissing, `missing "cases"`)
		return f
	}
	if !isArray(m.Value) {
		l.typeError(m.Value, "cases", "a list of cases")
		return f
	}
	// A broken file-level principal or policy set has been reported; the
	// cases are still read for their own problems but not built on it.
	f.Cases = l.cases(m.Value, "cases", d)
	return f
}
