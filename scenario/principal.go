package scenario

import (
	"errors"
	"math"
	"strings"
	"time"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/principal"
)

// Keys of the PRINCIPAL object form. Every type takes "type"; the
// credential keys describe how the request is signed (principal.Credentials).
var (
	credentialKeys = []string{"temporary", "issueTime", "mfa", "mfaAge"}
	sessionCreds   = []string{"issueTime"}
	principalKeys  = map[principal.Kind][]string{
		principal.KindRoot:          append([]string{"type", "account", "partition", "assumedRoot"}, credentialKeys...),
		principal.KindIAMUser:       append([]string{"type", "arn", "id", "tags"}, credentialKeys...),
		principal.KindFederatedUser: append([]string{"type", "account", "partition", "name", "userArn", "userId", "userTags", "tags", "sessionTags"}, sessionCreds...),
		principal.KindAssumedRole: {"type", "roleArn", "roleId", "sessionName", "sourceIdentity", "tags",
			"inheritedTags", "sessionTags", "transitiveTagKeys", "issueTime", "mfa", "mfaAge"},
		principal.KindWebIdentity: append([]string{"type", "roleArn", "roleId", "sessionName", "provider", "claims", "tags", "sessionTags", "transitiveTagKeys"}, sessionCreds...),
		principal.KindSAML:        append([]string{"type", "roleArn", "roleId", "sessionName", "provider", "attributes", "tags", "sessionTags", "transitiveTagKeys"}, sessionCreds...),
		principal.KindService:     {"type", "service"},
		principal.KindAnonymous:   {"type"},
	}
)

// Keys of the https://aws.amazon.com/tags claim of a web identity token.
var tagsClaimKeys = []string{"principal_tags", "transitive_tag_keys"}

// ParsePrincipal reads a PRINCIPAL of the scenario format from src: a JSON
// string (an ARN, a service name, "*" or "anonymous", read by
// [principal.Parse]) or a JSON object with "type" and that type's facts.
// name is the file name used in positions. Errors are a [diag.ErrorList].
func ParsePrincipal(name string, src []byte) (principal.Principal, error) {
	doc, err := jsonsrc.Parse(string(src), diag.Position{File: name})
	if err != nil {
		return nil, diag.ErrorList{jsonsrc.SyntaxProblem(err, name, ErrSyntax)}
	}
	l := &loader{walker: walker{name: name, doc: doc}}
	p, ok := l.principal(doc.Root(), "")
	if !ok || l.count > 0 {
		errs := l.problems()
		errs.Sort()
		return nil, errs
	}
	return p, nil
}

// casePrincipal reads the principal of a case or file: a user or role of
// the file's accounts, else any PRINCIPAL.
func (l *loader) casePrincipal(v jsonsrc.Value, path string) (principal.Principal, bool) {
	if p, ok := l.accountPrincipal(v, path); ok {
		return p, true
	}
	return l.principal(v, path)
}

// principal reads a PRINCIPAL: an ARN string or an object.
func (l *loader) principal(v jsonsrc.Value, path string) (principal.Principal, bool) {
	switch {
	case v.Kind == jsonsrc.String:
		p, err := principal.Parse(l.doc.Str(v))
		if err != nil {
			l.errorf(v.Index, path, ErrValue, "%s", principalMsg(err))
			return nil, false
		}
		return p, true
	case isObject(v):
		return l.principalObject(v, path)
	default:
		l.typeError(v, path, `a principal (an ARN string or an object with "type")`)
		return nil, false
	}
}

// principalMsg returns the text of a principal error without the kind
// prefix the principal package adds, which the path already says.
func principalMsg(err error) string {
	var pe *principal.Error
	if errors.As(err, &pe) {
		if pe.Field != "" {
			return pe.Msg
		}
		return pe.Error()
	}
	return err.Error()
}

// principalObject reads the object form of a PRINCIPAL.
func (l *loader) principalObject(v jsonsrc.Value, path string) (principal.Principal, bool) {
	var typeMember *jsonsrc.Member
	ms := l.doc.Members(v)
	for i := range ms {
		if ms[i].Key == "type" {
			typeMember = &ms[i]
			break
		}
	}
	if typeMember == nil {
		l.errorf(v.Index, path, ErrMissing, `missing "type" (one of %s)`, strings.Join(kindNames(), ", "))
		return nil, false
	}
	tp := join(path, "type")
	ts, ok := l.str(typeMember.Value, tp)
	if !ok {
		return nil, false
	}
	kind, ok := kindByName(ts)
	if !ok {
		hint := ""
		for _, n := range kindNames() {
			if strings.EqualFold(n, ts) {
				hint = " (did you mean " + `"` + n + `"?)`
			}
		}
		l.errorf(typeMember.Value.Index, tp, ErrValue, "unknown principal type %q%s; expected one of %s", ts, hint, strings.Join(kindNames(), ", "))
		// The other keys cannot be checked without knowing the type.
		return nil, false
	}
	pr := &principalReader{l: l, path: path, kind: kind}
	pr.f = l.fields(v, path, "a "+kind.String()+" principal", principalKeys[kind]...)
	before := l.count
	var (
		p   principal.Principal
		err error
	)
	switch kind {
	case principal.KindRoot:
		in := principal.RootInput{
			Account:     pr.str("account"),
			Partition:   pr.str("partition"),
			AssumedRoot: pr.bool("assumedRoot"),
			Credentials: pr.credentials(),
		}
		if !pr.failed(before) {
			p, err = built(principal.NewRoot(in))
		}
	case principal.KindIAMUser:
		in := principal.IAMUserInput{
			ARN:         pr.str("arn"),
			ID:          pr.str("id"),
			Tags:        pr.tags("tags"),
			Credentials: pr.credentials(),
		}
		if !pr.failed(before) {
			p, err = built(principal.NewIAMUser(in))
		}
	case principal.KindFederatedUser:
		in := principal.FederatedUserInput{
			Account:     pr.str("account"),
			Partition:   pr.str("partition"),
			Name:        pr.str("name"),
			UserARN:     pr.str("userArn"),
			UserID:      pr.str("userId"),
			UserTags:    pr.tags("userTags"),
			SessionTags: pr.sessionTagsOrTags(),
			Credentials: pr.credentials(),
		}
		if !pr.failed(before) {
			p, err = built(principal.NewFederatedUser(in))
		}
	case principal.KindAssumedRole:
		in := principal.AssumedRoleInput{
			RoleARN:           pr.str("roleArn"),
			RoleID:            pr.str("roleId"),
			SessionName:       pr.str("sessionName"),
			SourceIdentity:    pr.str("sourceIdentity"),
			RoleTags:          pr.tags("tags"),
			InheritedTags:     pr.tags("inheritedTags"),
			SessionTags:       pr.tags("sessionTags"),
			TransitiveTagKeys: pr.strings("transitiveTagKeys"),
			Credentials:       pr.credentials(),
		}
		if !pr.failed(before) {
			p, err = built(principal.NewAssumedRole(in))
		}
	case principal.KindWebIdentity:
		in := principal.WebIdentityInput{
			RoleARN:           pr.str("roleArn"),
			RoleID:            pr.str("roleId"),
			SessionName:       pr.str("sessionName"),
			Provider:          pr.str("provider"),
			RoleTags:          pr.tags("tags"),
			SessionTags:       pr.tags("sessionTags"),
			TransitiveTagKeys: pr.strings("transitiveTagKeys"),
			Credentials:       pr.credentials(),
		}
		in.Claims, in.TagsClaim, in.SourceIdentity = pr.claims()
		if !pr.failed(before) {
			p, err = built(principal.NewWebIdentity(in))
		}
	case principal.KindSAML:
		in := principal.SAMLInput{
			RoleARN:           pr.str("roleArn"),
			RoleID:            pr.str("roleId"),
			SessionName:       pr.str("sessionName"),
			Provider:          pr.str("provider"),
			Attributes:        pr.values("attributes"),
			RoleTags:          pr.tags("tags"),
			SessionTags:       pr.tags("sessionTags"),
			TransitiveTagKeys: pr.strings("transitiveTagKeys"),
			Credentials:       pr.credentials(),
		}
		if !pr.failed(before) {
			p, err = built(principal.NewSAML(in))
		}
	case principal.KindService:
		name := pr.str("service")
		if !pr.failed(before) {
			p, err = built(principal.NewService(name))
		}
	case principal.KindAnonymous:
		if !pr.failed(before) {
			p = principal.NewAnonymous()
		}
	}
	if pr.failed(before) {
		return nil, false
	}
	if err != nil {
		pr.constructorError(v, err)
		return nil, false
	}
	return p, true
}

// built turns a constructor's typed result into a Principal, keeping a nil
// interface on failure.
func built[P principal.Principal](p P, err error) (principal.Principal, error) {
	if err != nil {
		return nil, err
	}
	return p, nil
}

// kindNames lists the principal type names.
func kindNames() []string {
	var out []string
	for k := principal.KindAnonymous; k <= principal.KindService; k++ {
		out = append(out, k.String())
	}
	return out
}

// kindByName returns the Kind whose name is s (case-sensitive).
func kindByName(s string) (principal.Kind, bool) {
	for k := principal.KindAnonymous; k <= principal.KindService; k++ {
		if k.String() == s {
			return k, true
		}
	}
	return 0, false
}

// principalReader reads the facts of one principal object.
type principalReader struct {
	l    *loader
	path string
	kind principal.Kind
	f    map[string]jsonsrc.Member
}

// failed reports whether problems were recorded since before.
func (pr *principalReader) failed(before int) bool { return pr.l.count != before }

// member returns the value of key and its path.
func (pr *principalReader) member(key string) (jsonsrc.Value, string, bool) {
	m, ok := pr.f[key]
	return m.Value, join(pr.path, key), ok
}

// str reads an optional string fact ("" when absent).
func (pr *principalReader) str(key string) string {
	v, p, ok := pr.member(key)
	if !ok {
		return ""
	}
	s, _ := pr.l.str(v, p)
	return s
}

// bool reads an optional boolean fact.
func (pr *principalReader) bool(key string) bool {
	v, p, ok := pr.member(key)
	if !ok {
		return false
	}
	switch v.Kind {
	case jsonsrc.True:
		return true
	case jsonsrc.False:
		return false
	}
	pr.l.typeError(v, p, "a boolean")
	return false
}

// strings reads an optional list of strings.
func (pr *principalReader) strings(key string) []string {
	v, p, ok := pr.member(key)
	if !ok {
		return nil
	}
	if !isArray(v) {
		pr.l.typeError(v, p, "a list of strings")
		return nil
	}
	vals, _, _ := pr.l.stringOrList(v, p)
	return vals
}

// sessionTagsOrTags reads a federated user's session tags: "sessionTags",
// the spelling every session kind shares, or "tags", the scenario
// format's original one; not both.
func (pr *principalReader) sessionTagsOrTags() map[string]string {
	if _, ok := pr.f["sessionTags"]; ok {
		if t, both := pr.f["tags"]; both {
			pr.l.errorf(t.KeyIndex, join(pr.path, "tags"), ErrConflict, `give the session tags once: "sessionTags" or "tags", not both`)
		}
		return pr.tags("sessionTags")
	}
	return pr.tags("tags")
}

// tags reads an optional tag map: string values, keys unique ignoring case.
func (pr *principalReader) tags(key string) map[string]string {
	v, p, ok := pr.member(key)
	if !ok {
		return nil
	}
	if isObject(v) {
		// Refused before the map is built, as the constructor would
		// refuse it after: 4,000,000 tags took 7 s and 490 MB to refuse.
		if problem := principal.TagCountProblem(pr.l.doc.Count(v)); problem != "" {
			pr.l.errorf(v.Index, p, ErrValue, "%s", problem)
			return nil
		}
	}
	m, _ := pr.l.stringMap(v, p, true)
	return m
}

// values reads an optional map of strings or lists (SAML attributes).
func (pr *principalReader) values(key string) map[string]condition.Value {
	v, p, ok := pr.member(key)
	if !ok {
		return nil
	}
	return pr.l.valueMap(v, p, nil)
}

// claims reads a web identity token's claims: provider claims, the
// session-tags claim and the source-identity claim.
func (pr *principalReader) claims() (map[string]condition.Value, principal.TagsClaim, string) {
	v, p, ok := pr.member("claims")
	if !ok {
		return nil, principal.TagsClaim{}, ""
	}
	var (
		tc  principal.TagsClaim
		sid string
	)
	claims := pr.l.valueMap(v, p, func(m jsonsrc.Member, mp string) bool {
		switch m.Key {
		case principal.ClaimTags:
			tc = pr.l.tagsClaim(m.Value, mp)
			return true
		case principal.ClaimSourceIdentity:
			sid, _ = pr.l.str(m.Value, mp)
			return true
		}
		return false
	})
	return claims, tc, sid
}

// credentials reads the credential facts.
func (pr *principalReader) credentials() principal.Credentials {
	var c principal.Credentials
	if _, _, ok := pr.member("temporary"); ok {
		c.Temporary = pr.bool("temporary")
	}
	if v, p, ok := pr.member("issueTime"); ok {
		if s, ok := pr.l.str(v, p); ok {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				pr.l.errorf(v.Index, p, ErrValue, "expected an RFC 3339 time such as 2024-05-01T12:00:00Z, found %q", s)
			}
			c.IssueTime = t
		}
	}
	if _, _, ok := pr.member("mfa"); ok {
		c.MFA = pr.bool("mfa")
	}
	if v, p, ok := pr.member("mfaAge"); ok {
		secs := pr.l.doc.Num(v)
		switch {
		case v.Kind != jsonsrc.Number:
			pr.l.typeError(v, p, "a number of seconds")
		case secs < 0 || secs != math.Trunc(secs) || secs > float64(math.MaxInt64/int64(time.Second)):
			pr.l.errorf(v.Index, p, ErrValue, "expected a whole, non-negative number of seconds, found %s", pr.l.doc.Raw(v))
		default:
			c.MFAAge = time.Duration(secs) * time.Second
		}
	}
	return c
}

// constructorError records what a principal constructor rejected, at the
// fact it names (or at the object when it names none of the given keys).
func (pr *principalReader) constructorError(obj jsonsrc.Value, err error) {
	var pe *principal.Error
	if errors.As(err, &pe) && pe.Field != "" {
		if m, ok := pr.f[pe.Field]; ok {
			pr.l.errorf(m.Value.Index, join(pr.path, pe.Field), ErrValue, "%s", pe.Msg)
			return
		}
		pr.l.errorf(obj.Index, pr.path, ErrValue, "%s: %s", pe.Field, pe.Msg)
		return
	}
	pr.l.errorf(obj.Index, pr.path, ErrValue, "%s", principalMsg(err))
}

// valueMap reads an object whose values are a string, a number, a boolean
// or a list of those (claims, attributes). special, when not nil, may take
// a member itself and return true.
func (l *loader) valueMap(v jsonsrc.Value, path string, special func(m jsonsrc.Member, path string) bool) map[string]condition.Value {
	if !isObject(v) {
		l.typeError(v, path, "an object")
		return nil
	}
	out := make(map[string]condition.Value, l.doc.Count(v))
	l.eachFreeMember(v, path, false, func(m jsonsrc.Member) {
		if special != nil && special(m, join(path, m.Key)) {
			return
		}
		if isArray(m.Value) {
			var list []string
			for i, e := range l.doc.Elements(m.Value) {
				if s, ok := l.scalar(e, path, m.Key, i); ok {
					list = append(list, s)
				}
			}
			out[m.Key] = condition.ListValue(list...)
			return
		}
		if s, ok := l.scalar(m.Value, path, m.Key, -1); ok {
			out[m.Key] = condition.StringValue(s)
		}
	})
	return out
}

// tagsClaim reads the https://aws.amazon.com/tags claim:
// {"principal_tags": {"K": ["v"]}, "transitive_tag_keys": ["K"]}.
func (l *loader) tagsClaim(v jsonsrc.Value, path string) principal.TagsClaim {
	var tc principal.TagsClaim
	if !isObject(v) {
		l.typeError(v, path, `an object with "principal_tags" and "transitive_tag_keys"`)
		return tc
	}
	f := l.fields(v, path, "the tags claim", tagsClaimKeys...)
	if m, ok := f["principal_tags"]; ok {
		p := join(path, "principal_tags")
		if !isObject(m.Value) {
			l.typeError(m.Value, p, "an object of tag values")
		} else {
			tc.PrincipalTags = make(map[string][]string, l.doc.Count(m.Value))
			l.eachFreeMember(m.Value, p, true, func(t jsonsrc.Member) {
				vals, _, ok := l.stringOrList(t.Value, join(p, t.Key))
				if ok {
					tc.PrincipalTags[t.Key] = vals
				}
			})
		}
	}
	if m, ok := f["transitive_tag_keys"]; ok {
		p := join(path, "transitive_tag_keys")
		if !isArray(m.Value) {
			l.typeError(m.Value, p, "a list of tag keys")
		} else {
			tc.TransitiveTagKeys, _, _ = l.stringOrList(m.Value, p)
		}
	}
	return tc
}
