package account

import "fmt"

// benchActions returns the actions BenchmarkCan tries: those of the
// embedded catalogue when it is wired, else a list of its size (about
// 17,000 actions over 400 services) built from the generated services.
func benchActions() []string {
	var out []string
	for i := 0; len(out) < 17000; i++ {
		for svc, acts := range genActions {
			for _, a := range acts {
				if a == "*" || a[len(a)-1] == '*' {
					continue
				}
				out = append(out, fmt.Sprintf("%s%d:%s", svc, i%400, a))
			}
		}
	}
	return out
}
