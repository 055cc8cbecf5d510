package policy

// Covers reports whether the statement's Action or NotAction element
// covers the request's action, and whether its Resource or NotResource
// element covers the request's resource, ignoring Principal and
// Condition. It is for analyses that ask what a policy grants (package
// catalog's Allowed), not for decisions: [Policy.Eval] decides.
//
// Policy variables in a resource entry stay unresolved, so such an entry
// matches nothing: in Resource it covers nothing, in NotResource it
// excludes nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
// The zero Request covers nothing.
func (s *Statement) Covers(r *Request) (action, resource bool) {
	if !r.prep.ok {
		return false, false
	}
	return s.actions.applies(&r.prep), s.resources.applies(&r.prep, noVariables{})
}

// noVariables is a variables.Lookup with no values.
type noVariables struct{}

func (noVariables) LookupVariable(string) (string, bool) { return "", false }

// HasCondition reports whether the statement has a non-empty Condition
// element.
func (s *Statement) HasCondition() bool { return s.hasCond }

// AllResources reports whether the statement applies to every resource:
// its Resource element holds "*".
func (s *Statement) AllResources() bool {
	if !s.resources.present || s.resources.not {
		return false
	}
	ents := s.resources.entries()
	for i := range ents {
		if ents[i].anyResource() {
			return true
		}
	}
	return false
}

// ActionPatterns returns the entries of the statement's Action or
// NotAction element in lower case, as they are matched ("*",
// "s3:get*"), and whether the element is NotAction. The slice is new.
func (s *Statement) ActionPatterns() (patterns []string, not bool) {
	patterns = make([]string, len(s.actions.entries()))
	ents := s.actions.entries()
	for i := range ents {
		e := &ents[i]
		if e.isAny() {
			patterns[i] = "*"
		} else {
			patterns[i] = e.service() + ":" + e.namePattern().String()
		}
	}
	return patterns, s.actions.not
}
