package simulate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// ParseInput reads the JSON document of
// `aws iam simulate-custom-policy --cli-input-json` from src; file names
// it in positions ("" prints as <input>). It checks the document's shape
// (unknown keys, duplicate keys, types, required parameters) and
// everything [Simulate] would reject (policies, actions, resources, the
// caller, context entries), and returns every problem as a [diag.ErrorList]
// positioned in src, sorted. The returned Input remembers src, so that
// Simulate positions its errors the same way (a field changed after
// ParseInput is positioned at the value the document holds there).
func ParseInput(src []byte, file string) (*Input, error) {
	d, err := newDecoder(src, file)
	if err != nil {
		return nil, err
	}
	root := d.in.src.doc.Root()
	d.document(root, false)
	d.closeLimit()
	if root.IsObject() {
		_, errs := d.in.compile()
		d.errs = diag.Cut(append(d.errs, beyond(errs, d.errs)...))
	}
	d.errs.SortByPosition()
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return d.in, nil
}

// decoder fills an Input from the document, collecting problems.
type decoder struct {
	in        *Input
	errs      diag.ErrorList
	limit     diag.Limit // keeps the first diag.MaxErrors problems
	principal bool       // the document is simulate-principal-policy's
}

// newDecoder parses src, the document of file, for a decoder; a syntax
// error is returned as an ErrorList of one ErrSyntax.
func newDecoder(src []byte, file string) (*decoder, error) {
	doc, err := jsonsrc.Parse(string(src), diag.Position{File: file})
	if err != nil {
		return nil, diag.ErrorList{jsonsrc.SyntaxProblem(err, file, ErrSyntax)}
	}
	return &decoder{in: &Input{src: &source{doc: doc, at: map[string]int{}}}}, nil
}

// fail records a problem at offset off of the document.
func (d *decoder) fail(off int, path string, kind error, format string, args ...any) {
	if d.limit.Keep(off) {
		d.errs = append(d.errs, &diag.Error{Pos: d.in.src.pos(off), Path: path, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
}

// closeLimit ends the problems with the one that counts those left out
// (see diag.MaxErrors).
func (d *decoder) closeLimit() {
	if n, first := d.limit.Omitted(); n > 0 {
		d.errs = append(d.errs, diag.TooMany(d.in.src.pos(first), n, false))
	}
}

// topKeys are the parameters of the request, in the order AWS lists them.
// document reads them by index.
var topKeys = topKeysArray[:len(topKeysArray)-1]

// topKeysArray holds topKeys and, last, the parameter only
// simulate-principal-policy has.
var topKeysArray = [...]string{
	keyPolicyInputList, keyBoundaryInputList, keyActionNames, keyResourceArns,
	keyResourcePolicy, keyResourceOwner, keyCallerArn, keyContextEntries,
	keyResourceHandling, keyMaxItems, keyMarker, keySCPInputList, keyRCPInputList,
	simulatePrincipalOnlyKey,
}

// document reads the top-level object.
func (d *decoder) document(root jsonsrc.Value, principal bool) {
	d.principal = principal
	in := d.in
	in.src.at[""] = root.Index
	if !root.IsObject() {
		d.fail(root.Index, "", ErrType, "the document must be a JSON object of SimulateCustomPolicy parameters, not %s", jsonsrc.TypeName(root))
		return
	}
	var slots [len(topKeysArray)]jsonsrc.Member
	known := topKeys
	if principal {
		known = topKeysArray[:]
	}
	for i, m := range d.fields(root, "", known, slots[:len(known)]) {
		v, key := m.Value, m.Key
		if !m.Exists() {
			continue
		}
		switch i {
		case 0:
			in.PolicyInputList = d.strings(v, key)
		case 1:
			in.PermissionsBoundaryPolicyInputList = d.strings(v, key)
		case 2:
			in.ActionNames = d.strings(v, key)
		case 3:
			in.ResourceArns = d.strings(v, key)
		case 4:
			in.ResourcePolicy = d.nonEmpty(v, key, "leave the key out for no resource policy")
		case 5:
			in.ResourceOwner = d.nonEmpty(v, key, "leave the key out when the caller's account owns the resources")
		case 6:
			in.CallerArn = d.nonEmpty(v, key, "leave the key out for the default caller")
		case 7:
			in.ContextEntries = d.contextEntries(v)
		case 8:
			in.ResourceHandlingOption = d.nonEmpty(v, key, "leave the key out for no EC2 scenario")
		case 9:
			in.MaxItems = d.maxItems(v)
		case 10:
			in.Marker = d.nonEmpty(v, key, "leave the key out")
		case 11:
			in.ServiceControlPolicies = d.levels(v, key)
		case 12:
			in.ResourceControlPolicies = d.levels(v, key)
		case 13:
			in.PolicySourceArn = d.nonEmpty(v, key, "give the ARN of the user or role to simulate")
		}
	}
	required := []int{0, 2} // PolicyInputList and ActionNames
	if principal {
		required = []int{13, 2} // PolicySourceArn and ActionNames
	}
	for _, i := range required {
		if !slots[i].Exists() {
			d.fail(root.Index, topKeysArray[i], ErrMissing, "required parameter missing")
		}
	}
}

// beyond returns the problems of later that are not about a parameter
// shape already reported: a value of the wrong type or a missing member
// leaves a zero value behind, which compile would report again.
func beyond(later, shape diag.ErrorList) diag.ErrorList {
	// The paths of shape's problems, looked up for each path that
	// encloses a later problem's: comparing every pair hung on 200,000
	// of each (issue 15).
	// The problem that counts those left out is about no path.
	at := make(map[string]bool, len(shape))
	for _, s := range shape {
		if s.Kind != ErrUnknownKey && s.Kind != ErrDuplicateKey && !errors.Is(s.Kind, diag.ErrTooMany) {
			at[s.Path] = true
		}
	}
	var out diag.ErrorList
	for _, e := range later {
		if errors.Is(e.Kind, diag.ErrTooMany) {
			out = append(out, e)
			continue
		}
		covered := at[e.Path]
		for i := 0; i < len(e.Path) && !covered; i++ {
			if c := e.Path[i]; c == '.' || c == '[' {
				covered = at[e.Path[:i]]
			}
		}
		if !covered {
			out = append(out, e)
		}
	}
	return out
}

// fields reads the members of the object obj at path whose keys are
// known into out (see [jsonsrc.Doc.Fields]), reporting unknown and
// repeated keys, and records where each value is.
func (d *decoder) fields(obj jsonsrc.Value, path string, known []string, out []jsonsrc.Member) []jsonsrc.Member {
	d.in.src.doc.Fields(obj, jsonsrc.At(path), known, out, d)
	for _, m := range out {
		if m.Exists() {
			d.in.src.at[join(path, m.Key)] = m.Value.Index
		}
	}
	return out
}

// Problem words a problem of the strict walk as a simulation input error,
// with a hint for a mis-cased key and for the parameters of
// simulate-principal-policy.
func (d *decoder) Problem(pr *jsonsrc.Problem) {
	p := pr.Path()
	switch {
	case pr.Kind == jsonsrc.DuplicateKey:
		d.fail(pr.Offset, p, ErrDuplicateKey, "%s is given twice", pr.Key)
	case pr.Kind != jsonsrc.UnknownKey:
		d.fail(pr.Offset, p, ErrType, "must be %s, not %s", pr.Want, jsonsrc.TypeName(pr.Value))
	case pr.CaseOnly:
		d.fail(pr.Offset, p, ErrUnknownKey, "unknown parameter %q; parameter names are case-sensitive: did you mean %q?", pr.Key, pr.Near)
	case pr.At == "" && pr.Key == simulatePrincipalOnlyKey && !d.principal:
		d.fail(pr.Offset, p, ErrUnknownKey, "%s belongs to simulate-principal-policy, which reads policies from an AWS account; "+
			"run it with iameval simulate-principal --account EXPORT, or give the policies in PolicyInputList and the caller in CallerArn", pr.Key)
	default:
		d.fail(pr.Offset, p, ErrUnknownKey, "unknown parameter %q; expected one of %s", pr.Key, strings.Join(pr.Known, ", "))
	}
}

// str reads a string value.
func (d *decoder) str(v jsonsrc.Value, path string) (string, bool) {
	d.in.src.at[path] = v.Index
	if v.Kind != jsonsrc.String {
		d.fail(v.Index, path, ErrType, "must be a string, not %s", jsonsrc.TypeName(v))
		return "", false
	}
	return d.in.src.doc.Str(v), true
}

// nonEmpty reads an optional string parameter, which must not be empty
// when given (AWS requires a length of at least 1).
func (d *decoder) nonEmpty(v jsonsrc.Value, path, hint string) string {
	s, ok := d.str(v, path)
	if ok && s == "" {
		d.fail(v.Index, path, ErrValue, "must not be empty; %s", hint)
	}
	return s
}

// strings reads a list of strings.
func (d *decoder) strings(v jsonsrc.Value, path string) []string {
	if !v.IsArray() {
		d.fail(v.Index, path, ErrType, "must be a list of strings, not %s", jsonsrc.TypeName(v))
		return nil
	}
	out := []string{}
	for i, e := range d.in.src.doc.Elements(v) {
		s, _ := d.str(e, index(path, i))
		out = append(out, s)
	}
	return out
}

// levels reads a list of lists of policy strings (an extension parameter).
func (d *decoder) levels(v jsonsrc.Value, path string) [][]string {
	if !v.IsArray() {
		d.fail(v.Index, path, ErrType, "must be a list of organization levels, each a list of policy strings, not %s", jsonsrc.TypeName(v))
		return nil
	}
	out := [][]string{}
	for i, e := range d.in.src.doc.Elements(v) {
		p := index(path, i)
		d.in.src.at[p] = e.Index
		out = append(out, d.strings(e, p))
	}
	return out
}

// maxItems reads MaxItems, an integer from 1 to 1000.
func (d *decoder) maxItems(v jsonsrc.Value) int {
	n, err := strconv.Atoi(d.in.src.doc.Raw(v))
	switch {
	case v.Kind != jsonsrc.Number:
		d.fail(v.Index, keyMaxItems, ErrType, "must be a number, not %s", jsonsrc.TypeName(v))
	case err != nil || n < 1 || n > 1000:
		d.fail(v.Index, keyMaxItems, ErrValue, "must be an integer from 1 to 1000, not %s", d.in.src.doc.Raw(v))
	default:
		return n
	}
	return 0
}

// contextEntryKeys are the members of a ContextEntry.
var contextEntryKeys = []string{keyContextKeyName, keyContextKeyValues, keyContextKeyType}

// contextEntries reads the ContextEntries list.
func (d *decoder) contextEntries(v jsonsrc.Value) []ContextEntry {
	if !v.IsArray() {
		d.fail(v.Index, keyContextEntries, ErrType, "must be a list of context entries, not %s", jsonsrc.TypeName(v))
		return nil
	}
	out := []ContextEntry{}
	for i, e := range d.in.src.doc.Elements(v) {
		p := index(keyContextEntries, i)
		d.in.src.at[p] = e.Index
		if !e.IsObject() {
			d.fail(e.Index, p, ErrType, "must be an object with ContextKeyName, ContextKeyValues and ContextKeyType, not %s", jsonsrc.TypeName(e))
			out = append(out, ContextEntry{})
			continue
		}
		var ce ContextEntry
		var slots [3]jsonsrc.Member
		f := d.fields(e, p, contextEntryKeys, slots[:])
		if m := f[0]; m.Exists() {
			ce.ContextKeyName, _ = d.str(m.Value, join(p, m.Key))
		}
		if m := f[1]; m.Exists() {
			ce.ContextKeyValues = d.strings(m.Value, join(p, m.Key))
		}
		if m := f[2]; m.Exists() {
			ce.ContextKeyType, _ = d.str(m.Value, join(p, m.Key))
		}
		for i, k := range contextEntryKeys {
			if !f[i].Exists() {
				d.fail(e.Index, p, ErrMissing, "%s is required", k)
			}
		}
		out = append(out, ce)
	}
	return out
}

// join appends a member name to a parameter path; see [jsonsrc.Join].
func join(path, key string) string { return jsonsrc.Join(path, key) }

// index appends a list index to a parameter path.
func index(path string, i int) string { return jsonsrc.Index(path, i) }
