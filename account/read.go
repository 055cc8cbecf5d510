package account

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// reader reads one input document through internal/jsonsrc, collecting
// positioned problems in the shared list.
type reader struct {
	name string
	doc  *jsonsrc.Doc
	errs *diag.ErrorList
}

// open parses src as JSON; on a syntax error it records it and returns nil.
func open(name string, src []byte, errs *diag.ErrorList) *reader {
	doc, err := jsonsrc.Parse(string(src), diag.Position{File: name})
	if err != nil {
		*errs = append(*errs, jsonsrc.SyntaxProblem(err, name, ErrSyntax))
		return nil
	}
	return &reader{name: name, doc: doc, errs: errs}
}

// pos returns the position of a byte offset of the document.
func (r *reader) pos(off int) diag.Position { return r.doc.Pos(off) }

// errorf records a problem at offset off.
func (r *reader) errorf(off int, path string, kind error, format string, args ...any) {
	*r.errs = append(*r.errs, &diag.Error{Pos: r.pos(off), Path: path, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// fields are the members of an object, first of each key; small enough
// that a linear search beats a map.
type fields []jsonsrc.Member

// get returns the member named key.
func (f fields) get(key string) (jsonsrc.Member, bool) {
	for _, m := range f {
		if m.Key == key {
			return m, true
		}
	}
	return jsonsrc.Member{}, false
}

// object returns the members of v whose keys are among known (through
// jsonsrc's strict walk), reporting a value that is not an object (nil
// then) and repeated keys. Other keys are skipped: AWS adds fields to its
// outputs over time (CreateDate, RoleLastUsed, ...).
func (r *reader) object(v jsonsrc.Value, path, what string, known ...string) fields {
	if !v.IsObject() {
		r.errorf(v.Index, path, ErrType, "expected %s (a JSON object), found %s", what, jsonsrc.TypeName(v))
		return nil
	}
	slots := r.doc.KnownFields(v, jsonsrc.At(path), known, make([]jsonsrc.Member, len(known)), sink{r})
	out := make(fields, 0, len(slots))
	for _, m := range slots {
		if m.Exists() {
			out = append(out, m)
		}
	}
	return out
}

// freeObject returns the members of an object whose keys are data (ARNs,
// IDs), reporting repeated keys.
func (r *reader) freeObject(v jsonsrc.Value, path, what string) fields {
	if !v.IsObject() {
		r.errorf(v.Index, path, ErrType, "expected %s (a JSON object), found %s", what, jsonsrc.TypeName(v))
		return nil
	}
	return r.doc.FreeMembers(v, jsonsrc.At(path), false, fields{}, sink{r})
}

// sink words the problems of jsonsrc's strict walk; unknown keys are not
// problems in AWS outputs.
type sink struct{ r *reader }

// Problem records pr.
func (s sink) Problem(pr *jsonsrc.Problem) {
	switch pr.Kind {
	case jsonsrc.DuplicateKey, jsonsrc.FoldedKey:
		fp := s.r.pos(pr.First.KeyIndex)
		s.r.errorf(pr.Offset, pr.Path(), ErrDuplicateKey, "%q is repeated (first at line %d, column %d)", pr.Key, fp.Line, fp.Column)
	case jsonsrc.WrongType:
		s.r.errorf(pr.Offset, pr.Path(), ErrType, "expected %s, found %s", pr.Want, jsonsrc.TypeName(pr.Value))
	}
	if pr.More > 0 {
		// The repeated keys the walk left out: Load counts them with
		// the problems past diag.MaxErrors.
		*s.r.errs = append(*s.r.errs, diag.TooMany(s.r.pos(pr.MoreOffset), pr.More, false))
	}
}

// array returns the elements of v, reporting a value that is not an array.
// A null (an SDK writing an absent list) is an empty list.
func (r *reader) array(v jsonsrc.Value, path, what string) []jsonsrc.Value {
	if v.Kind == jsonsrc.Null {
		return nil
	}
	if !v.IsArray() {
		r.errorf(v.Index, path, ErrType, "expected %s (a JSON array), found %s", what, jsonsrc.TypeName(v))
		return nil
	}
	return r.doc.Elements(v)
}

// str reads a string member; required reports an absent one.
func (r *reader) str(obj jsonsrc.Value, f fields, path, key string, required bool) string {
	m, ok := f.get(key)
	if !ok {
		if required && f != nil {
			r.errorf(obj.Index, path, ErrMissing, "missing %q", key)
		}
		return ""
	}
	if m.Value.Kind != jsonsrc.String {
		r.errorf(m.Value.Index, join(path, key), ErrType, "expected a string, found %s", jsonsrc.TypeName(m.Value))
		return ""
	}
	if required && r.doc.Str(m.Value) == "" {
		r.errorf(m.Value.Index, join(path, key), ErrValue, "must not be empty")
	}
	return r.doc.Str(m.Value)
}

// boolean reads an optional boolean member.
func (r *reader) boolean(f fields, path, key string) bool {
	m, ok := f.get(key)
	if !ok {
		return false
	}
	switch m.Value.Kind {
	case jsonsrc.True:
		return true
	case jsonsrc.False:
		return false
	}
	r.errorf(m.Value.Index, join(path, key), ErrType, "expected a boolean, found %s", jsonsrc.TypeName(m.Value))
	return false
}

// document is a policy document as an input carries it: its text and
// where the text is, so that problems in it are positioned in the input.
type document struct {
	text string
	base diag.Position // where the text starts, for a document written as a JSON object
	// at is where a document written as a JSON string is; problems in it
	// are reported there, with the line and column inside the decoded text.
	at    diag.Position
	isStr bool
}

// policyDoc reads a policy document written as a JSON object (as the AWS
// CLI and SDKs print it) or as a string holding its JSON text, URL-encoded
// (as the IAM API returns it) or not.
func (r *reader) policyDoc(v jsonsrc.Value, path string) (document, bool) {
	switch {
	case v.IsObject():
		return document{text: r.doc.Raw(v), base: r.pos(v.Index)}, true
	case v.Kind == jsonsrc.String:
		text := r.doc.Str(v)
		if t := strings.TrimSpace(text); !strings.HasPrefix(t, "{") {
			dec, err := url.PathUnescape(text)
			if err != nil {
				r.errorf(v.Index, path, ErrValue, "a policy document string must be the policy's JSON text, URL-encoded as the IAM API returns it or not: %v", err)
				return document{}, false
			}
			text = dec
		}
		return document{text: text, at: r.pos(v.Index), isStr: true}, true
	}
	r.errorf(v.Index, path, ErrType, "expected a policy document (a JSON object, or a string holding its JSON text), found %s", jsonsrc.TypeName(v))
	return document{}, false
}

// parsePolicy parses a policy document, positioning its problems in the
// input.
func parsePolicy(d document, id string, t policy.Type, file string, errs *diag.ErrorList) *policy.Policy {
	src := policy.Source{ID: id, File: file, Type: t, Base: d.base}
	if d.isStr {
		src = policy.Source{ID: id, File: id, Type: t}
	}
	p, err := policy.Parse([]byte(d.text), src)
	if err == nil {
		return p
	}
	var list diag.ErrorList
	if !errors.As(err, &list) {
		pos := d.base
		if d.isStr {
			pos = d.at
		}
		*errs = append(*errs, &diag.Error{Pos: pos, Kind: ErrValue, Msg: fmt.Sprintf("policy %s: %v", id, err)})
		return nil
	}
	for _, e := range list {
		if d.isStr {
			// The text was decoded from a string: report the problem at the
			// string, with its place inside the document.
			e2 := *e
			e2.Pos = d.at
			e2.Msg = fmt.Sprintf("in policy %s at line %d, column %d of its text: %s", id, e.Pos.Line, e.Pos.Column, e.Msg)
			e = &e2
		}
		*errs = append(*errs, e)
	}
	return nil
}

// join appends a member name to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// index appends a list index to a path.
func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// must returns the member named key, which the caller knows is there.
func (f fields) must(key string) jsonsrc.Member {
	m, _ := f.get(key)
	return m
}
