package principal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
)

// oneOfEach returns one principal of every concrete type.
func oneOfEach() []Principal {
	return []Principal{
		NewAnonymous(),
		must(NewRoot(RootInput{Account: "123456789012"})),
		must(NewIAMUser(IAMUserInput{ARN: "arn:aws:iam::123456789012:user/alice"})),
		must(NewFederatedUser(FederatedUserInput{Account: "123456789012", Name: "Bob"})),
		must(NewAssumedRole(AssumedRoleInput{RoleARN: devRole, SessionName: "alice"})),
		must(NewWebIdentity(WebIdentityInput{RoleARN: devRole, SessionName: "alice", Provider: ProviderGoogle})),
		must(NewSAML(SAMLInput{RoleARN: devRole, SessionName: "alice", Provider: samlProv, Attributes: samlAttrs(nil)})),
		must(NewService("lambda.amazonaws.com")),
	}
}

// kindOf is an exhaustive type switch over the sealed interface; the test
// below fails when a kind has no concrete type here.
func kindOf(p Principal) Kind {
	switch p.(type) {
	case *Anonymous:
		return KindAnonymous
	case *Root:
		return KindRoot
	case *IAMUser:
		return KindIAMUser
	case *FederatedUser:
		return KindFederatedUser
	case *AssumedRole:
		return KindAssumedRole
	case *WebIdentity:
		return KindWebIdentity
	case *SAML:
		return KindSAML
	case *Service:
		return KindService
	}
	return kindCount
}

func TestKindsAreExhaustive(t *testing.T) {
	t.Parallel()
	seen := make(map[Kind]bool)
	for _, p := range oneOfEach() {
		k := p.Kind()
		assert.Equal(t, k, kindOf(p), "Kind() agrees with the concrete type")
		assert.False(t, seen[k], "one concrete type per kind: %v", k)
		seen[k] = true
		_, isSession := p.(RoleSession)
		assert.Equal(t, k.IsRoleSession(), isSession, "%v: RoleSession implemented exactly by role sessions", k)
		_, isFederated := p.(Federated)
		assert.Equal(t, k == KindWebIdentity || k == KindSAML, isFederated, "%v: Federated implemented by web identity and SAML", k)
		assert.Equal(t, k == KindAssumedRole || k == KindWebIdentity || k == KindSAML || k == KindFederatedUser,
			p.Identity().Session, "%v: Identity.Session", k)
	}
	assert.Len(t, seen, int(kindCount), "every kind has a concrete type")
}

func TestKindString(t *testing.T) {
	t.Parallel()
	want := []string{"Anonymous", "Root", "IAMUser", "FederatedUser", "AssumedRole", "WebIdentity", "SAML", "Service"}
	require.Len(t, want, int(kindCount))
	for i, w := range want {
		assert.Equal(t, w, Kind(i).String(), "scenario format (go doc ./scenario) PRINCIPAL type names")
	}
	assert.Equal(t, "Kind(200)", Kind(200).String())
}

func TestConcurrentReads(t *testing.T) {
	t.Parallel()
	ps := oneOfEach()
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, p := range ps {
				_ = p.Identity().HasDirect()
				p.Context().Each(func(string, condition.Value) {})
				if f, ok := p.(Federated); ok {
					_ = f.AssumeContext().Len()
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}
