package scenario

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// walker is the strict reader of one scenario document: it turns byte
// offsets into positions of the scenario file and collects every problem.
type walker struct {
	name string
	doc  *jsonsrc.Doc
	errs diag.ErrorList
	// count counts every problem, kept or not: a reader tells whether a
	// part had problems by it, never by the length of errs.
	count int
	// list keeps the first diag.MaxErrors problems of the list they go
	// to now, the file's or a case's (see cases), and counts the rest.
	list problemList
}

// problemList is the limit of one list of problems (see diag.MaxErrors)
// and where the first problem it left out is.
type problemList struct {
	limit diag.Limit
	first diag.Position
}

// pos returns the position of the byte at offset in the scenario file.
func (w *walker) pos(offset int) diag.Position {
	return w.doc.Pos(offset)
}

// errorf records a problem at offset.
func (w *walker) errorf(offset int, path string, kind error, format string, args ...any) {
	if !w.keep(offset) {
		return
	}
	w.errs = append(w.errs, &diag.Error{
		Pos:  w.pos(offset),
		Path: path,
		Kind: kind,
		Msg:  fmt.Sprintf(format, args...),
	})
}

// add records a problem made elsewhere (a policy's, an account export's).
func (w *walker) add(e *diag.Error) {
	w.count++
	if w.list.limit.Keep(0) {
		w.errs = append(w.errs, e)
	} else if n, _ := w.list.limit.Omitted(); n == 1 {
		w.list.first = e.Pos
	}
}

// keep counts a problem at offset and reports whether the current list
// keeps it.
func (w *walker) keep(offset int) bool {
	w.count++
	if w.list.limit.Keep(offset) {
		return true
	}
	if n, _ := w.list.limit.Omitted(); n == 1 {
		w.list.first = w.pos(offset)
	}
	return false
}

// closing returns the problem that ends the current list, counting those
// it left out, or nil when it left none out.
func (w *walker) closing() *diag.Error {
	n, _ := w.list.limit.Omitted()
	if n == 0 {
		return nil
	}
	return diag.TooMany(w.list.first, n, false)
}

// problems returns the problems of the file: errs, ended by closing.
func (w *walker) problems() diag.ErrorList {
	if last := w.closing(); last != nil {
		return append(w.errs[:len(w.errs):len(w.errs)], last)
	}
	return w.errs
}

// typeError records that v at path is not of the wanted JSON type.
func (w *walker) typeError(v jsonsrc.Value, path, want string) {
	w.errorf(v.Index, path, ErrType, "expected %s, found %s", want, jsonsrc.TypeName(v))
}

// isObject reports whether v is a JSON object.
func isObject(v jsonsrc.Value) bool { return v.IsObject() }

// isArray reports whether v is a JSON array.
func isArray(v jsonsrc.Value) bool { return v.IsArray() }

// isNull reports whether v is the JSON literal null.
func isNull(v jsonsrc.Value) bool { return v.Kind == jsonsrc.Null }

// fields reads the members of the object obj whose keys must be among
// known, with [jsonsrc.Doc.Fields]: unknown keys (with a hint when only
// the case differs or the key is a near miss) and repeated keys are
// reported; the first occurrence of each known key is returned.
func (w *walker) fields(obj jsonsrc.Value, path, what string, known ...string) map[string]jsonsrc.Member {
	slots := w.doc.Fields(obj, jsonsrc.At(path), known, make([]jsonsrc.Member, len(known)), &sink{w: w, what: what})
	got := make(map[string]jsonsrc.Member, len(known))
	for i, m := range slots {
		if m.Exists() {
			got[known[i]] = m
		}
	}
	return got
}

// eachFreeMember calls f with each member of obj whose keys are data
// (tags, claims, context), without collecting them first: a context of
// 1,000,000 keys needs no slice of them (issue 15). Exact duplicates are
// always reported, and with foldCase keys equal ignoring case too, as
// they are met.
func (w *walker) eachFreeMember(obj jsonsrc.Value, path string, foldCase bool, f func(m jsonsrc.Member)) {
	if !obj.IsObject() {
		return
	}
	at := jsonsrc.At(path)
	s := &sink{w: w}
	var probs []jsonsrc.Problem
	it := w.doc.FreeItems(obj, at, foldCase, &probs)
	for {
		m, more := it.Next(at, &probs)
		for i := range probs {
			s.Problem(&probs[i])
		}
		probs = probs[:0]
		if !more {
			return
		}
		f(m)
	}
}

// sink words the problems of a strict walk of the scenario file; what
// names the object walked ("a case", "the principal").
type sink struct {
	w    *walker
	what string
}

// Problem records pr as a scenario error.
func (s *sink) Problem(pr *jsonsrc.Problem) {
	w, path := s.w, pr.Path()
	switch pr.Kind {
	case jsonsrc.UnknownKey:
		switch {
		case pr.CaseOnly:
			w.errorf(pr.Offset, path, ErrUnknownKey,
				"unknown key %q in %s (did you mean %q? keys are case-sensitive)", pr.Key, s.what, pr.Near)
		case pr.Near != "":
			w.errorf(pr.Offset, path, ErrUnknownKey,
				"unknown key %q in %s (did you mean %q?)", pr.Key, s.what, pr.Near)
		default:
			w.errorf(pr.Offset, path, ErrUnknownKey,
				"unknown key %q in %s (known keys: %s)", pr.Key, s.what, strings.Join(pr.Known, ", "))
		}
	case jsonsrc.DuplicateKey:
		p := w.pos(pr.First.KeyIndex)
		w.errorf(pr.Offset, path, ErrDuplicateKey,
			"duplicate key %q (first at line %d, column %d)", pr.Key, p.Line, p.Column)
	case jsonsrc.FoldedKey:
		p := w.pos(pr.First.KeyIndex)
		w.errorf(pr.Offset, path, ErrDuplicateKey,
			"key %q repeats %q (line %d, column %d): keys are case-insensitive", pr.Key, pr.First.Key, p.Line, p.Column)
	case jsonsrc.WrongType:
		w.typeError(pr.Value, path, pr.Want)
	}
	for range pr.More {
		// The walk kept no problem past diag.MaxErrors: nor does the
		// list, which counts them.
		w.keep(pr.MoreOffset)
	}
}

// str reads a string member, reporting any other type. ok is false when
// the value is not a string.
func (w *walker) str(v jsonsrc.Value, path string) (string, bool) {
	if v.Kind != jsonsrc.String {
		w.typeError(v, path, "a string")
		return "", false
	}
	return w.doc.Str(v), true
}

// nonEmptyStr reads a string member that must not be empty.
func (w *walker) nonEmptyStr(v jsonsrc.Value, path string) (string, bool) {
	s, ok := w.str(v, path)
	if ok && s == "" {
		w.errorf(v.Index, path, ErrType, "must not be empty")
		return "", false
	}
	return s, ok
}

// stringMap reads an object of string values (tags).
func (w *walker) stringMap(v jsonsrc.Value, path string, foldCase bool) (map[string]string, bool) {
	if !isObject(v) {
		w.typeError(v, path, "an object of strings")
		return nil, false
	}
	ok := true
	out := make(map[string]string, w.doc.Count(v))
	w.eachFreeMember(v, path, foldCase, func(m jsonsrc.Member) {
		if m.Value.Kind != jsonsrc.String {
			w.typeError(m.Value, join(path, m.Key), "a string")
			ok = false
			return
		}
		out[m.Key] = w.doc.Str(m.Value)
	})
	return out, ok
}

// stringOrList reads a string or a non-nested array of strings; list
// reports which it was.
func (w *walker) stringOrList(v jsonsrc.Value, path string) (vals []string, list, ok bool) {
	switch {
	case v.Kind == jsonsrc.String:
		return []string{w.doc.Str(v)}, false, true
	case isArray(v):
		ok = true
		vals = []string{}
		for i, e := range w.doc.Elements(v) {
			if e.Kind != jsonsrc.String {
				w.typeError(e, index(path, i), "a string")
				ok = false
				continue
			}
			vals = append(vals, w.doc.Str(e))
		}
		return vals, true, ok
	default:
		w.typeError(v, path, "a string or a list of strings")
		return nil, false, false
	}
}

// join appends the member key to a path; see [jsonsrc.Join].
func join(path, key string) string { return jsonsrc.Join(path, key) }

// index appends an array index to a path.
func index(path string, i int) string { return jsonsrc.Index(path, i) }
