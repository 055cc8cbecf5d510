package gen

import (
	"fmt"
	"sort"
	"strings"
)

// Normalize sorts m so that the encoding depends on the data only, not
// on the order of the source files: services by prefix, resource types,
// keys and actions by name (case-insensitively, then exactly), lists of
// keys and dependent actions as AWS writes them, deduplicated. It rejects
// two actions, resource types or keys of one service whose names differ
// only in case (AWS matches actions case-insensitively).
func Normalize(m *Model) error {
	sort.Slice(m.Services, func(i, j int) bool { return m.Services[i].Prefix < m.Services[j].Prefix })
	for i := range m.Services {
		s := &m.Services[i]
		if i > 0 && m.Services[i-1].Prefix == s.Prefix {
			return fmt.Errorf("service %s appears twice", s.Prefix)
		}
		sort.Slice(s.Resources, func(a, b int) bool { return less(s.Resources[a].Name, s.Resources[b].Name) })
		sort.Slice(s.Keys, func(a, b int) bool { return less(s.Keys[a].Name, s.Keys[b].Name) })
		sort.Slice(s.Actions, func(a, b int) bool { return less(s.Actions[a].Name, s.Actions[b].Name) })
		for j := range s.Resources {
			r := &s.Resources[j]
			if j > 0 && strings.EqualFold(s.Resources[j-1].Name, r.Name) {
				return fmt.Errorf("%s: resource type %s appears twice", s.Prefix, r.Name)
			}
			r.ARNFormats = uniq(r.ARNFormats)
			r.Keys = uniq(r.Keys)
		}
		for j := range s.Keys {
			if j > 0 && strings.EqualFold(s.Keys[j-1].Name, s.Keys[j].Name) {
				return fmt.Errorf("%s: condition key %s appears twice", s.Prefix, s.Keys[j].Name)
			}
		}
		for j := range s.Actions {
			a := &s.Actions[j]
			if j > 0 && strings.EqualFold(s.Actions[j-1].Name, a.Name) {
				return fmt.Errorf("%s: action %s appears twice", s.Prefix, a.Name)
			}
			sort.SliceStable(a.Resources, func(x, y int) bool { return less(a.Resources[x].Name, a.Resources[y].Name) })
			for k := range a.Resources {
				a.Resources[k].Keys = uniq(a.Resources[k].Keys)
				a.Resources[k].Depends = uniq(a.Resources[k].Depends)
			}
			a.Keys = uniq(a.Keys)
			a.Depends = uniq(a.Depends)
		}
	}
	return nil
}

func less(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

// uniq sorts l and drops repeats; an empty list becomes nil.
func uniq(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	sort.Slice(l, func(i, j int) bool { return less(l[i], l[j]) })
	out := l[:1]
	for _, s := range l[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}
