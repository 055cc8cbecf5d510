package iameval

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// builderCase is one request given two ways: to NewRequest with maps and
// the general constructors, and to a RequestBuilder as plain strings.
type builderCase struct {
	user     *principal.IAMUserInput // an IAM user built by the builder, or nil
	tags     [][2]string             // the user's tags, given with PrincipalTag
	keys     [][2]string             // context keys, given with ContextKey
	in       RequestInput            // Principal (when user is nil) and the rest
	inCtxKey bool                    // one context key goes through in.Context
}

// Ingredients of random builder cases: spellings that differ in case,
// caller keys that override derived ones, keys declared absent, keys
// and values NewRequest refuses (a format character, a value over the
// 64 KiB a request value may hold; issue 15).
var (
	builderUserARNs = []string{"arn:aws:iam::" + acctA + ":user/alice", "arn:aws:iam::" + acctA + ":user/division/abc/carol",
		"arn:aws:iam::" + acctB + ":user/bob", "arn:aws:iam::" + acctA + ":user/token-app", "arn:aws:iam::" + acctA + ":user/"}
	builderIDs     = []string{"", "", "AIDAEXAMPLEALICE", "bad-id"}
	builderTagKeys = []string{"team", "Team", "project", "cost-center", "aws:team", "caf\u00e9"}
	builderTagVals = []string{"analytics", "ops", "", "a b", "x\u0000"}
	builderKeys    = []string{"aws:SourceIp", "aws:SecureTransport", "aws:sourceip", "s3:prefix", "aws:PrincipalTag/team",
		"aws:RequestTag/Project", "aws:userid", "aws:RequestedRegion", "aws:SourceVpce", "aws:TagKeys", "aws:username", "aws:CurrentTime", "aws:SourceIp\u200b", "s3:pr\u00e9fix"}
	builderVals   = []string{"203.0.113.7", "10.1.1.1", "true", "false", "analytics", "home/alice/", "eu-west-1", "vpce-1", strings.Repeat("a", 70000)}
	builderAbsent = []string{"aws:SourceIp", "aws:username", "aws:principaltag/team", "aws:UserAgent"}
)

// randomBuilderCase returns gc's request as a builderCase, with a random
// IAM user for the caller half of the time.
func randomBuilderCase(r *rand.Rand, gc genCase) builderCase {
	c := builderCase{in: gc.in}
	c.in.Context = condition.Context{}
	c.in.Principal = gc.p
	if r.IntN(2) == 0 {
		c.in.Principal = nil
		u := principal.IAMUserInput{ARN: pick(r, builderUserARNs), ID: pick(r, builderIDs)}
		switch r.IntN(4) {
		case 0:
			u.Credentials = principal.Credentials{Temporary: true}
		case 1:
			u.Credentials = principal.Credentials{Temporary: true, MFA: true, MFAAge: time.Minute, IssueTime: fixedTime.Add(-time.Hour)}
		}
		c.user = &u
		for range r.IntN(4) {
			c.tags = append(c.tags, [2]string{pick(r, builderTagKeys), pick(r, builderTagVals)})
		}
		if r.IntN(8) == 0 {
			// A tag given twice in one spelling cannot be written as a
			// map: skip it so that both sides have the same tags.
			c.tags = nil
		}
		if u.ARN == builderUserARNs[4] {
			c.tags = nil // an ARN error must not depend on the tags
		}
	}
	for range r.IntN(5) {
		c.keys = append(c.keys, [2]string{pick(r, builderKeys), pick(r, builderVals)})
	}
	c.inCtxKey = len(c.keys) > 0 && r.IntN(3) == 0
	if r.IntN(4) == 0 {
		c.in.Absent = []string{pick(r, builderAbsent)}
	}
	c.in.UnsuppliedAbsent = r.IntN(3) == 0
	return c
}

// general builds c with the general constructors.
func (c builderCase) general() (*Request, error) {
	in := c.in
	if c.user != nil {
		u := *c.user
		if len(c.tags) > 0 {
			u.Tags = map[string]string{}
			for _, t := range c.tags {
				if _, dup := u.Tags[t[0]]; dup {
					return nil, errTagTwice
				}
				u.Tags[t[0]] = t[1]
			}
		}
		p, err := principal.NewIAMUser(u)
		if err != nil {
			return nil, err
		}
		in.Principal = p
	}
	if len(c.keys) > 0 {
		m := map[string]condition.Value{}
		for _, kv := range c.keys {
			if _, dup := m[kv[0]]; dup {
				return nil, errKeyTwice
			}
			m[kv[0]] = condition.StringValue(kv[1])
		}
		ctx, err := condition.NewContext(m)
		if err != nil {
			return nil, err
		}
		in.Context = ctx
	}
	return NewRequest(in)
}

// Placeholders for inputs that a map cannot hold: the builder refuses them
// too, with its own words.
var (
	errTagTwice = assert.AnError
	errKeyTwice = assert.AnError
)

// build builds c with b, after Reset.
func (c builderCase) build(tb testing.TB, b *RequestBuilder) (*Request, error) {
	b.Reset()
	in := c.in
	if c.user != nil {
		b.User(*c.user)
		for _, t := range c.tags {
			b.PrincipalTag(t[0], t[1])
		}
	}
	keys := c.keys
	if c.inCtxKey {
		in.Context = ctxOf(tb, keys[0][0], keys[0][1])
		keys = keys[1:]
	}
	for _, kv := range keys {
		b.ContextKey(kv[0], kv[1])
	}
	return b.Build(in)
}

// TestRequestBuilderMatchesNewRequest is the differential test of the
// builder: over random policy sets and requests — IAM users built by the
// builder with random IDs, tags and credentials, principals of every kind
// built beforehand, context keys in several spellings, keys declared
// absent — one reused RequestBuilder gives the same error, context,
// decision and explanation as NewRequest with the general constructors.
func TestRequestBuilderMatchesNewRequest(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(12, 0x5eed))
	var b RequestBuilder
	counts := map[string]int{}
	for i := range 1500 {
		gc := genCaseOf(r)
		ps, ok := gc.set.build(t)
		require.True(t, ok)
		c := randomBuilderCase(r, gc)
		want, wantErr := c.general()
		got, gotErr := c.build(t, &b)
		if wantErr != nil {
			counts["error"]++
			require.Error(t, gotErr, "case %d: %+v: NewRequest fails with %v", i, c, wantErr)
			// A key of in.Context is already normalized: a clash with
			// it is reported in that spelling.
			if wantErr != assert.AnError && !c.inCtxKey {
				assert.Equal(t, wantErr.Error(), gotErr.Error(), "case %d", i)
			}
			continue
		}
		require.NoError(t, gotErr, "case %d: %+v", i, c)
		assert.Equal(t, contextOf(want.Context()), contextOf(got.Context()), "case %d: request context", i)
		assert.Equal(t, contextOf(want.Principal().Context()), contextOf(got.Principal().Context()), "case %d: principal context", i)
		assert.Equal(t, want.Principal().Identity().IsDirect(want.Principal().ARN()), got.Principal().Identity().IsDirect(got.Principal().ARN()))
		assert.Equal(t, want.Principal().Kind(), got.Principal().Kind())
		d := Evaluate(ps, want)
		counts[d.String()]++
		assert.Equal(t, d, Evaluate(ps, got), "case %d: decision", i)
		if diff := cmp.Diff(Explain(ps, want), Explain(ps, got)); diff != "" {
			t.Errorf("case %d: explanation (-NewRequest +builder):\n%s", i, diff)
		}
	}
	// The generator must reach every outcome and the error paths, or the
	// comparison proves little.
	for _, k := range []string{"error", Allowed.String(), ExplicitDeny.String(), ImplicitDeny.String()} {
		assert.Greater(t, counts[k], 30, "too few %s cases: %v", k, counts)
	}
}

// contextOf returns every key of c with its value, for comparison.
func contextOf(c condition.Context) map[string]string {
	m := map[string]string{}
	c.Each(func(k string, v condition.Value) { m[k] = v.String() })
	return m
}

// TestRequestBuilderDoesNotLeak: a reused builder must not carry a key,
// a tag, an ID or a credential of one request into the next — a leaked
// aws:PrincipalTag or context key could turn a deny into a wrong allow.
func TestRequestBuilderDoesNotLeak(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{
		stmt(`"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"admin"}}`),
		stmt(`"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"home/"}}`),
		stmt(`"Effect":"Allow","Action":"s3:DeleteObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`),
	}}.build(t)
	var b RequestBuilder
	first := func(action string) *Request {
		b.Reset()
		b.User(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/admin", ID: "AIDAEXAMPLEADMIN",
			Credentials: principal.Credentials{Temporary: true, MFA: true}})
		b.PrincipalTag("team", "admin")
		b.PrincipalTag("Project", "x")
		b.ContextKey("s3:prefix", "home/")
		b.ContextKey("aws:SourceIp", "203.0.113.7")
		r, err := b.Build(RequestInput{Action: action, Resource: objA, Time: fixedTime})
		require.NoError(t, err)
		require.Equal(t, Allowed, Evaluate(ps, r), "the first request is allowed: %s", action)
		return r
	}
	for _, action := range []string{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"} {
		first(action)
		// The next request: another user, without tags, ID, MFA or keys.
		b.Reset()
		b.User(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/guest"})
		r, err := b.Build(RequestInput{Action: action, Resource: objA, Time: fixedTime})
		require.NoError(t, err)
		want := must(NewRequest(RequestInput{Principal: must(principal.NewIAMUser(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/guest"})),
			Action: action, Resource: objA, Time: fixedTime}))
		assert.Equal(t, contextOf(want.Context()), contextOf(r.Context()), "%s: no key of the first request is left", action)
		assert.Nil(t, r.Principal().(*principal.IAMUser).Tags(), "no tag of the first user is left")
		assert.Equal(t, ImplicitDeny, Evaluate(ps, r), "%s: the guest is not allowed", action)

		// The same with a principal built beforehand.
		first(action)
		b.Reset()
		r, err = b.Build(RequestInput{Principal: bobB, Action: action, Resource: objA, Time: fixedTime})
		require.NoError(t, err)
		assert.Equal(t, "arn:aws:iam::"+acctB+":user/bob", r.Principal().ARN())
		_, has := r.Context().LookupKey("s3:prefix")
		assert.False(t, has, "%s: no caller key of the first request is left", action)
	}
}

// TestRequestBuilderLifetime: a request is valid until the builder's next
// Reset; misuse fails closed.
func TestRequestBuilderLifetime(t *testing.T) {
	t.Parallel()
	ps := docs{identity: []string{allow("s3:GetObject", "*")}}.build(t)
	var b RequestBuilder
	b.User(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/alice"})
	r, err := b.Build(RequestInput{Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	require.NoError(t, err)
	require.Equal(t, Allowed, Evaluate(ps, r), "the zero builder is ready")

	_, err = b.Build(RequestInput{Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	assert.ErrorContains(t, err, "without Reset", "a second Build would change the first request")
	assert.Equal(t, Allowed, Evaluate(ps, r), "a refused Build leaves the request")

	b.Reset()
	assert.Equal(t, ImplicitDeny, Evaluate(ps, r), "a request used after Reset is denied")
	assert.Equal(t, ImplicitDeny, Explain(ps, r).Decision)

	b.Reset()
	b.PrincipalTag("team", "x")
	_, err = b.Build(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	assert.ErrorContains(t, err, "needs the user", "a tag without the builder's user is refused, not dropped")

	b.Reset()
	b.User(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/alice"})
	_, err = b.Build(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	assert.ErrorContains(t, err, "twice")

	b.Reset()
	b.User(principal.IAMUserInput{ARN: "arn:aws:iam::" + acctA + ":user/alice"})
	b.PrincipalTag("team", "a")
	b.PrincipalTag("team", "b")
	_, err = b.Build(RequestInput{Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	assert.ErrorContains(t, err, "given twice")

	b.Reset()
	b.ContextKey("aws:SourceIp", "10.0.0.1")
	b.ContextKey("aws:sourceip", "10.0.0.2")
	_, err = b.Build(RequestInput{Principal: alice, Action: "s3:GetObject", Resource: objA, Time: fixedTime})
	assert.ErrorIs(t, err, condition.ErrDuplicateKey)
	assert.True(t, strings.Contains(err.Error(), "aws:sourceip"), err.Error())
}
