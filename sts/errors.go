package sts

import (
	"errors"

	"github.com/iameval/iameval"
)

// ErrInvalidInput is wrapped by every *[InputError]:
// errors.Is(err, sts.ErrInvalidInput) holds for all of them.
var ErrInvalidInput = errors.New("invalid input")

// InputError reports a call that STS would reject as malformed before any
// authorization (ValidationError, InvalidParameterValue, ...): a parameter
// out of range, a missing trust policy, a policy of the wrong type.
type InputError struct {
	// Field names the rejected input as the STS API spells the parameter
	// ("RoleSessionName", "Tags", "DurationSeconds", ...) or, for facts
	// that are not parameters, as this package names them ("Caller",
	// "Role.TrustPolicy", ...).
	Field string
	// Msg says what is wrong.
	Msg string
	// Err is the underlying error, when another package rejected the
	// input (a principal constructor, PolicySet.Validate); nil otherwise.
	Err error
}

// Error returns "FIELD: MSG".
func (e *InputError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + ": " + e.Msg
}

// Unwrap returns ErrInvalidInput and, when set, the underlying error.
func (e *InputError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidInput}
	}
	return []error{ErrInvalidInput, e.Err}
}

// inputError builds an *InputError.
func inputError(field, msg string) *InputError {
	return &InputError{Field: field, Msg: msg}
}

// DeniedError reports an STS call that was refused: one of the actions
// the call is authorized as was not allowed. Use errors.As to read it.
type DeniedError struct {
	// Action is the refused action ("sts:AssumeRole", "sts:TagSession",
	// ...).
	Action string
	// Resource is the ARN the action was authorized on.
	Resource string
	// Explanation says why, as iameval.Explain does: the decision
	// (implicitDeny or explicitDeny), the deciding or missing policies and,
	// for refusals that no policy can change (the root user calling
	// AssumeRole, a federated user calling STS), the Reason.
	Explanation *iameval.Explanation
}

// Error returns "PRINCIPAL is not authorized to perform ACTION on RESOURCE:
// DECISION", followed by the reason when the refusal came before any policy
// was read.
func (e *DeniedError) Error() string {
	who := "caller"
	decision := iameval.ImplicitDeny
	reason := ""
	if x := e.Explanation; x != nil {
		if x.Request.Principal != "" {
			who = x.Request.Principal
		}
		decision = x.Decision
		reason = x.Reason
	}
	msg := who + " is not authorized to perform " + e.Action + " on " + e.Resource + ": " + decision.String()
	if reason != "" {
		msg += ": " + reason
	}
	return msg
}
