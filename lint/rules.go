package lint

import "sort"

// Rule describes one issue code: its default severity, a title and a
// page that explains it. Codes that IAM Access Analyzer also reports use
// Access Analyzer's issue code and link to its check reference; the others
// link to the IAM User Guide page the check follows.
type Rule struct {
	Code     string   `json:"code"`     // stable, like "INVALID_ACTION"
	Severity Severity `json:"severity"` // the usual severity of its findings
	Title    string   `json:"title"`    // a short description
	Link     string   `json:"link"`     // a page that explains the check
}

// Pages the rules link to.
const (
	checkRef  = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-"
	userGuide = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
	sar       = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
)

// rules is the table of every code, by code.
var rules = map[string]Rule{}

// rule adds a rule to the table and returns its code.
func rule(code string, sev Severity, title, link string) string {
	if _, dup := rules[code]; dup {
		panic("lint: duplicate rule " + code)
	}
	rules[code] = Rule{Code: code, Severity: sev, Title: title, Link: link}
	return code
}

// The issue codes. Grammar problems that package policy finds come first;
// see fromPolicy for how its errors and warnings map to them.
var (
	codeSyntax            = rule("JSON_SYNTAX_ERROR", Error, "The document is not valid JSON.", checkRef+"error-json-syntax-error")
	codeDuplicateKey      = rule("DUPLICATE_KEY", Error, "A key is repeated in one JSON object.", userGuide+"reference_policies_grammar.html")
	codeInvalidElement    = rule("INVALID_POLICY_ELEMENT", Error, "An element name is not part of the policy grammar.", checkRef+"error-invalid-policy-element")
	codeDataType          = rule("DATA_TYPE_MISMATCH", Error, "A value has the wrong JSON type.", checkRef+"error-data-type-mismatch")
	codeMissingElement    = rule("MISSING_ELEMENT", Error, "A required element is absent.", userGuide+"reference_policies_grammar.html")
	codeMissingAction     = rule("MISSING_ACTION", Error, "A statement has no Action or NotAction.", checkRef+"error-missing-action")
	codeMissingEffect     = rule("MISSING_EFFECT", Error, "A statement has no Effect.", checkRef+"error-missing-effect")
	codeMissingPrincipal  = rule("MISSING_PRINCIPAL", Error, "A statement of a resource-based policy names no principal.", checkRef+"error-missing-principal")
	codeMissingResource   = rule("MISSING_RESOURCE", Error, "A statement has no Resource or NotResource.", checkRef+"error-missing-resource")
	codeMissingStatement  = rule("MISSING_STATEMENT", Error, "The policy has no Statement.", checkRef+"error-missing-statement")
	codeMissingVersion    = rule("MISSING_VERSION", Warning, "The policy has no Version: policy variables are plain text.", checkRef+"general-warning-missing-version")
	codeCombination       = rule("UNSUPPORTED_ELEMENT_COMBINATION", Error, "Two elements that exclude each other are both present.", checkRef+"error-unsupported-element-combination")
	codeInvalidValue      = rule("INVALID_VALUE", Error, "A value is not allowed where it is written.", userGuide+"reference_policies_grammar.html")
	codeInvalidEffect     = rule("INVALID_EFFECT", Error, "The Effect is not Allow or Deny.", checkRef+"error-invalid-effect")
	codeInvalidOperator   = rule("INVALID_CONDITION_OPERATOR", Error, "A condition operator is not one IAM knows.", checkRef+"error-invalid-condition-operator")
	codeInvalidVersion    = rule("INVALID_VERSION", Error, "The Version is not 2012-10-17 or 2008-10-17.", checkRef+"error-invalid-version")
	codeNotAllowed        = rule("NOT_ALLOWED_FOR_POLICY_TYPE", Error, "An element or form is not allowed in this type of policy.", userGuide+"reference_policies_elements.html")
	codeUniqueSids        = rule("UNIQUE_SIDS_RECOMMENDED", Warning, "Two statements have the same Sid.", checkRef+"general-warning-unique-sids-recommended")
	codeUnsupportedSid    = rule("UNSUPPORTED_SID", Warning, "A Sid has characters other than A-Z, a-z and 0-9.", checkRef+"error-unsupported-sid")
	codeOperatorCase      = rule("CONDITION_OPERATOR_CASE", Warning, "A condition operator is not spelled as AWS spells it.", userGuide+"reference_policies_elements_condition_operators.html")
	codeEmptyCondition    = rule("EMPTY_CONDITION_OPERATOR", Warning, "A condition operator has no keys, so it is always true.", userGuide+"reference_policies_elements_condition.html")
	codeConditionValue    = rule("CONDITION_VALUE", Warning, "A condition value or key is likely not what was meant.", userGuide+"reference_policies_elements_condition_operators.html")
	codeIDIgnored         = rule("ID_NOT_SUPPORTED", Warning, "An Id element in an identity-based policy is ignored.", userGuide+"reference_policies_elements_id.html")
	codeCanonicalUser     = rule("CANONICAL_USER_NOT_EVALUATED", Warning, "A CanonicalUser principal is not evaluated by iameval.", userGuide+"reference_policies_elements_principal.html")
	codePrincipalWildcard = rule("UNSUPPORTED_WILDCARD_IN_PRINCIPAL", Error, "A principal ARN has a wildcard; principal ARNs are compared exactly.", checkRef+"error-unsupported-wildcard-in-principal")
	codeServiceWildcard   = rule("WILDCARD_IN_SERVICE_NAME", Warning, "An action's service prefix has a wildcard, which is matched literally.", userGuide+"reference_policies_elements_action.html")
	codeMissingARNField   = rule("MISSING_ARN_FIELD", Warning, "A resource ARN has fewer than six parts.", checkRef+"error-missing-arn-field")
	codeARNServiceGlob    = rule("WILDCARD_IN_ARN_SERVICE", Warning, "A resource ARN's service has a wildcard, which is matched literally.", userGuide+"reference_identifiers.html#identifiers-arns")
	codeVariable          = rule("POLICY_VARIABLE", Warning, "A policy variable is likely not what was meant.", userGuide+"reference_policies_variables.html")
	codePolicyWarning     = rule("POLICY_WARNING", Warning, "The policy is valid but likely does not do what was meant.", userGuide+"reference_policies_grammar.html")

	// Security warnings.
	codeAllowAll         = rule("ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES", SecurityWarning, "The statement allows every action on every resource.", userGuide+"best-practices.html#grant-least-privilege")
	codeNotPrincipal     = rule("ALLOW_WITH_NOT_PRINCIPAL", SecurityWarning, "Allow with NotPrincipal grants access to every principal not listed.", checkRef+"security-warning-allow-with-not-principal")
	codeAllowNotAction   = rule("ALLOW_WITH_NOT_ACTION", SecurityWarning, "Allow with NotAction grants every action not listed, including future ones.", userGuide+"reference_policies_elements_notaction.html")
	codeAllowNotResource = rule("ALLOW_WITH_NOT_RESOURCE", SecurityWarning, "Allow with NotResource grants access to every resource not listed.", userGuide+"reference_policies_elements_notresource.html")
	codePublicPrincipal  = rule("PUBLIC_ACCESS_WITHOUT_CONDITION", SecurityWarning, "A resource-based policy allows Principal \"*\" without a condition.", userGuide+"reference_policies_elements_principal.html#principal-anonymous")
	codeEscalation       = rule("PRIVILEGE_ESCALATION_ON_STAR", SecurityWarning, "The statement allows actions that let a principal raise its own permissions, on every resource.", "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/")
	codePassRoleStar     = rule("PASS_ROLE_WITH_STAR_IN_RESOURCE", SecurityWarning, "iam:PassRole is allowed on every role without iam:PassedToService.", checkRef+"security-warning-pass-role-with-star-in-resource")
	codePassRoleStarBoth = rule("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", SecurityWarning, "A wildcard action allows iam:PassRole on every role without iam:PassedToService.", checkRef+"security-warning-pass-role-with-star-in-action-and-resource")
	codePassRoleNotRes   = rule("PASS_ROLE_WITH_NOT_RESOURCE", SecurityWarning, "iam:PassRole is allowed with NotResource.", checkRef+"security-warning-pass-role-with-not-resource")
	codePassRoleStarNotR = rule("PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", SecurityWarning, "A wildcard action allows iam:PassRole with NotResource.", checkRef+"security-warning-pass-role-with-star-in-action-and-not-resource")
	codePassRoleNotAct   = rule("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", SecurityWarning, "NotAction allows iam:PassRole on every role.", checkRef+"security-warning-pass-role-with-star-in-resource-and-not-action")
	codePassRoleNotBoth  = rule("PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE", SecurityWarning, "NotAction with NotResource allows iam:PassRole.", checkRef+"security-warning-pass-role-with-not-action-and-not-resource")

	// Redundancy.
	codeRedundantAction      = rule("REDUNDANT_ACTION", Suggestion, "An action is listed twice or is covered by another entry of the same element.", checkRef+"suggestion-redundant-action")
	codeRedundantResource    = rule("REDUNDANT_RESOURCE", Suggestion, "A resource is listed twice or is covered by another entry of the same element.", checkRef+"suggestion-redundant-resource")
	codeRedundantStatement   = rule("REDUNDANT_STATEMENT", Suggestion, "Another statement of the policy already has the same effect on everything this one covers.", checkRef+"suggestion-redundant-statement")
	codeShadowed             = rule("SHADOWED_STATEMENT", Warning, "An unconditional Deny in the same policy covers everything this Allow allows, so it never grants anything.", userGuide+"reference_policies_evaluation-logic.html")
	codeTooMany              = rule("TOO_MANY_FINDINGS", Error, "The document has more findings than are reported for one document (10,000); this one counts the rest, with the severity of the gravest.", userGuide+"reference_iam-quotas.html")
	codeRedundancyIncomplete = rule("REDUNDANCY_NOT_CHECKED", Suggestion, "The policy has too many overlapping statements, or a list too many wildcard entries, for the redundancy check to compare them all.", userGuide+"reference_policies_evaluation-logic.html")
)

// Rules returns every rule, sorted by code.
func Rules() []Rule {
	out := make([]Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// RuleFor returns the rule of code, and false when there is none.
func RuleFor(code string) (Rule, bool) {
	r, ok := rules[code]
	return r, ok
}
