package policy

import (
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
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
	HasBoundary bool

	prep prepared
}

// prepared holds what Prepare derives from the exported fields. The fields
// every evaluation reads come first, so that they share cache lines.
type prepared struct {
	ok, resStar, resARN bool // prepared; the resource is "*"; it splits into six ARN parts
	// actionHash(lower) and actionHash(service), compared with the
	// hashes of Action entries before their text, and actionBit(actionHash).
	actionHash, serviceHash, actionBit uint64
	action, resource                   string // the Action and Resource that were prepared, to notice later changes
	text                               actionText

	// Read only by resource entries with wildcards before the resource
	// part, and by slow paths.
	service  string // lower-case service prefix
	resParts [6]string
	name     string // lower-case action name
	lower    string // service + ":" + name
}

// Prepare validates the action (see [CheckRequestAction]) and caches its lower-case
// parts and the split resource ARN. Call it once before [Policy.Eval];
// Eval prepares a private copy of a request that was not prepared (or was
// changed since), which costs allocations.
//
// A resource that is neither "*" nor an ARN is accepted; only a "*"
// Resource entry matches it.
func (r *Request) Prepare() error {
	q, err := prepareValue(r.Action, r.Resource)
	if err != nil {
		r.prep = prepared{}
		return err
	}
	r.prep = q
	return nil
}

// prepare computes the cached form of an action and a resource, for a
// request that was not prepared; it allocates. It is kept out of line so
// that its large temporaries do not enlarge the stack frame of the hot
// path that calls it (Request.load).
//
//go:noinline
func prepare(action, resource string) (*prepared, error) {
	q, err := prepareValue(action, resource)
	if err != nil {
		return nil, err
	}
	return &q, nil
}

// prepareValue computes the cached form of an action and a resource.
func prepareValue(action, resource string) (prepared, error) {
	if err := CheckRequestAction(action); err != nil {
		return prepared{}, err
	}
	i := strings.IndexByte(action, ':')
	q := prepared{
		ok:       true,
		action:   action,
		resource: resource,
		lower:    strings.ToLower(action),
		resStar:  resource == "*",
	}
	// The action is ASCII (CheckRequestAction), so lowering keeps its
	// length: lower is the lower-case service, the colon and the name.
	q.service, q.name = q.lower[:i], q.lower[i+1:]
	q.actionHash, q.serviceHash = actionHash(q.lower), actionHash(q.service)
	q.actionBit = actionBit(q.actionHash)
	q.text.set(q.lower, len(q.service))
	if !q.resStar {
		q.resParts, q.resARN = arn.Split(resource)
		q.resARN = q.resARN && q.resParts[0] == "arn"
	}
	return q, nil
}

// LowerAction returns the lower-case service prefix and action name that
// [Request.Prepare] cached ("s3" and "getobject" for "s3:GetObject"), so
// that callers need not lower-case the action again; ok is false when the
// request was not prepared or was changed since.
func (r *Request) LowerAction() (service, name string, ok bool) {
	if !r.current() {
		return "", "", false
	}
	return r.prep.service, r.prep.name, true
}

// current reports whether the cached form still describes r.
func (r *Request) current() bool {
	return r.prep.ok && r.prep.action == r.Action && r.prep.resource == r.Resource
}
