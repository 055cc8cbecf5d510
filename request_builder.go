package iameval

import (
	"errors"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
	"github.com/iameval/iameval/variables"
)

// RequestBuilder builds requests as [NewRequest] does, for callers that
// authorize in a loop (a proxy, an emulator): the caller, its tags and the
// request context are given one at a time from plain strings, without
// maps, and the builder keeps and reuses all the memory of the request it
// builds, so that once warm it builds a request without allocating, and
// the request it decides is still in the processor's cache. Decisions and
// explanations are those of the same request built with NewRequest.
//
// Use one builder per goroutine, or take them from a sync.Pool:
//
//	b.Reset()
//	b.User(principal.IAMUserInput{ARN: arn})
//	b.PrincipalTag("team", team)
//	b.ContextKey("aws:SourceIp", ip)
//	r, err := b.Build(iameval.RequestInput{Action: action, Resource: resource})
//	decision := iameval.Evaluate(policies, r)
//
// Lifetime: the request Build returns — with its principal and context —
// lives in the builder's memory and is valid until the builder's next
// [RequestBuilder.Reset]. After Reset, Evaluate and Explain deny it; after
// the next Build, it is the new request. Keep a request longer, or share it
// between goroutines, with NewRequest. Build may be called once after each
// Reset: a second call fails, so that the keys of one request never reach
// the next. The zero RequestBuilder is ready to use; it must not be used
// by two goroutines at once.
type RequestBuilder struct {
	req    Request
	caller condition.Builder // the caller's context keys
	merge  condition.Builder // the request context
	user   principal.UserBuilder
	userIn principal.IAMUserInput
	// hasUser: User was called; built: Build was called since Reset.
	hasUser, built bool
	// oddKey: a key given with ContextKey or ContextValue since Reset is
	// not plain ASCII or a value is over the size limit, so Build must
	// check the context keys as NewRequest does (see plainKeys).
	oddKey bool
}

// Reset starts a new request: it forgets the caller, its tags, the context
// keys and the request built, keeping the memory.
func (b *RequestBuilder) Reset() {
	b.req.forget()
	b.caller.Reset()
	b.merge.Reset()
	b.user.Reset()
	b.userIn = principal.IAMUserInput{}
	b.hasUser, b.built, b.oddKey = false, false, false
}

// User makes the caller the IAM user of in, as [principal.NewIAMUser]
// builds it, with the tags of in and of [RequestBuilder.PrincipalTag].
// Build reports the user's errors.
func (b *RequestBuilder) User(in principal.IAMUserInput) {
	b.userIn, b.hasUser = in, true
}

// PrincipalTag adds a tag of the user given with [RequestBuilder.User]:
// aws:PrincipalTag/key. Keys are unique ignoring case.
func (b *RequestBuilder) PrincipalTag(key, value string) {
	b.user.Tag(key, value)
}

// ContextKey adds the single-valued request-context key key (aws:SourceIp,
// s3:prefix ...) with value, as [RequestInput.Context] would hold it. Keys
// ignore case; one key given twice makes Build fail.
func (b *RequestBuilder) ContextKey(key, value string) {
	b.oddKey = b.oddKey || len(value) > variables.MaxExpansion || !isPlainASCII(key)
	b.caller.AddString(key, value)
}

// ContextValue adds the request-context key key with the value v (a list,
// for multivalued keys); see [RequestBuilder.ContextKey].
func (b *RequestBuilder) ContextValue(key string, v condition.Value) {
	b.oddKey = b.oddKey || !plainKey(key, v)
	b.caller.Add(key, v)
}

// plainKey reports whether the context key key with value v passes the
// checks NewRequest makes of every context key ([checkInputText]) however
// it is normalized: a key of printable ASCII stays so once lower-cased,
// and no string of v is over the size limit. Build then need not check
// again the keys that all pass.
func plainKey(key string, v condition.Value) bool {
	return isPlainASCII(key) && checkValueSize(key, v) == nil
}

// Errors of RequestBuilder.Build.
var (
	errBuiltTwice = errors.New("RequestBuilder.Build called twice without Reset: the request built first would change")
	errTwoCallers = errors.New("the caller is given twice: RequestBuilder.User and RequestInput.Principal")
	errTagNoUser  = errors.New("RequestBuilder.PrincipalTag needs the user of RequestBuilder.User")
)

// Build validates and returns the request of in, as [NewRequest] does,
// with the caller of [RequestBuilder.User] (or in.Principal, for a
// principal built beforehand) and the context keys of
// [RequestBuilder.ContextKey] and [RequestBuilder.ContextValue] added to
// those of in.Context. The request is valid until the next Reset.
func (b *RequestBuilder) Build(in RequestInput) (*Request, error) {
	if b.built {
		return nil, errBuiltTwice
	}
	b.built = true
	if b.hasUser {
		if in.Principal != nil {
			return nil, errTwoCallers
		}
		u, err := b.user.Build(b.userIn)
		if err != nil {
			return nil, err
		}
		in.Principal = u
	} else if b.user.HasTags() {
		return nil, errTagNoUser
	}
	checked := !b.oddKey
	if in.Context.Len() > 0 {
		in.Context.Each(b.caller.Add)
		checked = false
	}
	ctx, err := b.caller.Borrow()
	if err != nil {
		return nil, err
	}
	in.Context = ctx
	if err := b.req.build(in, &b.merge, checked); err != nil {
		b.req = Request{}
		return nil, err
	}
	return &b.req, nil
}
