package iamtest

import (
	"fmt"
	"testing"

	"github.com/iameval/iameval"
)

// Decision reports whether the request r gets the decision want from the
// policies ps, as [iameval.Evaluate] decides it. When it does not, it
// calls t.Errorf with the wanted and actual decisions, the optional
// message and the explanation's text form ([iameval.Explanation.String]).
//
// msgAndArgs is an optional message, as in testify: a format string and
// its arguments, or one value.
func Decision(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, want iameval.Decision, msgAndArgs ...any) bool {
	t.Helper()
	got := iameval.Evaluate(ps, r)
	if got == want {
		return true
	}
	t.Errorf("%s", failure(want.String(), ps, r, msgAndArgs))
	return false
}

// Allowed reports whether ps allows r; on failure it calls t.Errorf with
// the explanation, as [Decision] does.
func Allowed(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool {
	t.Helper()
	return Decision(t, ps, r, iameval.Allowed, msgAndArgs...)
}

// Denied reports whether ps denies r, explicitly or implicitly; on failure
// (r is allowed) it calls t.Errorf with the explanation, which names the
// statements that allowed it.
func Denied(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool {
	t.Helper()
	if iameval.Evaluate(ps, r) != iameval.Allowed {
		return true
	}
	t.Errorf("%s", failure("denied (explicitDeny or implicitDeny)", ps, r, msgAndArgs))
	return false
}

// ExplicitlyDenied reports whether a Deny statement of ps matches r
// (explicitDeny); on failure it calls t.Errorf with the explanation.
func ExplicitlyDenied(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool {
	t.Helper()
	return Decision(t, ps, r, iameval.ExplicitDeny, msgAndArgs...)
}

// ImplicitlyDenied reports whether r is denied because nothing allows it
// (implicitDeny); on failure it calls t.Errorf with the explanation.
func ImplicitlyDenied(t testing.TB, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs ...any) bool {
	t.Helper()
	return Decision(t, ps, r, iameval.ImplicitDeny, msgAndArgs...)
}

// failure renders the message of a failed assertion: what was wanted,
// what the engine decided, the caller's message and the explanation.
func failure(want string, ps *iameval.PolicySet, r *iameval.Request, msgAndArgs []any) string {
	x := iameval.Explain(ps, r)
	s := fmt.Sprintf("want %s, got %s", want, x.Decision)
	if msg := message(msgAndArgs); msg != "" {
		s += ": " + msg
	}
	return s + "\n" + x.String()
}

// message formats testify-style msgAndArgs: a format string with its
// arguments, or a single value.
func message(msgAndArgs []any) string {
	switch {
	case len(msgAndArgs) == 0:
		return ""
	case len(msgAndArgs) == 1:
		return fmt.Sprint(msgAndArgs[0])
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}
