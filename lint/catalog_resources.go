package lint

import (
	"sort"
	"strings"

	"github.com/iameval/iameval/catalog"
)

// checkResources checks the statement's Resource entries against the
// resource types of its actions (Service Authorization Reference): an
// entry that names a resource of none of them never matches a request of
// those actions, and an action that supports only "*" is never allowed
// by a statement without a "*" entry.
func (c *checker) checkResources(s *statement, sa statementActions) {
	if sa.all || sa.empty() || !s.resource.present || s.resource.not {
		return
	}
	hasStar := false
	for _, r := range s.resource.items {
		if r.text == "*" {
			hasStar = true
		}
	}
	if !hasStar {
		// A suggestion, not a warning: AWS's own managed policies name
		// specific resources for actions the reference lists as
		// wildcard-only hundreds of times, so the reference's flag is
		// not reliable enough to call the statement broken.
		for _, it := range s.action.items {
			if hasWildcard(it.text) {
				continue
			}
			if a := c.cat.Action(it.text); a != nil && a.WildcardOnly() {
				c.add(codeWildcardOnly, it,
					a.FullName+" supports only \"Resource\": \"*\" according to the Service Authorization Reference, so this statement likely does not allow it",
					"move it to a statement with \"Resource\": \"*\"")
			}
		}
	}
	if !hasStar || len(s.resource.items) > 1 {
		c.checkResourceTypes(s, sa)
	}
}

// checkResourceTypes reports the Resource entries other than "*" that
// name a resource of none of the resource types of the statement's
// actions; the types are gathered only for a statement that has such an
// entry.
func (c *checker) checkResourceTypes(s *statement, sa statementActions) {
	if !sa.anyType(func(*catalog.ResourceType) bool { return true }) {
		return // every action is wildcard-only: reported above
	}
	// A suggestion, not a warning: the reference's ARN formats miss
	// forms AWS's own managed policies use (public SSM parameters with an
	// empty account, codeconnections for codestar-connections), so an
	// entry they do not cover may still be used.
	for _, r := range s.resource.items {
		if r.text == "*" {
			continue
		}
		pattern := variablesAsWildcards(r.text)
		svc, literal := arnService(pattern)
		if !sa.anyType(func(t *catalog.ResourceType) bool {
			// A type none of whose formats names the pattern's service
			// is ruled out without comparing the formats: a statement
			// of "s3:*", "iam:*" and "ec2:*" has about 200 types.
			return (!literal || c.typeNamesService(t, svc)) && t.MayMatch(pattern)
		}) {
			if c.full() {
				c.add(codeResourceMismatch, r, "", "") // counted, not kept: not worded
				continue
			}
			types := map[*catalog.ResourceType]bool{}
			sa.anyType(func(t *catalog.ResourceType) bool { types[t] = true; return false })
			c.add(codeResourceMismatch, r,
				"\""+r.text+"\" matches none of the resource types of the statement's actions ("+typeList(types)+") in the Service Authorization Reference",
				"remove it, or check the ARN format of the resource type")
		}
	}
}

// variablesAsWildcards replaces each policy variable ${...} of a Resource
// entry with "*", which covers every value it can take.
func variablesAsWildcards(s string) string {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s
		}
		s = s[:i] + "*" + s[i+j+1:]
	}
}

// typeList names resource types for messages: "s3 object, s3 bucket",
// sorted, at most five.
func typeList(types map[*catalog.ResourceType]bool) string {
	var names []string
	for t := range types {
		names = append(names, t.Service.Prefix+" "+t.Name)
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return strings.Join(names, ", ")
}

// arnService returns the service segment of an ARN pattern and whether it
// is literal: no wildcard, and the pattern has that segment.
func arnService(pattern string) (string, bool) {
	parts := strings.SplitN(pattern, ":", 4)
	if len(parts) < 4 || parts[0] != "arn" || strings.ContainsAny(parts[2], "*?$") {
		return "", false
	}
	return parts[2], true
}

// typeNamesService reports whether one of t's ARN formats can have svc as
// its service segment: it is svc, or a placeholder. Kept per type.
func (c *checker) typeNamesService(t *catalog.ResourceType, svc string) bool {
	services, ok := c.typeServices[t]
	if !ok {
		for _, f := range t.ARNFormats {
			s, literal := arnService(f)
			if !literal {
				s = "" // any service
			}
			services = append(services, s)
		}
		if c.typeServices == nil {
			c.typeServices = map[*catalog.ResourceType][]string{}
		}
		c.typeServices[t] = services
	}
	for _, s := range services {
		if s == "" || s == svc {
			return true
		}
	}
	return false
}
