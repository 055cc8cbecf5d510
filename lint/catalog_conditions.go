package lint

import (
	"strings"

	"github.com/iameval/iameval/catalog"
	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
)

// alwaysPresent lists the keys that AWS includes in the request context
// of every request ("This key is always included in the request
// context", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
// in lower case.
var alwaysPresent = map[string]bool{
	"aws:currenttime":           true,
	"aws:epochtime":             true,
	"aws:securetransport":       true,
	"aws:viaawsservice":         true,
	"aws:principalisawsservice": true,
}

// signedPresent lists, in lower case, the keys AWS includes in every
// signed request ("included in the request context for all signed
// requests"); identity-based policies only ever apply to signed
// requests.
var signedPresent = map[string]bool{
	"aws:principalarn":     true,
	"aws:principalaccount": true,
	"aws:principaltype":    true,
	"aws:userid":           true,
}

// checkConditionKeys checks each condition key against the catalogue:
// that it exists, that one of the statement's actions supports it, that
// the operator fits its type, and the use of IfExists and ForAllValues
// with it.
func (c *checker) checkConditionKeys(s *statement, sa statementActions) {
	// The operator is parsed once per block, and the keys are checked
	// as the walk reads them (issue 15).
	c.doc.blocks(s, func(opItem *item, block value) bool {
		op, err := condition.ParseOperator(opItem.text)
		if err != nil {
			return true // package policy reports it
		}
		c.doc.keys(opItem, block, func(cl clause) bool {
			c.checkConditionKey(cl, op, sa)
			return true
		})
		return true
	})
}

// checkConditionKey runs the checks of checkConditionKeys on one clause,
// whose operator parsed as op.
func (c *checker) checkConditionKey(cl clause, op condition.Operator, sa statementActions) {
	name := cl.key.text
	prefix, _, ok := strings.Cut(name, ":")
	if !ok {
		return
	}
	key, known := c.cat.ConditionKey(name)
	global := strings.EqualFold(prefix, "aws")
	if !known {
		key, known = tagFamilyKey(c.cat.Service(prefix), name)
	}
	if !known {
		if c.notInReference(cl.key, "key", name) {
			return
		}
		switch {
		case global:
			c.add(codeGlobalKey, cl.key, "\""+name+"\" is not a global condition key", "")
		case c.cat.Service(prefix) != nil:
			c.add(codeServiceKey, cl.key, "\""+name+"\" is not a condition key of "+c.cat.Service(prefix).Name, "")
		}
		// Other prefixes name identity providers (accounts.google.com:aud,
		// saml:sub, an OIDC provider's host): not in the reference.
		return
	}
	if !global && key.Service != nil && !sa.all && !sa.empty() && !isGlobal(name) &&
		c.serviceSupports(key.Service, name) && !sa.supports(name) {
		c.add(codeKeyUnsupported, cl.key,
			"none of the statement's actions supports \""+name+"\" in the Service Authorization Reference: their requests lack it, so the condition is always false"+ifExistsNote(op),
			"")
	}
	c.checkOperatorType(cl, op, key)
	if op.IfExists && (alwaysPresent[strings.ToLower(name)] || c.doc.typ == policy.Identity && signedPresent[strings.ToLower(name)]) {
		c.add(codeIfExistsAlways, *cl.op,
			"\""+name+"\" is in every request, so "+cl.op.text+" behaves as "+strings.TrimSuffix(op.String(), "IfExists"),
			"write "+strings.TrimSuffix(op.String(), "IfExists"))
	}
	if op.Set == condition.ForAllValues && !key.Type.Multivalued() && key.Type != 0 {
		c.add(codeForAllSingle, *cl.op,
			"ForAllValues with the single-valued key \""+name+"\" is true when the request lacks the key",
			"remove \"ForAllValues:\"")
	}
}

// isGlobal reports whether name is a key the global condition keys page
// documents, such as ec2:SourceInstanceArn, which AWS sets on requests of
// every service.
func isGlobal(name string) bool {
	_, ok := catalog.GlobalConditionKey(name)
	return ok
}

// serviceSupports reports whether an action of svc supports the
// condition key name, asked of the service's actions once per service and
// key: statement after statement asked it again of hundreds of actions.
func (c *checker) serviceSupports(svc *catalog.Service, name string) bool {
	k := serviceKey{svc, name}
	if ok, seen := c.serviceKeys[k]; seen {
		return ok
	}
	ok := false
	for i := range svc.Actions {
		if actionSupports(&svc.Actions[i], name) {
			ok = true
			break
		}
	}
	if c.serviceKeys == nil {
		c.serviceKeys = map[serviceKey]bool{}
	}
	c.serviceKeys[k] = ok
	return ok
}

// serviceKey is a service and a condition key name.
type serviceKey struct {
	svc  *catalog.Service
	name string
}

// tagFamilyKey finds the service key of a tag family ("<prefix>:ResourceTag/tag-key",
// whose part after "/" the reference writes as a plain placeholder) that
// name belongs to: a key of the service with the same text up to and
// including its "/".
func tagFamilyKey(svc *catalog.Service, name string) (catalog.ConditionKey, bool) {
	i := strings.IndexByte(name, '/')
	if svc == nil || i < 0 {
		return catalog.ConditionKey{}, false
	}
	for _, k := range svc.ConditionKeys {
		if len(k.Name) > i && strings.EqualFold(k.Name[:i+1], name[:i+1]) {
			return k, true
		}
	}
	return catalog.ConditionKey{}, false
}

// ifExistsNote adds what IfExists changes to the message about an
// unsupported key.
func ifExistsNote(op condition.Operator) string {
	if op.IfExists {
		return " (with IfExists: always true)"
	}
	return ""
}

// anySupports reports whether one of the actions supports the condition
// key name: the action lists it, or one of its resource types does.

// actionSupports reports whether the action supports the condition key
// name: the action lists it, or one of its resource types does.
func actionSupports(a *catalog.Action, name string) bool {
	if catalog.KeyListed(a.ConditionKeys, name) {
		return true
	}
	for _, ar := range a.ResourceTypes {
		if catalog.KeyListed(ar.ConditionKeys, name) || catalog.KeyListed(ar.Type.ConditionKeys, name) {
			return true
		}
	}
	return false
}

// operatorFamily is the type of value a base operator compares.
func operatorFamily(b condition.Base) catalog.KeyType {
	switch b {
	case condition.StringEquals, condition.StringNotEquals, condition.StringEqualsIgnoreCase,
		condition.StringNotEqualsIgnoreCase, condition.StringLike, condition.StringNotLike:
		return catalog.String
	case condition.NumericEquals, condition.NumericNotEquals, condition.NumericLessThan,
		condition.NumericLessThanEquals, condition.NumericGreaterThan, condition.NumericGreaterThanEquals:
		return catalog.Numeric
	case condition.DateEquals, condition.DateNotEquals, condition.DateLessThan,
		condition.DateLessThanEquals, condition.DateGreaterThan, condition.DateGreaterThanEquals:
		return catalog.Date
	case condition.Bool:
		return catalog.Bool
	case condition.BinaryEquals:
		return catalog.Binary
	case condition.IpAddress, condition.NotIpAddress:
		return catalog.IPAddress
	case condition.ArnEquals, condition.ArnLike, condition.ArnNotEquals, condition.ArnNotLike:
		return catalog.ARN
	}
	return 0 // Null: any key
}

// fits reports whether an operator of family op may test a key of type
// key (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// the same type; string operators on ARN keys ("you can also use string
// operators with ARN keys" is how AWS's own policies use aws:SourceArn);
// numeric operators on Date keys, which hold epoch seconds too. AWS's
// own managed policies also use ARN operators on String keys
// (kms:EncryptionContext:aws:s3:arn) and string operators on Bool keys
// (aws:ViaAWSService "true"); both compare the same text, so they are
// accepted.
func fits(op, key catalog.KeyType) bool {
	switch {
	case op == 0 || key == 0 || op == key:
		return true
	case (key == catalog.ARN || key == catalog.Bool) && op == catalog.String:
		return true
	case key == catalog.String && op == catalog.ARN:
		return true
	case key == catalog.Date && op == catalog.Numeric:
		return true
	}
	return false
}

// suggested names an operator of the key's type to use instead.
var suggested = map[catalog.KeyType]string{
	catalog.String:    "StringEquals",
	catalog.ARN:       "ArnLike",
	catalog.Numeric:   "NumericEquals",
	catalog.Date:      "DateGreaterThan",
	catalog.Bool:      "Bool",
	catalog.IPAddress: "IpAddress",
	catalog.Binary:    "BinaryEquals",
}

// checkOperatorType reports an operator of another type than the key's.
func (c *checker) checkOperatorType(cl clause, op condition.Operator, key catalog.ConditionKey) {
	fam, typ := operatorFamily(op.Base), key.Type.Base()
	if fits(fam, typ) {
		return
	}
	c.add(codeTypeMismatch, cl.key,
		cl.op.text+" compares "+strings.ToLower(fam.String())+" values, but \""+cl.key.text+"\" is a "+typ.String()+" key",
		"use a "+typ.String()+" operator such as "+suggested[typ])
}
