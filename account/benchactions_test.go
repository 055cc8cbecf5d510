package account

import "github.com/iameval/iameval/catalog"

// benchActions returns the actions BenchmarkCan tries: every action of the
// embedded catalogue.
func benchActions() []string {
	all := catalog.Default().Actions()
	out := make([]string, len(all))
	for i, a := range all {
		out[i] = a.FullName
	}
	return out
}
