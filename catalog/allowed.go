package catalog

import (
	"github.com/iameval/iameval/policy"
)

// Grant is one action a policy allows, with the Allow statements that
// grant it, in document order.
type Grant struct {
	Action     *Action
	Statements []*policy.Statement
}

// Allowed returns the actions of the catalogue that the identity policy
// p allows, sorted by full name: on the resource when resource is not
// "", else on at least one resource. This is what `iameval actions
// --policy` prints. It follows the usual reading of a policy's effective
// actions, with AWS's matching rules
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
//
//   - Action patterns expand against the catalogue, case-insensitively;
//     NotAction means every catalogued action it does not match.
//   - Conditions are not evaluated. An Allow with a condition still
//     grants (some request satisfies it); a Deny with a condition
//     removes nothing (some request escapes it).
//   - Without a resource, an Allow grants its actions whatever its
//     Resource or NotResource element names (a Resource that fits none
//     of an action's resource types is a validation finding, not a
//     subtraction), and a Deny without a condition removes its actions
//     only when its Resource element is "*": a Deny of some resources
//     leaves the action allowed on the others.
//   - With a resource (an ARN, or "*" for actions that take no resource),
//     an Allow grants when its Resource or NotResource element covers
//     that resource, and a Deny without a condition removes when its
//     element covers it. An ARN must also fit one of the action's resource
//     types (so actions that take no resource drop out); "*" is taken as
//     given. Policy variables in Resource stay unresolved: such an entry
//     matches no resource.
//
// Principal elements are ignored: p is read as an identity policy.
func (c *Catalog) Allowed(p *policy.Policy, resource string) []Grant {
	stmts := p.Statements()
	var allows, denies []*policy.Statement
	for _, s := range stmts {
		switch {
		case s.Effect() == policy.Allow:
			allows = append(allows, s)
		case s.Effect() == policy.Deny && !s.HasCondition():
			if resource != "" || s.AllResources() {
				denies = append(denies, s)
			}
		}
	}
	if len(allows) == 0 {
		return nil
	}
	reqResource := resource
	if reqResource == "" {
		reqResource = "*"
	}
	// Candidates: the actions the Allow statements' Action patterns
	// expand to (every action for a NotAction statement); each is then
	// confirmed statement by statement with the engine's own matching.
	seen := make(map[*Action]bool)
	var cands []*Action
	for _, s := range allows {
		pats, not := s.ActionPatterns()
		if not {
			cands = c.appendMatches(cands[:0], "*")
			break
		}
		for _, pat := range pats {
			for _, a := range c.appendMatches(nil, pat) {
				if !seen[a] {
					seen[a] = true
					cands = append(cands, a)
				}
			}
		}
	}
	sortActions(cands)
	var out []Grant
	for _, a := range cands {
		if resource != "" && resource != "*" && len(a.ResourceTypesFor(resource)) == 0 {
			continue
		}
		r, err := policy.NewRequest(policy.RequestInput{Action: a.FullName, Resource: reqResource})
		if err != nil {
			continue
		}
		var by []*policy.Statement
		for _, s := range allows {
			act, res := s.Covers(&r)
			if act && (resource == "" || res) {
				by = append(by, s)
			}
		}
		if len(by) == 0 {
			continue
		}
		denied := false
		for _, s := range denies {
			if act, res := s.Covers(&r); act && (resource == "" || res) {
				denied = true
				break
			}
		}
		if !denied {
			out = append(out, Grant{Action: a, Statements: by})
		}
	}
	return out
}
