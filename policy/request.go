package policy

import (
	"strings"
	"sync/atomic"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/principal"
)

// RequestInput holds what a [Request] is built from; see [NewRequest].
type RequestInput struct {
	Action    string              // "service:name", as given ("s3:GetObject"); matched ignoring case
	Resource  string              // an ARN, or "*" for actions without resource-level permissions
	Principal principal.Principal // the caller; nil is treated as a caller no policy can name
	Context   condition.Lookup    // the layered request context; nil is an empty context
	// HasBoundary reports that the caller has a permissions boundary: a
	// Deny statement with NotPrincipal then always applies to it
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
	HasBoundary bool
}

// Request is what [Policy.Eval] matches statements against: an immutable
// value built by [NewRequest], with its action validated and its
// lower-case parts and split resource ARN computed once. Evaluate any
// number of policies with it, from any number of goroutines. The zero
// Request matches no statement.
type Request struct {
	prep        prepared
	principal   principal.Principal
	context     condition.Lookup
	hasBoundary bool
}

// prepared holds what NewRequest derives from the action and the
// resource. The fields every evaluation reads come first, so that they
// share cache lines.
type prepared struct {
	ok, resStar, resARN bool // built by NewRequest; the resource is "*"; it splits into six ARN parts
	// actionHash(lower) and actionHash(service), compared with the
	// hashes of Action entries before their text, and actionBit(actionHash).
	actionHash, serviceHash, actionBit uint64
	action, resource                   string // as given
	text                               actionText

	// Read only by resource entries with wildcards before the resource
	// part, and by slow paths.
	service  string // lower-case service prefix
	resParts [6]string
	name     string // lower-case action name
	lower    string // service + ":" + name
}

// NewRequest validates the action (see [CheckRequestAction]) and returns
// the request. A resource that is neither "*" nor an ARN is accepted;
// only a "*" Resource entry matches it.
func NewRequest(in RequestInput) (Request, error) {
	var r Request
	err := r.Init(in)
	return r, err
}

// Init makes *r the request NewRequest(in) returns, in place, and returns
// NewRequest's error (r is then the zero Request). A caller that keeps
// its Request in memory it reuses (iameval's RequestBuilder) saves
// copying the Request, which is a few hundred bytes. Init, like
// [Request.SetCaller] and [Request.SetBoundary], changes r: call it only
// on a Request nobody else reads yet.
func (r *Request) Init(in RequestInput) error {
	r.principal, r.context, r.hasBoundary = in.Principal, in.Context, in.HasBoundary
	if err := r.prep.set(in.Action, in.Resource); err != nil {
		*r = Request{}
		return err
	}
	return nil
}

// Action returns the action as given.
func (r *Request) Action() string { return r.prep.action }

// Resource returns the resource as given.
func (r *Request) Resource() string { return r.prep.resource }

// Principal returns the caller, nil when none was given.
func (r *Request) Principal() principal.Principal { return r.principal }

// Context returns the request context, nil when none was given.
func (r *Request) Context() condition.Lookup { return r.context }

// HasBoundary reports whether the caller has a permissions boundary.
func (r *Request) HasBoundary() bool { return r.hasBoundary }

// WithCaller returns a copy of r with another principal and context; the
// action and resource are not validated or lower-cased again.
func (r Request) WithCaller(p principal.Principal, ctx condition.Lookup) Request {
	r.SetCaller(p, ctx)
	return r
}

// SetCaller gives r another principal and context, as [Request.WithCaller]
// does, in place; see [Request.Init] for when r may be changed.
func (r *Request) SetCaller(p principal.Principal, ctx condition.Lookup) {
	r.principal, r.context = p, ctx
}

// WithBoundary returns a copy of r whose caller has a permissions boundary
// or not.
func (r Request) WithBoundary(has bool) Request {
	r.SetBoundary(has)
	return r
}

// SetBoundary says whether r's caller has a permissions boundary, as
// [Request.WithBoundary] does, in place; see [Request.Init] for when r may
// be changed.
func (r *Request) SetBoundary(has bool) {
	r.hasBoundary = has
}

// prepareValue returns the cached form of an action and a resource.
func prepareValue(action, resource string) (prepared, error) {
	var q prepared
	err := q.set(action, resource)
	return q, err
}

// set makes q the cached form of an action and a resource, or the zero
// prepared with the action's error.
func (q *prepared) set(action, resource string) error {
	// Every field is set below, without clearing q first: q is a few
	// hundred bytes (TestInitIsNewRequest checks that none is left over).
	q.ok, q.action, q.resource, q.resStar = true, action, resource, resource == "*"
	if err := prepareAction(q, action); err != nil {
		*q = prepared{}
		return err
	}
	if q.resStar {
		q.resParts, q.resARN = [6]string{}, false
	} else {
		q.resParts, q.resARN = arn.Split(resource)
		q.resARN = q.resARN && q.resParts[0] == "arn"
	}
	return nil
}

// ResourceARN returns the resource split at its first five colons, and
// whether it is an ARN: six parts, the first "arn". It reports false for
// "*" and for a resource that is not an ARN. Callers that need the parts
// read them here instead of splitting the resource a second time.
func (r *Request) ResourceARN() (parts [6]string, ok bool) {
	return r.prep.resParts, r.prep.resARN
}

// LowerAction returns the lower-case service prefix and action name ("s3"
// and "getobject" for "s3:GetObject"), so that callers need not lower-case
// the action again; both are "" for the zero Request.
func (r *Request) LowerAction() (service, name string) {
	return r.prep.service, r.prep.name
}

// lowered is an action that CheckRequestAction accepted, with what
// prepareAction derives from it.
type lowered struct {
	action, lower                      string // as given, and lower case
	svc                                int    // length of the service prefix
	actionHash, serviceHash, actionBit uint64
	text                               actionText
}

// lowerActions remembers the derived form of recent actions spelled with
// upper-case letters, by a hash of their text: a caller authorizing in a
// loop sees few distinct actions, and lowering each request's action
// would allocate every time; a remembered action is neither checked nor
// hashed again. Entries are immutable; a slot is replaced whole.
var lowerActions [256]atomic.Pointer[lowered]

// prepareAction checks action ([CheckRequestAction]) and sets the fields
// of q derived from it: the lower-case action, service and name, their
// hashes and the inline text.
func prepareAction(q *prepared, action string) error {
	slot := &lowerActions[actionSlot(action)]
	// Only actions with an upper-case letter are remembered: a hit is
	// one, checked when it was remembered.
	if e := slot.Load(); e != nil && e.action == action {
		q.lower, q.service, q.name = e.lower, e.lower[:e.svc], e.lower[e.svc+1:]
		q.actionHash, q.serviceHash, q.actionBit, q.text = e.actionHash, e.serviceHash, e.actionBit, e.text
		return nil
	}
	upper := false
	for i := 0; i < len(action) && !upper; i++ {
		upper = 'A' <= action[i] && action[i] <= 'Z'
	}
	if err := CheckRequestAction(action); err != nil {
		return err
	}
	lower := action
	if upper {
		lower = strings.ToLower(action)
	}
	// The action is ASCII (CheckRequestAction), so lowering keeps its
	// length: lower is the lower-case service, the colon and the name.
	i := strings.IndexByte(action, ':')
	q.lower, q.service, q.name = lower, lower[:i], lower[i+1:]
	q.actionHash, q.serviceHash = actionHash(q.lower), actionHash(q.service)
	q.actionBit = actionBit(q.actionHash)
	q.text = actionText{} // set leaves the bytes after the action
	q.text.set(q.lower, len(q.service))
	if upper {
		// The action is copied: it may be a piece of a larger text that
		// the cache would otherwise keep alive.
		slot.Store(&lowered{action: strings.Clone(action), lower: lower, svc: i,
			actionHash: q.actionHash, serviceHash: q.serviceHash, actionBit: q.actionBit, text: q.text})
	}
	return nil
}

// actionSlot returns the slot of lowerActions for action: a hash of its
// length and of its first and last eight bytes (of every byte, when it is
// shorter), which tell most actions apart without reading all of them.
// Two actions in one slot only take turns being remembered.
func actionSlot(action string) int {
	h := uint64(len(action))
	if len(action) >= 8 {
		h ^= le64(action[:8])*0x9e3779b97f4a7c15 ^ le64(action[len(action)-8:])*0xc2b2ae3d27d4eb4f
	} else {
		for i := 0; i < len(action); i++ {
			h = h*31 + uint64(action[i])
		}
		h *= 0x9e3779b97f4a7c15
	}
	return int(h>>56) % len(lowerActions)
}

// le64 returns the eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	t := s[:8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// lowerAction returns strings.ToLower(action) for an action that
// CheckRequestAction accepts, as prepareAction derives it.
func lowerAction(action string) string {
	var q prepared
	if prepareAction(&q, action) != nil {
		return ""
	}
	return q.lower
}
