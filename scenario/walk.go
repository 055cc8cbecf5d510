package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// walker is the strict reader of one scenario document: it turns gjson
// offsets into positions of the scenario file and collects every problem.
type walker struct {
	name string
	doc  *jsonsrc.Doc
	errs policy.ErrorList
}

// pos returns the position of the byte at offset in the scenario file.
func (w *walker) pos(offset int) policy.Position {
	p := w.doc.Pos(offset)
	return policy.Position{File: w.name, Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// errorf records a problem at offset.
func (w *walker) errorf(offset int, path string, kind error, format string, args ...any) {
	w.errs = append(w.errs, &policy.Error{
		Pos:  w.pos(offset),
		Path: path,
		Kind: kind,
		Msg:  fmt.Sprintf(format, args...),
	})
}

// typeError records that v at path is not of the wanted JSON type.
func (w *walker) typeError(v gjson.Result, path, want string) {
	w.errorf(v.Index, path, policy.ErrType, "expected %s, found %s", want, jsonsrc.TypeName(v))
}

// isObject reports whether v is a JSON object.
func isObject(v gjson.Result) bool { return v.IsObject() }

// isArray reports whether v is a JSON array.
func isArray(v gjson.Result) bool { return v.IsArray() }

// isNull reports whether v is the JSON literal null.
func isNull(v gjson.Result) bool { return v.Type == gjson.Null && v.Exists() }

// fields reads the members of the object obj whose keys must be among
// known. Unknown keys (with a hint when only the case differs) and repeated
// keys are reported; the first occurrence of each known key is returned.
func (w *walker) fields(obj gjson.Result, path, what string, known ...string) map[string]jsonsrc.Member {
	got := make(map[string]jsonsrc.Member, len(known))
	for _, m := range w.doc.Members(obj) {
		if !contains(known, m.Key) {
			w.unknownKey(m, path, what, known)
			continue
		}
		if first, dup := got[m.Key]; dup {
			w.duplicate(m, first, path)
			continue
		}
		got[m.Key] = m
	}
	return got
}

// unknownKey reports the member m that is not one of known.
func (w *walker) unknownKey(m jsonsrc.Member, path, what string, known []string) {
	for _, k := range known {
		if strings.EqualFold(k, m.Key) {
			w.errorf(m.KeyIndex, join(path, m.Key), policy.ErrUnknownElement,
				"unknown key %q in %s (did you mean %q? keys are case-sensitive)", m.Key, what, k)
			return
		}
	}
	for _, k := range known {
		if len(m.Key) > 3 && distance(strings.ToLower(k), strings.ToLower(m.Key)) <= 2 {
			w.errorf(m.KeyIndex, join(path, m.Key), policy.ErrUnknownElement,
				"unknown key %q in %s (did you mean %q?)", m.Key, what, k)
			return
		}
	}
	w.errorf(m.KeyIndex, join(path, m.Key), policy.ErrUnknownElement,
		"unknown key %q in %s (known keys: %s)", m.Key, what, strings.Join(known, ", "))
}

// distance is the Levenshtein distance between a and b in bytes; it is
// only used on short key names.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// duplicate reports the member m whose key already appeared as first.
func (w *walker) duplicate(m, first jsonsrc.Member, path string) {
	p := w.pos(first.KeyIndex)
	w.errorf(m.KeyIndex, join(path, m.Key), policy.ErrDuplicateKey,
		"duplicate key %q (first at line %d, column %d)", m.Key, p.Line, p.Column)
}

// freeMembers reads an object whose keys are data (tags, claims, context).
// Exact duplicates are always reported; with foldCase, keys equal ignoring
// case are reported too.
func (w *walker) freeMembers(obj gjson.Result, path string, foldCase bool) []jsonsrc.Member {
	ms := w.doc.Members(obj)
	seen := make(map[string]jsonsrc.Member, len(ms))
	out := ms[:0:0]
	for _, m := range ms {
		k := m.Key
		if foldCase {
			k = strings.ToLower(k)
		}
		if first, dup := seen[k]; dup {
			if first.Key == m.Key {
				w.duplicate(m, first, path)
			} else {
				p := w.pos(first.KeyIndex)
				w.errorf(m.KeyIndex, join(path, m.Key), policy.ErrDuplicateKey,
					"key %q repeats %q (line %d, column %d): keys are case-insensitive", m.Key, first.Key, p.Line, p.Column)
			}
			continue
		}
		seen[k] = m
		out = append(out, m)
	}
	return out
}

// str reads a string member, reporting any other type. ok is false when
// the value is not a string.
func (w *walker) str(v gjson.Result, path string) (string, bool) {
	if v.Type != gjson.String {
		w.typeError(v, path, "a string")
		return "", false
	}
	return v.Str, true
}

// nonEmptyStr reads a string member that must not be empty.
func (w *walker) nonEmptyStr(v gjson.Result, path string) (string, bool) {
	s, ok := w.str(v, path)
	if ok && s == "" {
		w.errorf(v.Index, path, policy.ErrType, "must not be empty")
		return "", false
	}
	return s, ok
}

// stringMap reads an object of string values (tags).
func (w *walker) stringMap(v gjson.Result, path string, foldCase bool) (map[string]string, bool) {
	if !isObject(v) {
		w.typeError(v, path, "an object of strings")
		return nil, false
	}
	ok := true
	out := make(map[string]string)
	for _, m := range w.freeMembers(v, path, foldCase) {
		s, good := w.str(m.Value, join(path, m.Key))
		if !good {
			ok = false
			continue
		}
		out[m.Key] = s
	}
	return out, ok
}

// stringOrList reads a string or a non-nested array of strings; list
// reports which it was.
func (w *walker) stringOrList(v gjson.Result, path string) (vals []string, list, ok bool) {
	switch {
	case v.Type == gjson.String:
		return []string{v.Str}, false, true
	case isArray(v):
		ok = true
		vals = []string{}
		for i, e := range w.doc.Elements(v) {
			if e.Type != gjson.String {
				w.typeError(e, index(path, i), "a string")
				ok = false
				continue
			}
			vals = append(vals, e.Str)
		}
		return vals, true, ok
	default:
		w.typeError(v, path, "a string or a list of strings")
		return nil, false, false
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}

// join appends the member key to a path, quoting keys that are not plain
// identifiers, as policy paths do (Statement[1].Condition."aws:SourceIp").
func join(path, key string) string {
	if !plain(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// index appends an array index to a path.
func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// plain reports whether key can appear unquoted in a path.
func plain(key string) bool {
	if key == "" {
		return false
	}
	for _, r := range key {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
