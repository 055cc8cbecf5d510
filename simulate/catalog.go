package simulate

import (
	"strings"

	"github.com/iameval/iameval/catalog"
)

// catalogWarnings says what AWS's Service Authorization Reference knows
// against one simulated pair: an action AWS does not have, a resource ARN
// that fits none of the action's resource types, an ARN given to an
// action that takes no resource. The decision is left as the policies
// give it, as the simulator API evaluates the policies as written; the
// warnings say why such a pair never occurs in a real request.
func catalogWarnings(action, resource string) []string {
	var w warner
	return w.warnings(action, resource)
}

// warner remembers the last action it checked: results come action by
// action, and checking an unknown action (its "did you mean") is the
// costly part.
type warner struct {
	action, note string
}

func (w *warner) warnings(action, resource string) []string {
	c := catalog.Default()
	if action != w.action || w.action == "" {
		w.action, w.note = action, c.CheckAction(action)
	}
	if w.note != "" {
		return []string{w.note}
	}
	if resource == "*" {
		return nil
	}
	a := c.Action(action)
	if a.WildcardOnly() {
		return []string{a.FullName + ` takes no resource (Resource "*" only), so no request of it names ` + resource}
	}
	if len(a.ResourceTypesFor(resource)) > 0 {
		return nil
	}
	names := make([]string, len(a.ResourceTypes))
	for i, r := range a.ResourceTypes {
		names[i] = r.Type.Name
	}
	return []string{resource + " is not a resource of " + a.FullName + ": its resource types are " + strings.Join(names, ", ")}
}
