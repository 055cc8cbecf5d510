package lint

import (
	"strings"
	"sync"

	"github.com/iameval/iameval/managed"
	"github.com/iameval/iameval/policy"
)

// awsUse holds, in lower case, the actions, service prefixes and
// condition keys that AWS's own managed policies use. AWS accepts and
// evaluates those policies, so a name they use is known to AWS even when
// the Service Authorization Reference does not list it (a retired service
// such as DeepRacer, an action newer than the reference, a global key
// the reference page has not caught up with): such a name is a
// suggestion, never an error.
var awsUse struct {
	once                    sync.Once
	actions, prefixes, keys map[string]string // lower-case name → the managed policy that uses it
}

// usedByAWS returns the managed policy that uses the action, service
// prefix or condition key name (kind "action", "prefix" or "key"), or "".
func usedByAWS(kind, name string) string {
	awsUse.once.Do(loadAWSUse)
	var m map[string]string
	switch kind {
	case "action":
		m = awsUse.actions
	case "prefix":
		m = awsUse.prefixes
	default:
		m = awsUse.keys
	}
	return m[strings.ToLower(name)]
}

// loadAWSUse reads every managed policy once.
func loadAWSUse() {
	awsUse.actions, awsUse.prefixes, awsUse.keys = map[string]string{}, map[string]string{}, map[string]string{}
	add := func(m map[string]string, k, name string) {
		k = strings.ToLower(k)
		if _, ok := m[k]; !ok {
			m[k] = name
		}
	}
	for _, p := range managed.All() {
		d := readDocument(p.Document, policy.Source{})
		if d == nil {
			continue
		}
		for _, s := range d.stmts {
			for _, it := range s.action.items {
				add(awsUse.actions, it.text, p.Name)
				if prefix, _, ok := strings.Cut(it.text, ":"); ok {
					add(awsUse.prefixes, prefix, p.Name)
				}
			}
			d.clauses(s, func(cl clause) bool {
				add(awsUse.keys, cl.key.text, p.Name)
				return true
			})
		}
	}
}
