package principal

import "github.com/iameval/iameval/condition"

// IAMUserInput holds the facts of an IAM user for [NewIAMUser].
type IAMUserInput struct {
	// ARN is the user's ARN with its path:
	// arn:aws:iam::ACCOUNT:user/PATH/NAME. Required.
	ARN string
	// ID is the user's unique ID (AIDA...); "" when unknown, which leaves
	// aws:userid absent.
	ID string
	// Tags are the user's tags: aws:PrincipalTag/K.
	Tags map[string]string
	// Credentials describe the request's credentials; the zero value is
	// long-term access keys without MFA. Temporary marks GetSessionToken
	// or console credentials.
	Credentials Credentials
}

// IAMUser is an IAM user, signing with long-term access keys or with
// GetSessionToken credentials. Build it with [NewIAMUser], a [UserBuilder]
// or [Parse].
type IAMUser struct {
	partition, account, arn, path, name, id string
	tags                                    []Tag // sorted by key
	creds                                   Credentials
	identity                                Identity
	ctx                                     condition.Context
	// direct backs identity's direct names (the ARN and the unique ID),
	// so that they share the user's allocation.
	direct [2]string
	// lazy is, for a user of a UserBuilder whose context is built on
	// first use, that builder; ctx is then unset until it is built.
	lazy *UserBuilder
}

// NewIAMUser validates in and returns the IAM user.
//
// Derived keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:PrincipalArn = the user ARN with path, aws:PrincipalAccount,
// aws:PrincipalType = User, aws:userid = the unique ID when known,
// aws:username = the name without path, aws:PrincipalTag/K for the user's
// tags, aws:PrincipalIsAWSService = false, and the credential keys of
// temporary credentials.
func NewIAMUser(in IAMUserInput) (*IAMUser, error) {
	u := &IAMUser{}
	b := newKeyset()
	if err := u.fill(in, tagList(in.Tags), tagsProblem(in.Tags), b, nil); err != nil {
		return nil, err
	}
	ctx, p := b.build()
	if p != "" {
		return nil, fieldError(KindIAMUser, "tags", "%s", p)
	}
	u.ctx = ctx
	return u, nil
}

// fill validates in, whose tags are tags (sorted by key) with the problem
// tagsProb ("" when they are valid), sets every field of u but its context,
// and, when b is not nil, adds the user's context keys to b; names, when
// not nil, caches the context keys of tag keys.
func (u *IAMUser) fill(in IAMUserInput, tags []Tag, tagsProb string, b *keyset, names *tagKeyNames) error {
	const k = KindIAMUser
	e, p := parseEntity(in.ARN, "user")
	if p != "" {
		return fieldError(k, "arn", "%s", p)
	}
	if in.ID != "" {
		if p := uniqueIDProblem(in.ID, "AIDA"); p != "" {
			return fieldError(k, "id", "%s", p)
		}
	}
	if tagsProb != "" {
		return fieldError(k, "tags", "%s", tagsProb)
	}
	if f, p := credentialsProblem(in.Credentials, in.Credentials.Temporary, true); p != "" {
		return fieldError(k, f, "%s", p)
	}
	*u = IAMUser{
		partition: e.partition,
		account:   e.account,
		arn:       in.ARN,
		path:      e.path,
		name:      e.name,
		id:        in.ID,
		tags:      tags,
		creds:     in.Credentials,
	}
	if len(u.tags) == 0 {
		u.tags = nil
	}
	u.direct[0] = u.arn
	n := 1
	if u.id != "" {
		u.direct[1] = u.id
		n = 2
	}
	u.identity = Identity{Account: u.account, direct: u.direct[:n:n]}
	if b != nil {
		u.addKeys(b, names, nil)
	}
	return nil
}

// addKeys adds the user's context keys to b. The context key of the i-th
// tag is tagKeys[i] when tagKeys is not nil, else the one names gives
// (names, when not nil, caches them).
func (u *IAMUser) addKeys(b *keyset, names *tagKeyNames, tagKeys []string) {
	b.str(keyPrincipalArn, u.arn)
	b.str(keyPrincipalAccount, u.account)
	b.str(keyPrincipalType, "User")
	if u.id != "" {
		b.str(keyUserID, u.id)
	}
	b.str(keyUsername, u.name)
	if tagKeys != nil {
		for i, t := range u.tags {
			b.str(tagKeys[i], t.Value)
		}
	} else {
		b.principalTagList(u.tags, names)
	}
	b.str(keyPrincipalIsAWSService, "false")
	u.creds.add(b, u.creds.Temporary, true)
}

// setKeys sets in b the keys addKeys adds, for a user whose credentials
// are not temporary (addKeys adds no credential key for it), as
// b.SetAll(u.Context()) would; tagKeys[i] is the context key of the i-th
// tag.
func (u *IAMUser) setKeys(b *condition.Builder, tagKeys []string) {
	b.SetString(keyPrincipalArn, u.arn)
	b.SetString(keyPrincipalAccount, u.account)
	b.SetString(keyPrincipalType, "User")
	if u.id != "" {
		b.SetString(keyUserID, u.id)
	}
	b.SetString(keyUsername, u.name)
	for i, t := range u.tags {
		b.SetString(tagKeys[i], t.Value)
	}
	b.SetString(keyPrincipalIsAWSService, "false")
}

// Kind returns KindIAMUser.
func (u *IAMUser) Kind() Kind { return KindIAMUser }

// ARN returns the user ARN with its path.
func (u *IAMUser) ARN() string { return u.arn }

// Account returns the user's account ID.
func (u *IAMUser) Account() string { return u.account }

// Partition returns the ARN partition.
func (u *IAMUser) Partition() string { return u.partition }

// Name returns the user name, without path (aws:username).
func (u *IAMUser) Name() string { return u.name }

// Path returns the user's path ("/" when it has none).
func (u *IAMUser) Path() string { return u.path }

// ID returns the user's unique ID, or "" when unknown.
func (u *IAMUser) ID() string { return u.id }

// Tags returns the user's tags (a new map, nil when there are none).
func (u *IAMUser) Tags() map[string]string { return tagMap(u.tags) }

// Credentials returns the credential facts.
func (u *IAMUser) Credentials() Credentials { return u.creds }

// Identity returns the user ARN and, when known, the unique ID as the
// direct identity.
func (u *IAMUser) Identity() Identity { return u.identity }

// Context returns the keys derived for the user.
func (u *IAMUser) Context() condition.Context {
	if u.lazy != nil {
		return u.lazy.context()
	}
	return u.ctx
}

func (u *IAMUser) sealed() {}

// The normalized keys of a user's context, computed once: the context
// takes them as they are, without lowering them for every user.
var (
	keyPrincipalArn          = condition.NormalizeKey(condition.KeyPrincipalArn)
	keyPrincipalAccount      = condition.NormalizeKey(condition.KeyPrincipalAccount)
	keyPrincipalType         = condition.NormalizeKey(condition.KeyPrincipalType)
	keyUserID                = condition.NormalizeKey(condition.KeyUserID)
	keyUsername              = condition.NormalizeKey(condition.KeyUsername)
	keyPrincipalIsAWSService = condition.NormalizeKey(condition.KeyPrincipalIsAWSService)
)
