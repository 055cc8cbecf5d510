package simulate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// ParseInput reads the JSON document of
// `aws iam simulate-custom-policy --cli-input-json` from src; file names
// it in positions ("" prints as <input>). It checks the document's shape
// (unknown keys, duplicate keys, types, required parameters) and
// everything [Simulate] would reject (policies, actions, resources, the
// caller, context entries), and returns every problem as an [ErrorList]
// positioned in src, sorted. The returned Input remembers src, so that
// Simulate positions its errors the same way (a field changed after
// ParseInput is positioned at the value the document holds there).
func ParseInput(src []byte, file string) (*Input, error) {
	doc, err := jsonsrc.Parse(string(src), jsonsrc.Pos{})
	if err != nil {
		var se *jsonsrc.SyntaxError
		pos := policy.Position{File: file, Line: 1, Column: 1}
		msg := err.Error()
		if errors.As(err, &se) {
			pos = policy.Position{File: file, Offset: se.Pos.Offset, Line: se.Pos.Line, Column: se.Pos.Column}
			msg = se.Msg
		}
		return nil, ErrorList{{Pos: pos, Kind: ErrSyntax, Msg: msg}}
	}
	d := decoder{in: &Input{src: &source{file: file, doc: doc, at: map[string]int{}}}}
	d.document(doc.Root(), false)
	if doc.Root().IsObject() {
		_, errs := d.in.compile()
		d.errs = append(d.errs, beyond(errs, d.errs)...)
	}
	if err := d.errs.err(); err != nil {
		return nil, err
	}
	return d.in, nil
}

// decoder fills an Input from the document, collecting problems.
type decoder struct {
	in        *Input
	errs      ErrorList
	principal bool // the document is simulate-principal-policy's
}

// fail records a problem at offset off of the document.
func (d *decoder) fail(off int, path string, kind error, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.in.src.pos(off), Path: path, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// topKeys are the parameters of the request, in the order AWS lists them.
var topKeys = []string{
	keyPolicyInputList, keyBoundaryInputList, keyActionNames, keyResourceArns,
	keyResourcePolicy, keyResourceOwner, keyCallerArn, keyContextEntries,
	keyResourceHandling, keyMaxItems, keyMarker, keySCPInputList, keyRCPInputList,
}

// document reads the top-level object.
func (d *decoder) document(root gjson.Result, principal bool) {
	d.principal = principal
	in := d.in
	in.src.at[""] = root.Index
	if !root.IsObject() {
		d.fail(root.Index, "", ErrType, "the document must be a JSON object of SimulateCustomPolicy parameters, not %s", jsonsrc.TypeName(root))
		return
	}
	seen := map[string]bool{}
	for _, m := range d.members(root, "", seen) {
		v, key := m.Value, m.Key
		switch key {
		case keyPolicyInputList:
			in.PolicyInputList = d.strings(v, key)
		case keyBoundaryInputList:
			in.PermissionsBoundaryPolicyInputList = d.strings(v, key)
		case keyActionNames:
			in.ActionNames = d.strings(v, key)
		case keyResourceArns:
			in.ResourceArns = d.strings(v, key)
		case keyResourcePolicy:
			in.ResourcePolicy = d.nonEmpty(v, key, "leave the key out for no resource policy")
		case keyResourceOwner:
			in.ResourceOwner = d.nonEmpty(v, key, "leave the key out when the caller's account owns the resources")
		case keyCallerArn:
			in.CallerArn = d.nonEmpty(v, key, "leave the key out for the default caller")
		case keyContextEntries:
			in.ContextEntries = d.contextEntries(v)
		case keyResourceHandling:
			in.ResourceHandlingOption = d.nonEmpty(v, key, "leave the key out for no EC2 scenario")
		case keyMaxItems:
			in.MaxItems = d.maxItems(v)
		case keyMarker:
			in.Marker = d.nonEmpty(v, key, "leave the key out")
		case keySCPInputList:
			in.ServiceControlPolicies = d.levels(v, key)
		case keyRCPInputList:
			in.ResourceControlPolicies = d.levels(v, key)
		case simulatePrincipalOnlyKey:
			if !principal {
				d.unknownKey(m, "", topKeys)
				break
			}
			in.PolicySourceArn = d.nonEmpty(v, key, "give the ARN of the user or role to simulate")
		default:
			d.unknownKey(m, "", topKeys)
		}
	}
	required := []string{keyPolicyInputList, keyActionNames}
	if principal {
		required = []string{simulatePrincipalOnlyKey, keyActionNames}
	}
	for _, k := range required {
		if !seen[k] {
			d.fail(root.Index, k, ErrMissing, "required parameter missing")
		}
	}
}

// beyond returns the problems of later that are not about a parameter
// shape already reported: a value of the wrong type or a missing member
// leaves a zero value behind, which compile would report again.
func beyond(later, shape ErrorList) ErrorList {
	var out ErrorList
	for _, e := range later {
		covered := false
		for _, s := range shape {
			if s.Kind == ErrUnknownKey || s.Kind == ErrDuplicateKey {
				continue
			}
			if e.Path == s.Path || strings.HasPrefix(e.Path, s.Path+".") || strings.HasPrefix(e.Path, s.Path+"[") {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, e)
		}
	}
	return out
}

// members returns the members of obj, reporting duplicate keys (the later
// ones are dropped) and recording where each value is. seen collects the
// keys.
func (d *decoder) members(obj gjson.Result, path string, seen map[string]bool) []jsonsrc.Member {
	var out []jsonsrc.Member
	for _, m := range d.in.src.doc.Members(obj) {
		p := join(path, m.Key)
		if seen[m.Key] {
			d.fail(m.KeyIndex, p, ErrDuplicateKey, "%s is given twice", m.Key)
			continue
		}
		seen[m.Key] = true
		d.in.src.at[p] = m.Value.Index
		out = append(out, m)
	}
	return out
}

// unknownKey reports a key that is not one of known, with a hint for a
// mis-cased key and for the parameters of simulate-principal-policy.
func (d *decoder) unknownKey(m jsonsrc.Member, path string, known []string) {
	p := join(path, m.Key)
	for _, k := range known {
		if strings.EqualFold(k, m.Key) {
			d.fail(m.KeyIndex, p, ErrUnknownKey, "unknown parameter %q; parameter names are case-sensitive: did you mean %q?", m.Key, k)
			return
		}
	}
	if path == "" && m.Key == simulatePrincipalOnlyKey {
		d.fail(m.KeyIndex, p, ErrUnknownKey, "%s belongs to simulate-principal-policy, which reads policies from an AWS account; "+
			"run it with iameval simulate-principal --account EXPORT, or give the policies in PolicyInputList and the caller in CallerArn", m.Key)
		return
	}
	d.fail(m.KeyIndex, p, ErrUnknownKey, "unknown parameter %q; expected one of %s", m.Key, strings.Join(known, ", "))
}

// str reads a string value.
func (d *decoder) str(v gjson.Result, path string) (string, bool) {
	d.in.src.at[path] = v.Index
	if v.Type != gjson.String {
		d.fail(v.Index, path, ErrType, "must be a string, not %s", jsonsrc.TypeName(v))
		return "", false
	}
	s, _, ok := unquote(v.Raw)
	if !ok {
		d.fail(v.Index, path, ErrSyntax, "malformed string")
		return "", false
	}
	return s, true
}

// nonEmpty reads an optional string parameter, which must not be empty
// when given (AWS requires a length of at least 1).
func (d *decoder) nonEmpty(v gjson.Result, path, hint string) string {
	s, ok := d.str(v, path)
	if ok && s == "" {
		d.fail(v.Index, path, ErrValue, "must not be empty; %s", hint)
	}
	return s
}

// strings reads a list of strings.
func (d *decoder) strings(v gjson.Result, path string) []string {
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
func (d *decoder) levels(v gjson.Result, path string) [][]string {
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
func (d *decoder) maxItems(v gjson.Result) int {
	n, err := strconv.Atoi(v.Raw)
	switch {
	case v.Type != gjson.Number:
		d.fail(v.Index, keyMaxItems, ErrType, "must be a number, not %s", jsonsrc.TypeName(v))
	case err != nil || n < 1 || n > 1000:
		d.fail(v.Index, keyMaxItems, ErrValue, "must be an integer from 1 to 1000, not %s", v.Raw)
	default:
		return n
	}
	return 0
}

// contextEntryKeys are the members of a ContextEntry.
var contextEntryKeys = []string{keyContextKeyName, keyContextKeyValues, keyContextKeyType}

// contextEntries reads the ContextEntries list.
func (d *decoder) contextEntries(v gjson.Result) []ContextEntry {
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
		seen := map[string]bool{}
		for _, m := range d.members(e, p, seen) {
			mp := join(p, m.Key)
			switch m.Key {
			case keyContextKeyName:
				ce.ContextKeyName, _ = d.str(m.Value, mp)
			case keyContextKeyValues:
				ce.ContextKeyValues = d.strings(m.Value, mp)
			case keyContextKeyType:
				ce.ContextKeyType, _ = d.str(m.Value, mp)
			default:
				d.unknownKey(m, p, contextEntryKeys)
			}
		}
		for _, k := range contextEntryKeys {
			if !seen[k] {
				d.fail(e.Index, p, ErrMissing, "%s is required", k)
			}
		}
		out = append(out, ce)
	}
	return out
}

// join appends a member name to a parameter path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// index appends a list index to a parameter path.
func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
