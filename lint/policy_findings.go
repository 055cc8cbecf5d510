package lint

import (
	"errors"
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// errorCodes maps the kinds of package policy's errors to codes.
var errorCodes = []struct {
	kind error
	code string
}{
	{policy.ErrSyntax, codeSyntax},
	{policy.ErrDuplicateKey, codeDuplicateKey},
	{policy.ErrUnknownElement, codeInvalidElement},
	{policy.ErrType, codeDataType},
	{policy.ErrMissing, codeMissingElement},
	{policy.ErrConflict, codeCombination},
	{policy.ErrUnknownOperator, codeInvalidOperator},
	{policy.ErrVersion, codeInvalidVersion},
	{policy.ErrNotAllowed, codeNotAllowed},
	{policy.ErrValue, codeInvalidValue},
}

// missingCodes maps the element a "missing" error names to its code.
var missingCodes = map[string]string{
	"Action":    codeMissingAction,
	"Effect":    codeMissingEffect,
	"Principal": codeMissingPrincipal,
	"Resource":  codeMissingResource,
	"Statement": codeMissingStatement,
	"Version":   codeMissingVersion,
}

// fromPolicy turns an error of package policy into an ERROR finding.
func fromPolicy(e *diag.Error) Finding {
	code := codeInvalidValue
	for _, ec := range errorCodes {
		if errors.Is(e.Kind, ec.kind) {
			code = ec.code
			break
		}
	}
	if code == codeMissingElement {
		// Messages read `missing "Action" or "NotAction"...`.
		if rest, ok := strings.CutPrefix(e.Msg, "missing \""); ok {
			if i := strings.IndexByte(rest, '"'); i > 0 {
				if c, ok := missingCodes[rest[:i]]; ok {
					code = c
				}
			}
		}
	}
	if code == codeInvalidValue && strings.HasSuffix(e.Path, "Effect") {
		code = codeInvalidEffect
	}
	return Finding{Code: code, Severity: Error, Pos: e.Pos, Path: e.Path, Message: e.Msg}
}

// warningCodes maps package policy's warnings to codes by a phrase of
// their message; the test of this table makes every warning of package
// policy and checks its code, so that a reworded warning fails it.
// drop marks warnings that are wrong: AWS's own managed policies
// trip them, and AWS accepts and evaluates those policies.
var warningCodes = []struct {
	phrase string
	code   string
	sev    Severity // 0: the rule's
	drop   bool
}{
	{phrase: "duplicate Sid", code: codeUniqueSids},
	{phrase: "has characters other than A-Z", code: codeUnsupportedSid},
	{phrase: "is spelled", code: codeOperatorCase},
	{phrase: "has no condition keys", code: codeEmptyCondition},
	{phrase: "\"Id\" is allowed", code: codeIDIgnored},
	{phrase: "CanonicalUser", code: codeCanonicalUser},
	{phrase: "principal ARNs are compared exactly", code: codePrincipalWildcard},
	{phrase: "wildcard in service prefix", code: codeServiceWildcard},
	{phrase: "fewer than six parts and does not end", code: codeMissingARNField, sev: Error},
	{phrase: "fewer than six parts", code: codeMissingARNField},
	{phrase: "wildcard in the service of ARN", code: codeARNServiceGlob},
	{phrase: "\"NotPrincipal\" with \"Allow\"", code: codeNotPrincipal},
	{phrase: "wildcard in the resource type of ARN", drop: true},
	{phrase: "policy variable before the fifth colon", drop: true}, // AWS substitutes it (AmazonTimestreamInfluxDBServiceRolePolicy)
	{phrase: "policy variable", code: codeVariable},
	{phrase: "variable", code: codeVariable},
}

// fromPolicyWarning turns a warning of package policy into a finding;
// keep is false for warnings this package drops.
func fromPolicyWarning(e *diag.Error) (f Finding, keep bool) {
	code, sev := codePolicyWarning, Severity(0)
	for _, wc := range warningCodes {
		if strings.Contains(e.Msg, wc.phrase) {
			if wc.drop {
				return Finding{}, false
			}
			code, sev = wc.code, wc.sev
			break
		}
	}
	if code == codePolicyWarning && strings.Contains(e.Path, ".Condition.") {
		code = codeConditionValue
	}
	if sev == 0 {
		sev = rules[code].Severity
	}
	return Finding{Code: code, Severity: sev, Pos: e.Pos, Path: e.Path, Message: e.Msg}, true
}
