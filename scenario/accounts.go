package scenario

import (
	"errors"
	"path/filepath"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/account"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/principal"
)

// The keys of the "accounts" object, an iameval extension of the
// scenario format.
var accountsKeys = []string{"exports", "resourcePolicies", "organizations"}

// accounts reads the file-level "accounts" object: the account exports
// (and resource-policy and organization inputs, see package account) that
// cases without policies take their policies from. Paths are relative to
// the scenario file.
func (l *loader) accounts(v jsonsrc.Value, path string) *account.Accounts {
	if !isObject(v) {
		l.typeError(v, path, `an object with "exports" (and "resourcePolicies", "organizations")`)
		return nil
	}
	f := l.fields(v, path, "accounts", accountsKeys...)
	var in account.Files
	lists := map[string]*[]string{"exports": &in.Exports, "resourcePolicies": &in.ResourcePolicies, "organizations": &in.Organizations}
	for _, key := range accountsKeys {
		m, ok := f[key]
		if !ok {
			continue
		}
		p := join(path, key)
		if !isArray(m.Value) {
			l.typeError(m.Value, p, "a list of file names")
			continue
		}
		for i, e := range l.doc.Elements(m.Value) {
			s, ok := l.nonEmptyStr(e, index(p, i))
			if !ok {
				continue
			}
			if !filepath.IsAbs(s) {
				s = filepath.Join(filepath.Dir(l.name), filepath.FromSlash(s))
			}
			*lists[key] = append(*lists[key], s)
		}
	}
	if len(in.Exports) == 0 {
		l.errorf(v.Index, path, ErrMissing, `"exports" must name at least one output of aws iam get-account-authorization-details`)
		return nil
	}
	if l.open == nil {
		l.errorf(v.Index, path, ErrValue, "account exports cannot be read: no file reader was given to Load")
		return nil
	}
	a, err := account.LoadFiles(in, account.Options{ReadFile: l.open})
	if err != nil {
		var list diag.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				l.add(e)
			}
		} else {
			l.errorf(v.Index, path, ErrValue, "%v", err)
		}
		return nil
	}
	return a
}

// accountPrincipal reads a principal ARN that names a user or role of the
// accounts: the user as exported (with its ID and tags), or a session of
// the role (a role ARN, or an assumed-role ARN whose session name is
// kept). ok is false when the ARN is not in the accounts.
func (l *loader) accountPrincipal(v jsonsrc.Value, path string) (principal.Principal, bool) {
	if l.accts == nil || v.Kind != jsonsrc.String {
		return nil, false
	}
	s := l.doc.Str(v)
	ap, found := l.accts.Principal(s)
	if !found || ap.Caller == nil {
		return nil, false
	}
	if ap.Kind == account.KindRole && s != ap.ARN {
		// An assumed-role ARN: keep its session name.
		parsed, err := principal.Parse(s)
		rs, isSession := parsed.(principal.RoleSession)
		if err != nil || !isSession {
			return nil, false
		}
		id := ""
		if len(ap.ID) > 4 && ap.ID[:4] == "AROA" {
			id = ap.ID
		}
		p, err := principal.NewAssumedRole(principal.AssumedRoleInput{RoleARN: ap.ARN, RoleID: id, SessionName: rs.SessionName(), RoleTags: ap.Tags})
		if err != nil {
			l.errorf(v.Index, path, ErrValue, "%s", principalMsg(err))
			return nil, false
		}
		return p, true
	}
	return ap.Caller, true
}

// accountSet returns the policies the accounts give a request: the
// identity policies, boundary and SCPs of the caller when it is a user or
// a session of a role of the accounts, and the resource's policy (a
// role's trust policy) and the RCPs of its account.
func (l *loader) accountSet(r *iameval.Request) policySet {
	a := l.accts
	var ps iameval.PolicySet
	caller := r.Principal()
	key := caller.ARN()
	if rs, ok := caller.(principal.RoleSession); ok {
		key = rs.RoleARN()
	}
	if ap, ok := a.Principal(key); ok && ap.Kind != account.KindGroup {
		ps = *a.PolicySet(ap, r.Resource(), r.ResourceAccount())
	} else {
		ps.Resource = a.ResourcePolicy(r.Resource())
		ps.RCP = a.RCP(r.ResourceAccount())
	}
	return policySet{set: ps}
}
