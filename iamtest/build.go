package iamtest

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// Policy parses the policy document doc as a policy of type typ. When the
// document is invalid it calls t.Fatalf with every problem, one per line
// as line:column: path: message, and returns nil.
func Policy(t testing.TB, typ policy.Type, doc string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse([]byte(doc), policy.Source{Type: typ})
	if err != nil {
		t.Fatalf("invalid %s policy:\n%v", typ, err)
		return nil
	}
	return p
}

// IdentityPolicy parses an identity-based policy, as [Policy] does.
func IdentityPolicy(t testing.TB, doc string) *policy.Policy {
	t.Helper()
	return Policy(t, policy.Identity, doc)
}

// ResourcePolicy parses a resource-based policy (bucket policy, key
// policy, a role's trust policy ...), as [Policy] does.
func ResourcePolicy(t testing.TB, doc string) *policy.Policy {
	t.Helper()
	return Policy(t, policy.Resource, doc)
}

// IdentitySet returns a policy set holding only the identity-based
// policies docs, parsed as [Policy] does. Explanations name them
// identity[0], identity[1], ... unless a document has an Id.
func IdentitySet(t testing.TB, docs ...string) *iameval.PolicySet {
	t.Helper()
	ps := &iameval.PolicySet{}
	for _, d := range docs {
		ps.Identity = append(ps.Identity, Policy(t, policy.Identity, d))
	}
	return ps
}

// Request builds the request of the caller principalARN (an ARN or
// service name that [principal.Parse] reads: a user, role session,
// federated user, root, "lambda.amazonaws.com", "*" for anonymous) for
// action on resource, with the single-valued context keys ctx (nil for
// none). The resource account is the account of resource's ARN, else the
// caller's. When the request cannot be built it calls t.Fatalf and returns
// nil; build requests that need more with [iameval.NewRequest].
func Request(t testing.TB, principalARN, action, resource string, ctx map[string]string) *iameval.Request {
	t.Helper()
	who, err := principal.Parse(principalARN)
	if err != nil {
		t.Fatalf("invalid principal %q: %v", principalARN, err)
		return nil
	}
	values := make(map[string]condition.Value, len(ctx))
	for k, v := range ctx {
		values[k] = condition.StringValue(v)
	}
	c, err := condition.NewContext(values)
	if err != nil {
		t.Fatalf("invalid context %s: %v", contextText(ctx), err)
		return nil
	}
	r, err := iameval.NewRequest(iameval.RequestInput{Principal: who, Action: action, Resource: resource, Context: c})
	if err != nil {
		t.Fatalf("invalid request %s %s by %s: %v", action, resource, principalARN, err)
		return nil
	}
	return r
}

// contextText renders ctx sorted, for messages.
func contextText(ctx map[string]string) string {
	keys := slices.Sorted(maps.Keys(ctx))
	for i, k := range keys {
		keys[i] = k + "=" + ctx[k]
	}
	return "{" + strings.Join(keys, ", ") + "}"
}
