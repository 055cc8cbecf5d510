package principal

import "github.com/iameval/iameval/condition"

// keyMap renders a context as normalized key -> value: a string for a
// single-valued key, a []string for a multivalued one.
func keyMap(c condition.Context) map[string]any {
	m := make(map[string]any, c.Len())
	c.Each(func(k string, v condition.Value) {
		if v.IsList() {
			m[k] = v.Strings()
		} else {
			m[k] = v.At(0)
		}
	})
	return m
}

// must returns p, panicking (and so failing the test) when err is not nil.
func must[P any](p P, err error) P {
	if err != nil {
		panic(err)
	}
	return p
}
