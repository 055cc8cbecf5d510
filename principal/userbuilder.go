package principal

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/iameval/iameval/condition"
)

// errBuiltTwice is the error of a second UserBuilder.Build without Reset.
var errBuiltTwice = errors.New("UserBuilder.Build called twice without Reset: the user built first would change")

// UserBuilder builds IAM users as [NewIAMUser] does, with the tags given
// one at a time ([UserBuilder.Tag]) instead of in a map, into memory it
// keeps and reuses: once warm, it builds a user without allocating. It is
// meant for callers that authorize in a loop, one builder per goroutine
// (or in a sync.Pool).
//
// Lifetime: the user [UserBuilder.Build] returns, and its Context, are
// valid until the builder's next [UserBuilder.Reset]; after it they hold
// the next user's facts. Keep a user longer with [NewIAMUser]. The user's
// Context is usually built on its first use (by then from any number of
// goroutines), since [SetContext] gives its keys without it. The zero
// UserBuilder is ready to use; it must not be used by two goroutines at
// once.
type UserBuilder struct {
	u     IAMUser
	tags  []Tag
	keys  keyset
	names *tagKeyNames
	built bool
	// The context of a user whose credentials are not temporary and
	// whose tag keys are ASCII (so that no two of its keys can collide:
	// tagListProblem compares tag keys ignoring ASCII case, which is how
	// context keys compare then) is built on first use: a RequestBuilder
	// sets the user's keys in the request context directly (SetContext)
	// and most users' own context is never asked for. ctxMu guards the
	// building, ctxDone says it is done.
	ctxMu   sync.Mutex
	ctxDone atomic.Bool
	// tagKeys[i] is the context key of the i-th tag of a lazy user,
	// computed by Build: neither SetContext nor context changes names.
	tagKeys []string
}

// Reset forgets the tags and the user built, keeping the memory.
func (b *UserBuilder) Reset() {
	clear(b.tags)
	b.tags = b.tags[:0]
	b.keys.b.Reset()
	b.built = false
	b.ctxDone.Store(false)
}

// Tag adds a tag of the user: aws:PrincipalTag/key. Keys are unique
// ignoring case; a key given twice makes Build fail.
func (b *UserBuilder) Tag(key, value string) {
	b.tags = append(b.tags, Tag{key, value})
}

// Build validates in and the tags given with [UserBuilder.Tag] and returns
// the IAM user, as [NewIAMUser] does with in.Tags holding every tag
// (in.Tags may hold tags too). Build may be called once after each Reset.
func (b *UserBuilder) Build(in IAMUserInput) (*IAMUser, error) {
	if b.built {
		return nil, errBuiltTwice
	}
	b.built = true
	for k, v := range in.Tags {
		b.tags = append(b.tags, Tag{k, v})
	}
	sortTags(b.tags)
	if b.names == nil {
		b.names = new(tagKeyNames)
	}
	b.keys.b.Grow(8 + len(b.tags))
	lazy := !in.Credentials.Temporary && asciiTagKeys(b.tags)
	keys := &b.keys
	if lazy {
		keys = nil
	}
	if err := b.u.fill(in, b.tags, tagListProblem(b.tags), keys, b.names); err != nil {
		b.u = IAMUser{}
		return nil, err
	}
	if lazy {
		clear(b.tagKeys)
		b.tagKeys = b.tagKeys[:0]
		for i, t := range b.u.tags {
			b.tagKeys = append(b.tagKeys, b.names.principalTagKey(i, t.Key))
		}
		if b.tagKeys == nil {
			b.tagKeys = []string{} // not nil: addKeys reads it
		}
		b.u.lazy = b
		return &b.u, nil
	}
	ctx, p := b.keys.buildBorrowed()
	if p != "" {
		b.u = IAMUser{}
		return nil, fieldError(KindIAMUser, "tags", "%s", p)
	}
	b.u.ctx = ctx
	return &b.u, nil
}

// context builds, once, the context of the user b built lazily.
func (b *UserBuilder) context() condition.Context {
	if b.ctxDone.Load() {
		return b.u.ctx
	}
	b.ctxMu.Lock()
	defer b.ctxMu.Unlock()
	if !b.ctxDone.Load() {
		b.u.addKeys(&b.keys, nil, b.tagKeys)
		// No two keys collide (see ctxDone): there is no error.
		b.u.ctx, _ = b.keys.buildBorrowed()
		b.ctxDone.Store(true)
	}
	return b.u.ctx
}

// asciiTagKeys reports whether every tag key is ASCII.
func asciiTagKeys(tags []Tag) bool {
	for _, t := range tags {
		if !isASCII(t.Key) {
			return false
		}
	}
	return true
}

// SetContext sets in b every key of p's context, as
// b.SetAll(p.Context()) does. For an IAM user of a [UserBuilder] whose
// context nobody asked for yet, it sets the user's keys without building
// that context first: a caller that merges the principal's keys into a
// request context, request after request, builds them once.
func SetContext(b *condition.Builder, p Principal) {
	if u, ok := p.(*IAMUser); ok && u.lazy != nil && !u.lazy.ctxDone.Load() {
		u.setKeys(b, u.lazy.tagKeys)
		return
	}
	b.SetAll(p.Context())
}

// HasTags reports whether tags were given since the last Reset.
func (b *UserBuilder) HasTags() bool { return len(b.tags) > 0 }
