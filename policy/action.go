package policy

import "strings"

// actionEntry is one compiled entry of an Action or NotAction element
// (evaluation-logic.md A1).
type actionEntry struct {
	raw     string // as written
	any     bool   // "*": every action of every service
	service string // lower-case service prefix, compared literally
	name    glob   // lower-case glob for the action name
}

// compileAction compiles one Action entry; lower is s in lower case. ok is
// false when the entry is neither "*" nor "service:name"; warn reports a
// wildcard in the service prefix, which is matched literally.
func compileAction(s, lower string) (e actionEntry, ok, warn bool) {
	e.raw = s
	if s == "*" {
		e.any = true
		return e, true, false
	}
	i := strings.IndexByte(lower, ':')
	if i <= 0 || i == len(lower)-1 {
		return e, false, false
	}
	e.service = lower[:i]
	e.name = compileGlob(lower[i+1:])
	return e, true, strings.ContainsAny(e.service, "*?")
}

// match reports whether the entry covers the action with the lower-case
// service prefix and name.
func (e *actionEntry) match(service, name string) bool {
	if e.any {
		return true
	}
	if e.service != service {
		return false
	}
	return e.name.match(name)
}

// actionSet is a compiled Action or NotAction element.
type actionSet struct {
	not     bool // NotAction
	entries []actionEntry
}

// covers reports whether some entry matches the action.
func (a *actionSet) covers(service, name string) bool {
	for i := range a.entries {
		if a.entries[i].match(service, name) {
			return true
		}
	}
	return false
}

// applies reports whether the action part of a statement holds
// (A1 for Action, A2 for NotAction).
func (a *actionSet) applies(service, name string) bool {
	return a.covers(service, name) != a.not
}

// services returns the distinct service prefixes of the entries and
// whether the element can be indexed by them: an Action (not NotAction)
// element without a "*" entry.
func (a *actionSet) services() ([]string, bool) {
	if a.not {
		return nil, false
	}
	var out []string
	for i := range a.entries {
		e := &a.entries[i]
		if e.any {
			return nil, false
		}
		dup := false
		for _, s := range out {
			if s == e.service {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e.service)
		}
	}
	return out, len(out) > 0
}
