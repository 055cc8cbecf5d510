package lint

import (
	"strings"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
)

// grants reports whether statements of the policy type grant access, so
// that the checks of overly broad grants apply: identity-based and
// resource-based policies. Session policies, permissions boundaries, SCPs,
// RCPs and VPC endpoint policies only limit what other policies grant
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func grants(t policy.Type) bool { return t == policy.Identity || t == policy.Resource }

// checkGrants runs the security checks of one Allow statement.
func (c *checker) checkGrants(s *statement) {
	if s.effect != "Allow" {
		return
	}
	t := c.doc.typ
	if s.action.present && s.action.not && grants(t) {
		c.add(codeAllowNotAction, s.key(&s.action, "Action", "NotAction"),
			"\"Allow\" with \"NotAction\" allows every action not listed, of every service, including actions AWS adds later",
			"list the allowed actions in \"Action\" instead")
	}
	if s.resource.present && s.resource.not && grants(t) {
		c.add(codeAllowNotResource, s.key(&s.resource, "Resource", "NotResource"),
			"\"Allow\" with \"NotResource\" allows the actions on every resource not listed, including resources created later",
			"list the allowed resources in \"Resource\" instead")
	}
	if t == policy.Resource && s.principal.present && !s.principal.not && s.principal.star && !s.hasClause {
		c.add(codePublicPrincipal, s.key(&s.principal, "Principal", "NotPrincipal"),
			"Principal \"*\" without a condition allows everyone, including anonymous callers and every other AWS account",
			"name the principals, or add a condition such as aws:PrincipalOrgID or aws:SourceAccount")
	}
	if !grants(t) {
		return
	}
	allAll := c.checkAllowAll(s)
	c.checkPassRole(s)
	if !allAll {
		c.checkEscalation(s)
	}
}

// starResource returns the first "*" Resource entry.
func (s *statement) starResource() (item, bool) {
	if s.resource.present && !s.resource.not {
		for _, r := range s.resource.items {
			if r.text == "*" {
				return r, true
			}
		}
	}
	return item{}, false
}

// checkAllowAll reports Action "*" (or "*:*") on Resource "*".
func (c *checker) checkAllowAll(s *statement) bool {
	if !s.action.present || s.action.not {
		return false
	}
	if _, ok := s.starResource(); !ok {
		return false
	}
	for _, a := range s.action.items {
		if a.text == "*" || a.text == "*:*" {
			c.add(codeAllowAll, a,
				"\"Allow\" of every action on every resource gives full administrator access",
				"list the actions and resources the principal needs")
			return true
		}
	}
	return false
}

// hasConditionKey reports whether a clause of the statement tests key.
func (d *document) hasConditionKey(s *statement, key string) bool {
	found := false
	d.clauses(s, func(cl clause) bool {
		found = strings.EqualFold(cl.key.text, key)
		return !found
	})
	return found
}

// actionCoverage tells whether the statement's action element covers an
// action: by a literal entry, by a wildcard entry, or by a NotAction
// that does not list it. at is the entry, or the element's key for
// NotAction. action is in lower case: callers lower their constants once,
// not once per statement (issue 15: 100,000 statements lowered the same
// names 2 million times).
func (s *statement) actionCoverage(action string) (at item, covered, wildcard bool) {
	if !s.action.present {
		return item{}, false, false
	}
	for i, a := range s.action.items {
		if actionCovers(s.actionLower[i], action) {
			if s.action.not {
				return item{}, false, false
			}
			return a, true, hasWildcard(a.text)
		}
	}
	if s.action.not {
		return s.key(&s.action, "Action", "NotAction"), true, true
	}
	return item{}, false, false
}

// anyRole reports whether a Resource entry covers every IAM role: "*",
// or an IAM ARN whose resource part is "*", "role/*" or "role*".
func anyRole(r string) bool {
	if r == "*" {
		return true
	}
	parts, ok := arn.Split(r)
	if !ok || (parts[2] != "iam" && parts[2] != "*") {
		return false
	}
	switch parts[5] {
	case "*", "role/*", "role*":
		return true
	}
	return false
}

// checkPassRole reports iam:PassRole allowed on every role without
// iam:PassedToService, with Access Analyzer's codes for each form
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
func (c *checker) checkPassRole(s *statement) {
	at, covered, star := s.actionCoverage("iam:passrole")
	if !covered || c.doc.hasConditionKey(s, "iam:PassedToService") || !s.resource.present {
		return
	}
	notAction := s.action.not
	var code string
	var where item
	if s.resource.not {
		where = s.key(&s.resource, "Resource", "NotResource")
		switch {
		case notAction:
			code = codePassRoleNotBoth
		case star:
			code = codePassRoleStarNotR
		default:
			code = codePassRoleNotRes
		}
	} else {
		found := false
		for _, r := range s.resource.items {
			if anyRole(r.text) {
				where, found = r, true
				break
			}
		}
		if !found {
			return
		}
		switch {
		case notAction:
			code = codePassRoleNotAct
		case star:
			code = codePassRoleStarBoth
		default:
			code = codePassRoleStar
		}
	}
	msg := "iam:PassRole is allowed on every role (by " + quoteItem(at, s.action) + ") without an iam:PassedToService condition: the principal can give any role, however powerful, to any service"
	c.add(code, where, msg, "list the role ARNs that may be passed, or add \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"<service>.amazonaws.com\"}}")
}

// quoteItem names the entry that covers an action in messages.
func quoteItem(at item, e element) string {
	if e.not {
		return "\"NotAction\""
	}
	return "\"" + at.text + "\""
}

// checkEscalation reports actions of escalationActions allowed on "*".
func (c *checker) checkEscalation(s *statement) {
	if _, ok := s.starResource(); !ok || s.action.not {
		return
	}
	var names []string
	var first item
	for i, a := range escalationActions {
		if at, covered, _ := s.actionCoverage(escalationLower[i]); covered {
			if len(names) == 0 || at.off < first.off {
				first = at
			}
			names = append(names, a)
		}
	}
	if len(names) == 0 {
		return
	}
	c.add(codeEscalation, first,
		"allows "+strings.Join(names, ", ")+" on every resource: with it a principal can raise its own permissions",
		"name the users, roles, groups, policies or functions these actions may change in \"Resource\"")
}
