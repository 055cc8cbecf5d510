package scenario

import (
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// context reads a CASE's context object: keys are case-insensitive (two
// keys equal ignoring case are an error), values are a string, a number, a
// boolean or a list of those; an empty list means the key is absent.
// Numbers and booleans keep their JSON text, as condition values do. The
// keys given as empty lists are returned apart, so that they can remove a
// key the principal implies.
func (l *loader) context(v jsonsrc.Value, path string) (condition.Context, []string, bool) {
	if !isObject(v) {
		l.typeError(v, path, "an object of context keys")
		return condition.Context{}, nil, false
	}
	var absent []string
	before := len(l.errs)
	values := map[string]condition.Value{}
	for _, m := range l.freeMembers(v, path, true) {
		p := join(path, m.Key)
		if m.Key == "" {
			l.errorf(m.KeyIndex, p, ErrValue, "a context key must not be empty")
			continue
		}
		if isArray(m.Value) {
			elems := l.doc.Elements(m.Value)
			list := make([]string, 0, len(elems))
			for i, e := range elems {
				if s, ok := l.scalar(e, index(p, i)); ok {
					list = append(list, s)
				}
			}
			if len(elems) == 0 {
				absent = append(absent, m.Key)
			}
			values[m.Key] = condition.ListValue(list...)
			continue
		}
		if s, ok := l.scalar(m.Value, p); ok {
			values[m.Key] = condition.StringValue(s)
		}
	}
	if len(l.errs) != before {
		return condition.Context{}, nil, false
	}
	ctx, err := condition.NewContext(values)
	if err != nil {
		l.errorf(v.Index, path, ErrDuplicateKey, "%v", err)
		return condition.Context{}, nil, false
	}
	return ctx, absent, true
}

// scalar reads one context value: a string, a number or a boolean.
func (l *loader) scalar(v jsonsrc.Value, path string) (string, bool) {
	switch v.Kind {
	case jsonsrc.String:
		return l.doc.Str(v), true
	case jsonsrc.Number, jsonsrc.True, jsonsrc.False:
		return l.doc.Raw(v), true
	default:
		l.typeError(v, path, "a string, a number or a boolean")
		return "", false
	}
}
