package scenario

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// policyRefKeys are the keys of the object form {"id": ..., "document": ...}
// or {"id": ..., "file": ...}. A policy document itself never has them: its
// elements are capitalised (Version, Id, Statement).
var policyRefKeys = []string{"id", "document", "file"}

// policyRef reads one POLICY: a document object, a JSON string holding the
// document, {"file": ...}, or {"id": ..., "document"|"file": ...}. defID is
// the id used when none is given. It returns nil after recording the
// problems when the policy cannot be used.
func (l *loader) policyRef(v jsonsrc.Value, path, defID string, typ policy.Type) *policy.Policy {
	switch {
	case v.Kind == jsonsrc.String:
		return l.parseString(v, path, defID, typ)
	case isObject(v):
		if !l.isReference(v) {
			return l.parseEmbedded(v, path, defID, typ)
		}
	default:
		l.typeError(v, path, `a policy (a document object, a JSON string, or {"file": ...})`)
		return nil
	}
	f := l.fields(v, path, "policy reference", policyRefKeys...)
	id := defID
	if m, ok := f["id"]; ok {
		s, good := l.nonEmptyStr(m.Value, join(path, "id"))
		if !good {
			return nil
		}
		id = s
	}
	doc, hasDoc := f["document"]
	file, hasFile := f["file"]
	switch {
	case hasDoc && hasFile:
		l.errorf(file.KeyIndex, join(path, "file"), ErrConflict, `give either "document" or "file", not both`)
		return nil
	case hasDoc:
		switch {
		case doc.Value.Kind == jsonsrc.String:
			return l.parseString(doc.Value, join(path, "document"), id, typ)
		case isObject(doc.Value):
			return l.parseEmbedded(doc.Value, join(path, "document"), id, typ)
		default:
			l.typeError(doc.Value, join(path, "document"), "a policy document (an object or a JSON string)")
			return nil
		}
	case hasFile:
		return l.parseFile(file.Value, join(path, "file"), id, typ)
	default:
		l.errorf(v.Index, path, ErrMissing, `a policy reference needs "document" or "file"`)
		return nil
	}
}

// isReference reports whether the object v is the reference form rather
// than a policy document: it has an "id", "document" or "file" key.
func (l *loader) isReference(v jsonsrc.Value) bool {
	for it := l.doc.Items(v); ; {
		k, _, more := it.Next()
		if !more {
			return false
		}
		if slices.Contains(policyRefKeys, l.doc.Str(k)) {
			return true
		}
	}
}

// parseEmbedded parses a policy document written as an object inside the
// scenario file; its positions are scenario-file positions.
func (l *loader) parseEmbedded(v jsonsrc.Value, path, id string, typ policy.Type) *policy.Policy {
	// The document's text is the scenario's own, not a copy: a list of
	// 100,000 policies copied each twice (issue 15).
	return l.parse(l.doc.Raw(v), id, typ, l.pos(v.Index), func(e *diag.Error) {
		e.Path = within(path, e.Path)
	})
}

// within prefixes the path of a problem inside an embedded policy with the
// policy's path in the scenario file.
func within(prefix, inner string) string {
	switch {
	case inner == "":
		return prefix
	case prefix == "":
		return inner
	case strings.HasPrefix(inner, "["):
		return prefix + inner
	}
	return prefix + "." + inner
}

// parseString parses a policy document held in a JSON string. The document
// is parsed from shadow text aligned byte for byte with the string literal,
// so positions point into the scenario file.
func (l *loader) parseString(v jsonsrc.Value, path, id string, typ policy.Type) *policy.Policy {
	start := v.Index + 1 // after the opening quote
	raw := l.doc.Raw(v)[1 : v.End-v.Index-1]
	return l.parse(shadow(raw), id, typ, l.pos(start), func(e *diag.Error) {
		// Recompute line and column from the byte offset, which shadow
		// keeps exact, against the scenario file's own line index.
		off := e.Pos.Offset
		if off < start {
			off = start
		}
		if off > start+len(raw) {
			off = start + len(raw)
		}
		e.Pos = l.pos(off)
		e.Path = within(path, e.Path)
	})
}

// parseFile reads and parses {"file": path}. The path is relative to the
// scenario file; its positions are positions in that policy file.
func (l *loader) parseFile(v jsonsrc.Value, path, id string, typ policy.Type) *policy.Policy {
	rel, ok := l.nonEmptyStr(v, path)
	if !ok {
		return nil
	}
	if l.open == nil && l.openText == nil {
		l.errorf(v.Index, path, ErrValue, "cannot read %q: no file opener was given to Load", rel)
		return nil
	}
	name := rel
	if !filepath.IsAbs(rel) {
		name = filepath.Join(filepath.Dir(l.name), filepath.FromSlash(rel))
	}
	ref := fileRef{name: name, typ: typ, id: id}
	if p, ok := l.parsed[ref]; ok {
		return p // parsed, and its warnings reported, for an earlier reference
	}
	text, err := l.readText(name)
	if err != nil {
		l.errorf(v.Index, path, ErrValue, "cannot read policy file: %v", err)
		return nil
	}
	if l.parsedBytes += int64(len(text)); l.parsedBytes > totalReadLimit {
		l.errorf(v.Index, path, ErrValue, "cannot read policy file %s: %v (a reference with another id or type parses the file again)", name, ErrReadBudget)
		return nil
	}
	// One copy of the text serves the policy and the kept source (issue
	// 15: each made its own).
	p, err := policy.ParseString(text, policy.Source{ID: id, File: name, Type: typ})
	if err != nil {
		l.addPolicyErrors(err, nil)
		return nil
	}
	l.warnings = append(l.warnings, p.Warnings()...)
	l.keepSource(p, &policySource{text: text, file: name})
	if l.parsed == nil {
		l.parsed = map[fileRef]*policy.Policy{}
	}
	l.parsed[ref] = p
	return p
}

// readText reads a policy file with openText, or with open and a copy
// of its bytes.
func (l *loader) readText(name string) (string, error) {
	if l.openText != nil {
		return l.openText(name)
	}
	src, err := l.open(name)
	return string(src), err
}

// parse parses one policy document with its source position base and adds
// its errors and warnings, adjusted by fix when not nil.
func (l *loader) parse(text, id string, typ policy.Type, base diag.Position, fix func(*diag.Error)) *policy.Policy {
	p, err := policy.ParseString(text, policy.Source{ID: id, File: l.name, Type: typ, Base: base})
	if err != nil {
		l.addPolicyErrors(err, fix)
		return nil
	}
	l.keepSource(p, &policySource{text: text, base: base.Offset, file: l.name, doc: l.doc})
	for _, w := range p.Warnings() {
		if fix != nil {
			c := *w
			fix(&c)
			w = &c
		}
		l.warnings = append(l.warnings, w)
	}
	return p
}

// addPolicyErrors records the errors policy.Parse returned, and the
// warnings it returned with them.
func (l *loader) addPolicyErrors(err error, fix func(*diag.Error)) {
	var list diag.ErrorList
	if !errors.As(err, &list) {
		var one *diag.Error
		if errors.As(err, &one) {
			list = diag.ErrorList{one}
		} else {
			l.add(&diag.Error{Pos: diag.Position{File: l.name}, Kind: ErrValue, Msg: err.Error()})
			return
		}
	}
	for _, e := range list {
		if fix != nil {
			c := *e
			fix(&c)
			e = &c
		}
		if e.IsWarning() {
			l.warnings = append(l.warnings, e) // reported with the errors
			continue
		}
		l.add(e)
	}
}
