package principal

import "errors"

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
// the next user's facts. Keep a user longer with [NewIAMUser]. The zero
// UserBuilder is ready to use; it must not be used by two goroutines at
// once.
type UserBuilder struct {
	u     IAMUser
	tags  []Tag
	keys  keyset
	names *tagKeyNames
	built bool
}

// Reset forgets the tags and the user built, keeping the memory.
func (b *UserBuilder) Reset() {
	clear(b.tags)
	b.tags = b.tags[:0]
	b.keys.b.Reset()
	b.built = false
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
	if err := b.u.fill(in, b.tags, tagListProblem(b.tags), &b.keys, b.names); err != nil {
		b.u = IAMUser{}
		return nil, err
	}
	ctx, p := b.keys.buildBorrowed()
	if p != "" {
		b.u = IAMUser{}
		return nil, fieldError(KindIAMUser, "tags", "%s", p)
	}
	b.u.ctx = ctx
	return &b.u, nil
}

// HasTags reports whether tags were given since the last Reset.
func (b *UserBuilder) HasTags() bool { return len(b.tags) > 0 }
