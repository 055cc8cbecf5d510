package iamtest

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/principal"
)

// Context builds a request context from Go values, calling t.Fatalf
// instead of returning an error. Each value is a string, a bool, an
// integer, a float64, a time.Time (written as AWS writes dates, RFC 3339
// in UTC), a netip.Addr, or a []string for a multivalued key such as
// aws:TagKeys; an empty []string makes the key absent. AWS passes every
// context value as text and each condition operator reads it as its type
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
func Context(t testing.TB, values map[string]any) condition.Context {
	t.Helper()
	out := make(map[string]condition.Value, len(values))
	for _, k := range slices.Sorted(maps.Keys(values)) {
		v, err := contextValue(values[k])
		if err != nil {
			t.Fatalf("context key %q: %v", k, err)
			return condition.Context{}
		}
		out[k] = v
	}
	c, err := condition.NewContext(out)
	if err != nil {
		t.Fatalf("invalid context: %v", err)
	}
	return c
}

// contextValue converts one Go value to a context value.
func contextValue(v any) (condition.Value, error) {
	switch x := v.(type) {
	case string:
		return condition.StringValue(x), nil
	case []string:
		return condition.ListValue(x...), nil
	case bool:
		return condition.StringValue(strconv.FormatBool(x)), nil
	case int:
		return condition.StringValue(strconv.Itoa(x)), nil
	case int64:
		return condition.StringValue(strconv.FormatInt(x, 10)), nil
	case float64:
		return condition.StringValue(strconv.FormatFloat(x, 'f', -1, 64)), nil
	case time.Time:
		return condition.StringValue(x.UTC().Format(time.RFC3339)), nil
	case netip.Addr:
		return condition.StringValue(x.String()), nil
	default:
		return condition.Value{}, fmt.Errorf("unsupported type %T (want string, []string, bool, int, int64, float64, time.Time or netip.Addr)", v)
	}
}

// RequestFor builds the request of the principal who (see [User],
// [RoleSession], [WebIdentitySession], [SAMLSession], [FederatedUser], or
// any principal.Principal) for action on resource with the context values
// ctx as [Context] reads them (nil for none). The resource account is the
// account of resource's ARN, else the principal's. It calls t.Fatalf when
// the request cannot be built.
func RequestFor(t testing.TB, who principal.Principal, action, resource string, ctx map[string]any) *iameval.Request {
	t.Helper()
	var c condition.Context
	if len(ctx) > 0 {
		c = Context(t, ctx)
	}
	r, err := iameval.NewRequest(iameval.RequestInput{Principal: who, Action: action, Resource: resource, Context: c})
	if err != nil {
		t.Fatalf("invalid request %s %s: %v", action, resource, err)
		return nil
	}
	return r
}
