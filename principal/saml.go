package principal

import (
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/internal/iamname"
)

// Names of the SAML attributes defined by AWS (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html;
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html). Attribute names are
// case-sensitive.
const (
	// AttributePrefix begins the name of every AWS-defined attribute.
	AttributePrefix = "https://aws.amazon.com/SAML/Attributes/"
	// AttributeRole holds "role ARN,provider ARN" pairs.
	AttributeRole = AttributePrefix + "Role"
	// AttributeRoleSessionName holds the role session name.
	AttributeRoleSessionName = AttributePrefix + "RoleSessionName"
	// AttributeSessionDuration holds the session duration in seconds.
	AttributeSessionDuration = AttributePrefix + "SessionDuration"
	// AttributeSourceIdentity holds the source identity.
	AttributeSourceIdentity = AttributePrefix + "SourceIdentity"
	// AttributeTransitiveTagKeys lists the transitive session tag keys.
	AttributeTransitiveTagKeys = AttributePrefix + "TransitiveTagKeys"
	// AttributePrincipalTag begins the name of a session-tag attribute:
	// AttributePrincipalTag + "Department".
	AttributePrincipalTag = AttributePrefix + "PrincipalTag:"
)

// SAMLInput holds the facts of an AssumeRoleWithSAML session for
// [NewSAML].
type SAMLInput struct {
	// RoleARN is the role's ARN with its path. Required.
	RoleARN string
	// RoleID is the role's unique ID (AROA...); "" when unknown, which
	// leaves aws:userid absent.
	RoleID string
	// SessionName is the role session name. It may be left empty when the
	// RoleSessionName attribute gives it; when both are given they must be
	// equal.
	SessionName string
	// Provider is the IAM SAML provider ARN
	// arn:aws:iam::ACCOUNT:saml-provider/NAME, in the role's account.
	// Required.
	Provider string
	// Attributes are the assertion's attributes, each a string or a list.
	// AWS-defined attributes keep their full names (AttributeRoleSessionName,
	// AttributeSourceIdentity, AttributeTransitiveTagKeys,
	// AttributePrincipalTag+K, AttributeRole, AttributeSessionDuration);
	// every other entry names a saml: key without its prefix: "sub" (the
	// NameID, required), "sub_type", "aud" (the Recipient), "iss" (the
	// Issuer, required unless "namequalifier" is given),
	// "edupersonaffiliation", ... "doc" and "namequalifier" are derived
	// when absent.
	Attributes map[string]condition.Value
	// SessionTags and TransitiveTagKeys are the session tags the assertion
	// carries, in the model every session kind shares (see
	// AssumedRoleInput). Give them here or as PrincipalTag and
	// TransitiveTagKeys attributes, not both.
	SessionTags       map[string]string
	TransitiveTagKeys []string
	// RoleTags are the role's tags; PrincipalTag attributes override them.
	RoleTags map[string]string
	// Credentials describe the session's credentials: only IssueTime
	// applies (SAML sessions have no MFA keys).
	Credentials Credentials
}

// SAML is a session created by sts:AssumeRoleWithSAML, or, before the
// session exists, the holder of the assertion making that call. Build it
// with [NewSAML].
type SAML struct {
	roleSession
	provider  string
	assumeCtx condition.Context
	in        SAMLInput // the facts it was built from, for ForRole
}

// samlSingle lists the saml: keys that are single-valued; samlList the
// attribute keys that are lists (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). Both are
// lower-case.
var (
	samlSingle = setOf(
		"aud", "iss", "sub", "sub_type", "doc", "namequalifier",
		"edupersonorgdn", "edupersonprimaryaffiliation", "edupersonprimaryorgunitdn", "edupersonprincipalname",
	)
	samlList = setOf(
		"cn", "commonname", "givenname", "surname", "mail", "name", "uid",
		"organizationstatus", "primarygroupsid", "x500uniqueidentifier",
		"eduorghomepageuri", "eduorgidentityauthnpolicyuri", "eduorglegalname",
		"eduorgsuperioruri", "eduorgwhitepagesuri",
		"edupersonaffiliation", "edupersonassurance", "edupersonentitlement",
		"edupersonnickname", "edupersonorgunitdn", "edupersonscopedaffiliation",
		"edupersontargetedid",
	)
)

// setOf returns the set of names.
func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// samlAssertion is what NewSAML reads from the attributes.
type samlAssertion struct {
	keys           map[string]condition.Value // saml: key name (as given, no prefix) -> value
	lower          map[string]string          // lower-case key name -> key name
	sessionName    string
	sourceIdentity string
	sessionTags    map[string]string
	transitive     []string
	roles          []string // values of the Role attribute
}

// get returns the value of the saml: key name (lower case).
func (a *samlAssertion) get(name string) (condition.Value, bool) {
	k, ok := a.lower[name]
	if !ok {
		return condition.Value{}, false
	}
	return a.keys[k], true
}

// NewSAML validates in and returns the SAML session.
//
// Derived keys of the session (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html): those of every role session (see [NewAssumedRole]) except the MFA
// keys, with aws:PrincipalTag/K from the role tags overlaid by the
// PrincipalTag attributes; and the persisting saml:namequalifier, saml:sub
// and saml:sub_type. aws:FederatedProvider is absent
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). See [SAML.AssumeContext] for the keys of
// the AssumeRoleWithSAML call.
func NewSAML(in SAMLInput) (*SAML, error) {
	const k = KindSAML
	attrs, p := samlTagAttributes(in)
	if p != "" {
		return nil, fieldError(k, "sessionTags", "%s", p)
	}
	in.Attributes, in.SessionTags, in.TransitiveTagKeys = attrs, nil, nil
	a, p := readAttributes(in.Attributes)
	if p != "" {
		return nil, fieldError(k, "attributes", "%s", p)
	}
	sessionName := in.SessionName
	switch {
	case a.sessionName == "":
	case sessionName == "":
		sessionName = a.sessionName
	case sessionName != a.sessionName:
		return nil, fieldError(k, "sessionName", "%q differs from the RoleSessionName attribute %q", sessionName, a.sessionName)
	}
	s, err := newRoleSession(sessionFacts{
		kind:                k,
		roleARN:             in.RoleARN,
		roleID:              in.RoleID,
		sessionName:         sessionName,
		sessionNameField:    "sessionName",
		sourceIdentity:      a.sourceIdentity,
		sourceIdentityField: "attributes",
		roleTags:            in.RoleTags,
		sessionTags:         a.sessionTags,
		transitiveKeys:      a.transitive,
		creds:               in.Credentials,
	})
	if err != nil {
		return nil, err
	}
	providerName, p := samlProviderName(in.Provider, s.partition, s.account)
	if p != "" {
		return nil, fieldError(k, "provider", "%s", p)
	}
	if p := a.rolesProblem(in.RoleARN, in.Provider); p != "" {
		return nil, fieldError(k, "attributes", "%s", p)
	}
	if _, ok := a.get("sub"); !ok {
		return nil, fieldError(k, "attributes", `"sub" (the NameID) is required: saml:sub is a key of every request of a SAML session`)
	}
	if _, ok := a.get("doc"); !ok {
		a.set("doc", condition.StringValue(s.account+"/"+providerName))
	}
	if _, ok := a.get("namequalifier"); !ok {
		iss, ok := a.get("iss")
		if !ok {
			return nil, fieldError(k, "attributes", `"iss" (the Issuer) is required to derive saml:namequalifier`)
		}
		a.set("namequalifier", condition.StringValue(NameQualifier(iss.At(0), s.account, providerName)))
	}
	m := &SAML{roleSession: s, provider: in.Provider, in: in}
	m.identity.Provider = m.provider

	b := newKeyset()
	m.addKeys(b, false)
	for _, name := range []string{"namequalifier", "sub", "sub_type"} {
		if v, ok := a.get(name); ok {
			b.value("saml:"+name, v)
		}
	}
	if m.ctx, p = b.build(); p != "" {
		return nil, fieldError(k, "attributes", "%s", p)
	}

	c := newKeyset()
	for _, name := range slices.Sorted(maps.Keys(a.keys)) {
		c.value("saml:"+name, a.keys[name])
	}
	c.str(keyRoleSessionName, m.sessionName)
	c.requestTags(a.sessionTags)
	c.list(keyTransitiveTagKeys, a.transitive)
	if m.sourceIdentity != "" {
		c.str(keySTSSourceIdentity, m.sourceIdentity)
	}
	c.resourceTags(in.RoleTags)
	if m.assumeCtx, p = c.build(); p != "" {
		return nil, fieldError(k, "attributes", "%s", p)
	}
	return m, nil
}

// NameQualifier returns the saml:namequalifier AWS derives for an
// assertion: Base64(SHA-1(issuer + account + "/" + providerName)), per the
// pseudocode of https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html and the STS API Reference
// (AssumeRoleWithSAML, NameQualifier; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
func NameQualifier(issuer, account, providerName string) string {
	sum := sha1.Sum([]byte(issuer + account + "/" + providerName))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// readAttributes sorts the attributes into AWS-defined ones and saml: keys.
func readAttributes(attrs map[string]condition.Value) (*samlAssertion, string) {
	a := &samlAssertion{
		keys:        make(map[string]condition.Value, len(attrs)+2),
		lower:       make(map[string]string, len(attrs)+2),
		sessionTags: make(map[string]string),
	}
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		v := attrs[name]
		if rest, ok := strings.CutPrefix(name, AttributePrefix); ok {
			if p := a.readAWSAttribute(name, rest, v); p != "" {
				return nil, p
			}
			continue
		}
		if p := a.readKey(name, v); p != "" {
			return nil, p
		}
	}
	if _, p := sessionTagsProblem(a.sessionTags, nil, a.transitive); p != "" {
		return nil, p
	}
	return a, ""
}

// single returns the one string of v (a string or a one-element list).
func single(name string, v condition.Value) (string, string) {
	if v.Len() != 1 {
		return "", fmt.Sprintf("attribute %q has %d values; it takes exactly one", name, v.Len())
	}
	return v.At(0), ""
}

// readAWSAttribute reads one AWS-defined attribute; rest is the name after
// AttributePrefix.
func (a *samlAssertion) readAWSAttribute(name, rest string, v condition.Value) string {
	var p string
	switch {
	case rest == "RoleSessionName":
		a.sessionName, p = single(name, v)
	case rest == "SourceIdentity":
		a.sourceIdentity, p = single(name, v)
	case rest == "SessionDuration":
		_, p = single(name, v)
	case rest == "TransitiveTagKeys":
		a.transitive = v.Strings()
	case rest == "Role":
		a.roles = v.Strings()
	case strings.HasPrefix(rest, "PrincipalTag:"):
		key := strings.TrimPrefix(rest, "PrincipalTag:")
		var val string
		if val, p = single(name, v); p == "" {
			a.sessionTags[key] = val
		}
	default:
		p = fmt.Sprintf("unknown AWS attribute %q (names are case-sensitive: Role, RoleSessionName, SessionDuration, SourceIdentity, TransitiveTagKeys, PrincipalTag:KEY)", name)
	}
	return p
}

// readKey reads an attribute that names a saml: key.
func (a *samlAssertion) readKey(name string, v condition.Value) string {
	lower := strings.ToLower(name)
	switch {
	case name == "":
		return "empty attribute name"
	case strings.HasPrefix(lower, "saml:"):
		return fmt.Sprintf("attribute %q: name the saml: key without its prefix", name)
	case strings.Contains(name, ":"):
		return fmt.Sprintf("attribute %q: other attributes name saml: keys, which have no colon; AWS attributes begin %s", name, AttributePrefix)
	}
	if prev, ok := a.lower[lower]; ok {
		return fmt.Sprintf("attributes %q and %q differ only in case", prev, name)
	}
	switch {
	case samlSingle[lower]:
		s, p := single(name, v)
		if p != "" {
			return p
		}
		v = condition.StringValue(s)
	case samlList[lower]:
		v = condition.ListValue(v.Strings()...)
	}
	a.set(name, v)
	return ""
}

// set records the saml: key name (no prefix) with value v.
func (a *samlAssertion) set(name string, v condition.Value) {
	a.lower[strings.ToLower(name)] = name
	a.keys[name] = v
}

// rolesProblem checks that a Role attribute, when given, pairs the role
// with the provider (in either order).
func (a *samlAssertion) rolesProblem(roleARN, provider string) string {
	if len(a.roles) == 0 {
		return ""
	}
	for _, pair := range a.roles {
		x, y, ok := strings.Cut(pair, ",")
		x, y = strings.TrimSpace(x), strings.TrimSpace(y)
		if ok && (x == roleARN && y == provider || x == provider && y == roleARN) {
			return ""
		}
	}
	return fmt.Sprintf("attribute %q has no pair %q", AttributeRole, roleARN+","+provider)
}

// samlProviderName checks the SAML provider ARN and returns the provider
// name.
func samlProviderName(p, partition, account string) (string, string) {
	if p == "" {
		return "", "missing: give the IAM SAML provider ARN"
	}
	a, problem := parseARN(p, "iam")
	if problem != "" {
		return "", problem
	}
	name, ok := strings.CutPrefix(a.Resource, "saml-provider/")
	if !ok {
		return "", fmt.Sprintf("%q is not a SAML provider ARN (arn:%s:iam::%s:saml-provider/NAME)", p, partition, account)
	}
	if len(name) < 1 || len(name) > 128 {
		return "", fmt.Sprintf("SAML provider name %q must have 1 to 128 characters", name)
	}
	for i := range len(name) {
		if c := name[i]; !iamname.IsChar(c) || strings.IndexByte("+=,@", c) >= 0 {
			return "", fmt.Sprintf("SAML provider name %q may contain only letters, digits and _.-", name)
		}
	}
	if a.Partition != partition || a.Account != account {
		return "", fmt.Sprintf("%q is not in the role's account %s: a role trusts identity providers of its own account", p, account)
	}
	return name, ""
}

// Kind returns KindSAML.
func (m *SAML) Kind() Kind { return KindSAML }

// Provider returns the IAM SAML provider ARN, the name a trust policy's
// Federated element gives.
func (m *SAML) Provider() string { return m.provider }

// AssumeContext returns the keys of the unsigned AssumeRoleWithSAML call,
// read by the role's trust policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html): every saml: key of the attributes (the list-valued attribute keys as lists
// except the four single-valued eduperson keys), saml:doc and
// saml:namequalifier derived when not given, sts:RoleSessionName,
// aws:RequestTag/K and aws:TagKeys for PrincipalTag attributes,
// sts:TransitiveTagKeys, sts:SourceIdentity, and aws:ResourceTag/K and
// iam:ResourceTag/K for the role's tags. No aws:PrincipalArn,
// aws:PrincipalAccount or aws:userid: no AWS principal exists yet.
func (m *SAML) AssumeContext() condition.Context { return m.assumeCtx }

// ForRole returns the holder of the same assertion asking for roleARN (see
// [Federated]). The assertion's Role attribute, when present, must pair
// that role with the provider, as AWS requires.
func (m *SAML) ForRole(roleARN string) (Federated, error) {
	in := m.in
	in.RoleARN, in.RoleID, in.RoleTags = roleARN, "", nil
	return NewSAML(in)
}
