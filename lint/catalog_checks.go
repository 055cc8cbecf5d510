package lint

import (
	"strings"

	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/internal/editdist"
)

// Issue codes of the checks against AWS's Service Authorization
// Reference (package catalog).
var (
	codeInvalidService   = rule("INVALID_SERVICE_IN_ACTION", Error, "The service prefix of an action is not an AWS service.", checkRef+"error-invalid-service-in-action")
	codeInvalidAction    = rule("INVALID_ACTION", Error, "The action does not exist.", checkRef+"error-invalid-action")
	codeNoMatchingAction = rule("NO_MATCHING_ACTION", Error, "An action pattern matches no action of the service.", sar)
	codeGlobalKey        = rule("INVALID_GLOBAL_CONDITION_KEY", Error, "An aws: condition key does not exist.", checkRef+"error-invalid-global-condition-key")
	codeServiceKey       = rule("INVALID_SERVICE_CONDITION_KEY", Error, "A condition key does not exist in its service.", checkRef+"error-invalid-service-condition-key")
	codeKeyUnsupported   = rule("CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS", Suggestion, "None of the statement's actions supports the condition key, so the condition never holds for them (or always holds with IfExists).", sar)
	codeTypeMismatch     = rule("TYPE_MISMATCH", Warning, "The condition operator does not fit the type of the condition key.", userGuide+"reference_policies_elements_condition_operators.html")
	codeForAllSingle     = rule("FORALLVALUES_WITH_SINGLE_VALUED_KEY", SecurityWarning, "ForAllValues with a single-valued key is true when the key is absent.", checkRef+"security-warning-forallvalues-with-single-valued-key")
	codeIfExistsAlways   = rule("IF_EXISTS_ON_ALWAYS_PRESENT_KEY", Suggestion, "IfExists on a key that every request has changes nothing.", userGuide+"reference_policies_elements_condition_operators.html#Conditions_IfExists")
	codeNotInReference   = rule("NOT_IN_REFERENCE", Suggestion, "A name the Service Authorization Reference does not list, though AWS's own managed policies use it.", sar)
	codeResourceMismatch = rule("RESOURCE_TYPE_MISMATCH", Suggestion, "A resource matches none of the resource types of the statement's actions.", sar)
	codeWildcardOnly     = rule("ACTION_NEEDS_WILDCARD_RESOURCE", Suggestion, "The action supports only \"Resource\": \"*\", which the statement lacks.", sar)
)

// statementActions is what the catalogue says about a statement's Action
// element.
type statementActions struct {
	all bool // "*", NotAction, or an entry of an unknown service: any action
	// lists holds, for each entry that matches actions, the actions it
	// matches. Lists may overlap: the checks that read them ask whether
	// some action has a property, so repeats do no harm, and collecting
	// the actions without repeats cost each statement about a thousand
	// map operations for "s3:*", "iam:*", "ec2:*" (issue 15: 100,000
	// such statements took 44 s).
	lists []*entryActions
}

// entryActions is what one Action entry text matches: its actions, and
// the resource types they have, without repeats (gathered on first use).
type entryActions struct {
	actions []*catalog.Action
	types   []*catalog.ResourceType
	typed   bool
	// supported caches, by condition key, whether one of the actions
	// supports it (see supports).
	supported map[string]bool
}

// supports reports whether one of the entry's actions supports the
// condition key name (actionSupports), asked once per key: a statement
// of "s3:*", "iam:*" and "ec2:*" asks it of a thousand actions.
func (e *entryActions) supports(name string) bool {
	if ok, seen := e.supported[name]; seen {
		return ok
	}
	ok := false
	for _, a := range e.actions {
		if actionSupports(a, name) {
			ok = true
			break
		}
	}
	if e.supported == nil {
		e.supported = map[string]bool{}
	}
	e.supported[name] = ok
	return ok
}

// supports reports whether one of the actions the entries match supports
// the condition key name.
func (sa statementActions) supports(name string) bool {
	for _, l := range sa.lists {
		if l.supports(name) {
			return true
		}
	}
	return false
}

// resourceTypes returns the resource types of the entry's actions.
func (e *entryActions) resourceTypes() []*catalog.ResourceType {
	if !e.typed {
		seen := map[*catalog.ResourceType]bool{}
		for _, a := range e.actions {
			for _, ar := range a.ResourceTypes {
				if !seen[ar.Type] {
					seen[ar.Type] = true
					e.types = append(e.types, ar.Type)
				}
			}
		}
		e.typed = true
	}
	return e.types
}

// empty reports whether the entries match no action.
func (sa statementActions) empty() bool { return len(sa.lists) == 0 }

// anyType reports whether f holds for some resource type of the actions
// the entries match.
func (sa statementActions) anyType(f func(*catalog.ResourceType) bool) bool {
	for _, l := range sa.lists {
		for _, t := range l.resourceTypes() {
			if f(t) {
				return true
			}
		}
	}
	return false
}

// checkCatalog runs the checks that need the catalogue.
func (c *checker) checkCatalog(s *statement) {
	if c.cat == nil {
		return
	}
	sa := c.checkActionNames(s)
	c.checkConditionKeys(s, sa)
	c.checkResources(s, sa)
}

// checkActionNames reports unknown services, unknown actions and
// patterns that match nothing, and returns the actions the statement
// names.
func (c *checker) checkActionNames(s *statement) statementActions {
	var sa statementActions
	if !s.action.present {
		sa.all = true
		return sa
	}
	sa.all = s.action.not
	for _, it := range s.action.items {
		if it.text == "*" {
			sa.all = true
			continue
		}
		prefix, name, ok := strings.Cut(it.text, ":")
		if !ok || name == "" || hasWildcard(prefix) {
			sa.all = true // package policy reports it
			continue
		}
		svc := c.cat.Service(prefix)
		if svc == nil {
			sa.all = true
			if c.notInReference(it, "prefix", prefix) {
				continue
			}
			msg := "\"" + prefix + "\" is not the prefix of an AWS service"
			fix := ""
			if c.full() {
				// Counted, not kept: no suggestion to look for.
			} else if near := c.nearestService(prefix); near != "" {
				msg += "; did you mean \"" + near + "\"?"
				fix = "replace with \"" + near + ":" + name + "\""
			}
			c.add(codeInvalidService, it, msg, fix)
			continue
		}
		matched := c.matchActions(svc, it.text, name)
		if len(matched.actions) == 0 {
			if hasWildcard(name) {
				c.add(codeNoMatchingAction, it, "\""+it.text+"\" matches no action of "+svc.Name, "")
				continue
			}
			if c.notInReference(it, "action", it.text) {
				continue
			}
			msg := "\"" + it.text + "\" is not an action of " + svc.Name
			fix := ""
			if c.full() {
				// Counted, not kept: no suggestion to look for.
			} else if near := c.nearestAction(svc, name); near != "" {
				msg += "; did you mean \"" + near + "\"?"
				fix = "replace with \"" + near + "\""
			}
			c.add(codeInvalidAction, it, msg, fix)
			continue
		}
		sa.lists = append(sa.lists, matched)
	}
	return sa
}

// matchActions returns svc.MatchActions(name) for the entry text, once
// per distinct text: a policy repeats its wildcard entries from statement
// to statement.
func (c *checker) matchActions(svc *catalog.Service, text, name string) *entryActions {
	if m, ok := c.matched[text]; ok {
		return m
	}
	if c.matched == nil {
		c.matched = map[string]*entryActions{}
	}
	m := &entryActions{actions: svc.MatchActions(name)}
	c.matched[text] = m
	return m
}

// notInReference reports a name the reference lacks but an AWS managed
// policy uses, as a suggestion, and returns whether it did.
func (c *checker) notInReference(it item, kind, name string) bool {
	p := usedByAWS(kind, name)
	if p == "" {
		return false
	}
	what := map[string]string{"prefix": "the service prefix", "action": "the action", "key": "the condition key"}[kind]
	c.add(codeNotInReference, it,
		what+" \""+name+"\" is not in the Service Authorization Reference of "+c.cat.Date()+", though the AWS managed policy "+p+" uses it",
		"")
	return true
}

// nearestService returns the service prefix closest to prefix, or "".
func (c *checker) nearestService(prefix string) string {
	return c.suggest("", strings.ToLower(prefix), func() []string {
		names := make([]string, 0, len(c.cat.Services()))
		for _, s := range c.cat.Services() {
			names = append(names, s.Prefix)
		}
		return names
	})
}

// nearestAction returns the full name of the service's action closest to
// name, or "".
func (c *checker) nearestAction(svc *catalog.Service, name string) string {
	n := c.suggest(svc.Prefix, strings.ToLower(name), func() []string {
		names := make([]string, len(svc.Actions))
		for i := range svc.Actions {
			names[i] = svc.Actions[i].Name
		}
		return names
	})
	if n != "" {
		return svc.Prefix + ":" + n
	}
	return ""
}

// maxSuggestions is the most distinct unknown names of a document that
// get a "did you mean": each is compared with every name of its kind,
// and a hostile policy of 100,000 actions of unknown services took 11
// seconds that way (issue 15). Past it the findings come without one.
const maxSuggestions = 1000

// suggest returns the nearest of the names candidates lists to the
// lower-case word w, among the names of scope ("" for service prefixes,
// else a service prefix), asking each word once.
func (c *checker) suggest(scope, w string, candidates func() []string) string {
	key := scope + ":" + w
	if near, ok := c.near[key]; ok {
		return near
	}
	if len(c.near) >= maxSuggestions {
		return ""
	}
	if c.near == nil {
		c.near = map[string]string{}
	}
	near := nearest(w, candidates())
	c.near[key] = near
	return near
}

// nearest returns the candidate with the smallest edit distance to the
// lower-case word w, compared case-insensitively, if that distance is
// small enough to be a typo: at most a third of w's length, and at most
// 3.
func nearest(w string, candidates []string) string {
	best, bestD := "", min(3, max(1, len(w)/3))+1
	for _, c := range candidates {
		if d := editdist.Distance(w, strings.ToLower(c), bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
