package gen

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// doc is one JSON file being read, with its name for messages.
type doc struct {
	name string
	d    *jsonsrc.Doc
}

func parseDoc(name string, src []byte) (*doc, error) {
	d, err := jsonsrc.Parse(string(src), diag.Position{})
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	return &doc{name: name, d: d}, nil
}

// errorf reports a problem at the value v.
func (d *doc) errorf(v jsonsrc.Value, format string, args ...any) error {
	p := d.d.Pos(v.Index)
	return fmt.Errorf("%s:%d:%d: %s", d.name, p.Line, p.Column, fmt.Sprintf(format, args...))
}

// object returns the members of v, or an error when v is not an object.
func (d *doc) object(v jsonsrc.Value, what string) ([]jsonsrc.Member, error) {
	if !v.IsObject() {
		return nil, d.errorf(v, "%s: expected an object, found %s", what, jsonsrc.TypeName(v))
	}
	return d.d.Members(v), nil
}

// array returns the elements of v, or an error when v is not an array.
// An absent value is an empty array.
func (d *doc) array(v jsonsrc.Value, what string) ([]jsonsrc.Value, error) {
	if !v.Exists() {
		return nil, nil
	}
	if !v.IsArray() {
		return nil, d.errorf(v, "%s: expected an array, found %s", what, jsonsrc.TypeName(v))
	}
	return d.d.Elements(v), nil
}

// str returns v's text, or an error when v is not a non-empty string.
func (d *doc) str(v jsonsrc.Value, what string) (string, error) {
	if v.Kind != jsonsrc.String || d.d.Str(v) == "" {
		if !v.Exists() {
			return "", fmt.Errorf("%s: %s is missing", d.name, what)
		}
		return "", d.errorf(v, "%s: expected a non-empty string, found %s", what, jsonsrc.TypeName(v))
	}
	return d.d.Str(v), nil
}

// strings returns the strings of the array v (absent: none).
func (d *doc) strings(v jsonsrc.Value, what string) ([]string, error) {
	els, err := d.array(v, what)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range els {
		s, err := d.str(e, what)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// boolean returns v's value; an absent value is false.
func (d *doc) boolean(v jsonsrc.Value, what string) (bool, error) {
	switch v.Kind {
	case jsonsrc.True:
		return true, nil
	case jsonsrc.False, jsonsrc.Null:
		return false, nil
	}
	if !v.Exists() {
		return false, nil
	}
	return false, d.errorf(v, "%s: expected true or false, found %s", what, jsonsrc.TypeName(v))
}

// get returns the value at the dotted path of member names below v
// ("Annotations.Properties"), or a missing value.
func (d *doc) get(v jsonsrc.Value, path string) jsonsrc.Value {
	for _, name := range strings.Split(path, ".") {
		v = d.d.Get(v, name)
	}
	return v
}
