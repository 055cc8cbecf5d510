package policy

import (
	"fmt"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/principal"
)

// Request is what [Policy.Eval] matches statements against. Fill the
// exported fields, call [Request.Prepare] once, then evaluate any number
// of policies with it, from any number of goroutines, as long as nobody
// changes the request meanwhile.
type Request struct {
	Action    string              // "service:name", as given ("s3:GetObject"); matched ignoring case
	Resource  string              // an ARN, or "*" for actions without resource-level permissions
	Principal principal.Principal // the caller; nil is treated as a caller no policy can name
	Context   condition.Lookup    // the layered request context; nil is an empty context
	// HasBoundary reports that the caller has a permissions boundary: a
	// Deny statement with NotPrincipal then always applies to it
	// (evaluation-logic.md A6).
	HasBoundary bool

	prep prepared
}

// prepared holds what Prepare derives from the exported fields.
type prepared struct {
	ok       bool
	action   string // the Action and Resource that were prepared, to notice later changes
	resource string
	service  string // lower-case service prefix
	name     string // lower-case action name
	resStar  bool   // the request resource is "*"
	resARN   bool   // the request resource splits into six ARN parts
	resParts [6]string
}

// Prepare validates the action ("service:name") and caches its lower-case
// parts and the split resource ARN. Call it once before [Policy.Eval];
// Eval prepares a private copy of a request that was not prepared (or was
// changed since), which costs allocations.
//
// A resource that is neither "*" nor an ARN is accepted; only a "*"
// Resource entry matches it.
func (r *Request) Prepare() error {
	q, err := prepare(r.Action, r.Resource)
	if err != nil {
		r.prep = prepared{}
		return err
	}
	r.prep = q
	return nil
}

// prepare computes the cached form of an action and a resource.
func prepare(action, resource string) (prepared, error) {
	i := strings.IndexByte(action, ':')
	if i <= 0 || i == len(action)-1 {
		return prepared{}, fmt.Errorf("invalid action %q: expected \"service:name\"", action)
	}
	if strings.ContainsAny(action, "*?") {
		return prepared{}, fmt.Errorf("invalid action %q: a request names one action, without wildcards", action)
	}
	q := prepared{
		ok:       true,
		action:   action,
		resource: resource,
		service:  strings.ToLower(action[:i]),
		name:     strings.ToLower(action[i+1:]),
		resStar:  resource == "*",
	}
	if !q.resStar {
		q.resParts, q.resARN = arn.Split(resource)
		q.resARN = q.resARN && q.resParts[0] == "arn"
	}
	return q, nil
}

// current reports whether the cached form still describes r.
func (r *Request) current() bool {
	return r.prep.ok && r.prep.action == r.Action && r.prep.resource == r.Resource
}
