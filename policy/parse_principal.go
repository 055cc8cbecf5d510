package policy

import (
	"strconv"
	"strings"

	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// Members of a Principal object (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), in the order of
// principalElements.
const (
	prAWS = iota
	prFederated
	prService
	prCanonicalUser
	numPrincipalElements
)

// principalElements are the keys of a Principal object.
var principalElements = []string{"AWS", "Federated", "Service", "CanonicalUser"}

// principalKeys is the table of principalElements that Fields finds keys in.
var principalKeys = jsonsrc.NewKnownKeys(principalElements)

// principals compiles a Principal or NotPrincipal element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
func (p *parser) principals(m jsonsrc.Member, not bool, at *path) principalSet {
	c := at.Child(m.Key)
	ps := principalSet{not: not}
	switch v := m.Value; {
	case v.Kind == '"':
		if str := p.doc.Str(v); str == "*" {
			ps.all = true
		} else {
			p.errorf(v.Index, &c, ErrValue,
				"expected \"*\" or an object with \"AWS\", \"Federated\", \"Service\" or \"CanonicalUser\", found %s", strconv.Quote(str))
		}
	case v.Kind == '{' && !p.doc.IsEmpty(v):
		var f [numPrincipalElements]jsonsrc.Member // without keys: see jsonsrc.Doc.FieldsToKnown
		p.fields(v, &c, principalKeys, f[:])
		var buf [8]strItem
		for k := range f {
			if !exists(&f[k]) {
				continue
			}
			kc := c.Child(principalElements[k])
			items := p.strs(f[k].Value, &kc, buf[:0])
			for i := range items {
				it := &items[i]
				switch k {
				case prAWS:
					p.awsPrincipal(&ps, it, &kc)
				case prFederated:
					ps.federated = append(ps.federated, it.s)
				case prService:
					ps.services = append(ps.services, it.s)
				case prCanonicalUser:
					ps.canonical = append(ps.canonical, it.s)
					at := it.path(&kc)
					p.warnf(it.offset, &at, ErrValue,
						"CanonicalUser %s is not modelled: principals carry no canonical user ID, so this entry never matches", strconv.Quote(it.s))
				}
			}
		}
	default:
		p.typeError(v, &c, "\"*\" or an object with \"AWS\", \"Federated\", \"Service\" or \"CanonicalUser\"")
	}
	ps.indexAWS()
	return ps
}

// awsPrincipal classifies one entry of "AWS" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html): "*", an account (ID or
// root ARN), an ARN compared exactly, or a unique ID.
func (p *parser) awsPrincipal(ps *principalSet, it *strItem, el *path) {
	s, offset := it.s, it.offset
	switch {
	case s == "*":
		ps.all = true
	case arn.IsAccountID(s):
		ps.accounts = append(ps.accounts, s)
	case strings.HasPrefix(s, "arn:"):
		parts, ok := arn.Split(s)
		if !ok {
			at := it.path(el)
			p.errorf(offset, &at, ErrValue,
				"expected an ARN with six parts (arn:partition:service:region:account:resource), found %s", strconv.Quote(s))
			return
		}
		if strings.ContainsAny(s, "*?") {
			at := it.path(el)
			p.warnf(offset, &at, ErrValue,
				"principal %s has a wildcard: principal ARNs are compared exactly, so it matches nothing", strconv.Quote(s))
			return
		}
		if msg := principalARNProblem(parts); msg != "" {
			at := it.path(el)
			p.errorf(offset, &at, ErrValue, "%s, found %s", msg, strconv.Quote(s))
			return
		}
		if parts[2] == "iam" && parts[5] == "root" {
			ps.accounts = append(ps.accounts, parts[4])
			return
		}
		ps.aws = append(ps.aws, s)
	case isUniqueID(s):
		ps.aws = append(ps.aws, s)
	default:
		at := it.path(el)
		p.errorf(offset, &at, ErrValue,
			"expected \"*\", a 12-digit account ID, an IAM or STS ARN or a unique ID (AIDA..., AROA...), found %s", strconv.Quote(s))
	}
}

// principalARNProblem says what is wrong with an "AWS" principal ARN, or
// returns "" when it names something a policy can name
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html): the account root, an IAM user
// or role, an assumed-role session or a federated user, in a 12-digit
// account. IAM rejects the rest when the policy is saved, user groups
// included ("You cannot identify a user group as a principal").
func principalARNProblem(parts [6]string) string {
	service, account, res := parts[2], parts[4], parts[5]
	if service != "iam" && service != "sts" {
		return "expected an IAM or STS principal ARN (arn:aws:iam::ACCOUNT:user/NAME, role/NAME, root; arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, federated-user/NAME)"
	}
	if !arn.IsAccountID(account) {
		return "expected a 12-digit account ID in the principal ARN"
	}
	switch {
	case service == "iam" && (res == "root" || strings.HasPrefix(res, "user/") || strings.HasPrefix(res, "role/")):
		return ""
	case service == "sts" && (strings.HasPrefix(res, "assumed-role/") || strings.HasPrefix(res, "federated-user/")):
		return ""
	case service == "iam" && strings.HasPrefix(res, "group/"):
		return "a user group cannot be a principal; name its users"
	}
	return "expected root, user/NAME or role/NAME in an IAM principal ARN, or assumed-role/ROLE/SESSION or federated-user/NAME in an STS one"
}

// isUniqueID reports whether s looks like the unique ID of an IAM user
// (AIDA...) or role (AROA...): the prefix, then upper-case letters and
// digits. Other unique IDs (groups, policies) cannot be principals.
func isUniqueID(s string) bool {
	if len(s) < 8 || !(strings.HasPrefix(s, "AIDA") || strings.HasPrefix(s, "AROA")) {
		return false
	}
	for i := 4; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// isStarOnly reports whether the element is exactly "*" or {"AWS": "*"}.
func (ps *principalSet) isStarOnly() bool {
	return ps.all && !ps.not && len(ps.accounts) == 0 && len(ps.aws) == 0 &&
		len(ps.federated) == 0 && len(ps.services) == 0 && len(ps.canonical) == 0
}
