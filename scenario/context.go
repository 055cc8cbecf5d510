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
	before := l.count
	// The keys go straight into a Builder (no map, no slice of members)
	// and a member's path is made only to report a problem: a context of
	// 1,000,000 keys costs its table and little else (issue 15).
	var b condition.Builder
	b.Grow(l.doc.Count(v))
	l.eachFreeMember(v, path, true, func(m jsonsrc.Member) {
		if m.Key == "" {
			l.errorf(m.KeyIndex, join(path, m.Key), ErrValue, "a context key must not be empty")
			return
		}
		if isArray(m.Value) {
			elems := l.doc.Elements(m.Value)
			list := make([]string, 0, len(elems))
			for i, e := range elems {
				if s, ok := l.scalar(e, path, m.Key, i); ok {
					list = append(list, s)
				}
			}
			if len(elems) == 0 {
				absent = append(absent, m.Key)
			}
			b.Add(m.Key, condition.ListValue(list...))
			return
		}
		if s, ok := l.scalar(m.Value, path, m.Key, -1); ok {
			b.Add(m.Key, condition.StringValue(s))
		}
	})
	if l.count != before {
		return condition.Context{}, nil, false
	}
	ctx, err := b.Context()
	if err != nil {
		l.errorf(v.Index, path, ErrDuplicateKey, "%v", err)
		return condition.Context{}, nil, false
	}
	return ctx, absent, true
}

// scalar reads one context value: a string, a number or a boolean. The
// value is the member key of the object at path, or element i (i >= 0)
// of its list; the path is made only to report a wrong type.
func (l *loader) scalar(v jsonsrc.Value, path, key string, i int) (string, bool) {
	switch v.Kind {
	case jsonsrc.String:
		return l.doc.Str(v), true
	case jsonsrc.Number, jsonsrc.True, jsonsrc.False:
		return l.doc.Raw(v), true
	default:
		p := join(path, key)
		if i >= 0 {
			p = index(p, i)
		}
		l.typeError(v, p, "a string, a number or a boolean")
		return "", false
	}
}
