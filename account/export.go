package account

import (
	"strings"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/jsonsrc"
)

// rawPolicy is an inline policy or the default version of a managed policy
// as an export holds it, before parsing.
type rawPolicy struct {
	name string
	doc  document
	file string
}

// ref is a reference to a managed policy (by ARN) or a group (by name),
// with where it is written.
type ref struct {
	name string
	pos  diag.Position
}

// entity is a user, group or role of an export, before resolution.
type entity struct {
	kind            Kind
	arn, name, path string
	id, account     string
	tags            map[string]string
	inline          []rawPolicy
	attached        []ref
	groups          []ref // users: the names of their groups
	boundary        *ref
	trust           *rawPolicy
	pos             diag.Position
	partition       string
}

// managedPolicy is a managed policy of an export: its default version.
type managedPolicy struct {
	arn, name string
	doc       *rawPolicy
	pos       diag.Position
}

// The members of the get-account-authorization-details output the loader
// reads (IAM API GetAccountAuthorizationDetails).
const (
	keyUsers    = "UserDetailList"
	keyGroups   = "GroupDetailList"
	keyRoles    = "RoleDetailList"
	keyPolicies = "Policies"
)

// export reads one get-account-authorization-details document (or one
// page of it) into l.
func (l *Loader) export(r *reader) {
	root := r.doc.Root()
	f := r.object(root, "", "the output of aws iam get-account-authorization-details", keyUsers, keyGroups, keyRoles, keyPolicies)
	if f == nil {
		return
	}
	known := 0
	for _, k := range []string{keyUsers, keyGroups, keyRoles, keyPolicies} {
		if _, ok := f.get(k); ok {
			known++
		}
	}
	if known == 0 {
		r.errorf(root.Index, "", ErrMissing, "not an account export: none of UserDetailList, GroupDetailList, RoleDetailList, Policies (produce it with aws iam get-account-authorization-details)")
		return
	}
	if m, ok := f.get(keyUsers); ok {
		for i, v := range r.array(m.Value, keyUsers, "a list of users") {
			l.addEntity(r.entity(v, index(keyUsers, i), KindUser))
		}
	}
	if m, ok := f.get(keyGroups); ok {
		for i, v := range r.array(m.Value, keyGroups, "a list of groups") {
			l.addEntity(r.entity(v, index(keyGroups, i), KindGroup))
		}
	}
	if m, ok := f.get(keyRoles); ok {
		for i, v := range r.array(m.Value, keyRoles, "a list of roles") {
			l.addEntity(r.entity(v, index(keyRoles, i), KindRole))
		}
	}
	if m, ok := f.get(keyPolicies); ok {
		for i, v := range r.array(m.Value, keyPolicies, "a list of managed policies") {
			l.addManaged(r.managed(v, index(keyPolicies, i)))
		}
	}
}

// entityKeys names, per kind, the members of a detail entry.
var entityKeys = [...]struct{ name, id, inline, what, idPrefix string }{
	KindUser:  {"UserName", "UserId", "UserPolicyList", "user", "AIDA"},
	KindGroup: {"GroupName", "GroupId", "GroupPolicyList", "group", "AGPA"},
	KindRole:  {"RoleName", "RoleId", "RolePolicyList", "role", "AROA"},
}

// entity reads a UserDetail, GroupDetail or RoleDetail.
func (r *reader) entity(v jsonsrc.Value, path string, k Kind) *entity {
	keys := entityKeys[k]
	f := r.object(v, path, "a "+keys.what+" detail", "Arn", keys.name, "Path", keys.id, keys.inline, "AttachedManagedPolicies", "GroupList", "PermissionsBoundary", "AssumeRolePolicyDocument", "Tags")
	if f == nil {
		return nil
	}
	e := &entity{kind: k, pos: r.pos(v.Index)}
	e.arn = r.str(v, f, path, "Arn", true)
	e.name = r.str(v, f, path, keys.name, true)
	e.path = r.str(v, f, path, "Path", false)
	e.id = r.str(v, f, path, keys.id, false)
	if e.arn != "" {
		a, ok := arn.Parse(e.arn)
		res := a.Resource
		if !ok || a.Service != "iam" || !arn.IsAccountID(a.Account) || !strings.HasPrefix(res, keys.what+"/") ||
			!strings.HasSuffix(res, "/"+e.name) {
			r.errorf(f.must("Arn").Value.Index, join(path, "Arn"), ErrValue, "%q is not the ARN of %s %q (arn:aws:iam::ACCOUNT:%s%s%s)", e.arn, keys.what, e.name, keys.what, orSlash(e.path), e.name)
			return nil
		}
		e.account, e.partition = a.Account, a.Partition
	}
	if m, ok := f.get(keys.inline); ok {
		p := join(path, keys.inline)
		for i, pv := range r.array(m.Value, p, "a list of inline policies") {
			ip := index(p, i)
			pf := r.object(pv, ip, "an inline policy", "PolicyName", "PolicyDocument")
			if pf == nil {
				continue
			}
			name := r.str(pv, pf, ip, "PolicyName", true)
			dm, ok := pf.get("PolicyDocument")
			if !ok {
				r.errorf(pv.Index, ip, ErrMissing, `missing "PolicyDocument"`)
				continue
			}
			if d, ok := r.policyDoc(dm.Value, join(ip, "PolicyDocument")); ok {
				e.inline = append(e.inline, rawPolicy{name: name, doc: d, file: r.name})
			}
		}
	}
	if m, ok := f.get("AttachedManagedPolicies"); ok {
		p := join(path, "AttachedManagedPolicies")
		for i, av := range r.array(m.Value, p, "a list of attached managed policies") {
			ap := index(p, i)
			af := r.object(av, ap, "an attached policy", "PolicyArn")
			if af == nil {
				continue
			}
			if a := r.str(av, af, ap, "PolicyArn", true); a != "" {
				e.attached = append(e.attached, ref{name: a, pos: r.pos(af.must("PolicyArn").Value.Index)})
			}
		}
	}
	if m, ok := f.get("GroupList"); ok && k == KindUser {
		p := join(path, "GroupList")
		for i, gv := range r.array(m.Value, p, "a list of group names") {
			if gv.Kind != jsonsrc.String || r.doc.Str(gv) == "" {
				r.errorf(gv.Index, index(p, i), ErrType, "expected a group name, found %s", jsonsrc.TypeName(gv))
				continue
			}
			e.groups = append(e.groups, ref{name: r.doc.Str(gv), pos: r.pos(gv.Index)})
		}
	}
	if m, ok := f.get("PermissionsBoundary"); ok && k != KindGroup && m.Value.Kind != jsonsrc.Null {
		p := join(path, "PermissionsBoundary")
		if bf := r.object(m.Value, p, "a permissions boundary", "PermissionsBoundaryArn"); bf != nil {
			if a := r.str(m.Value, bf, p, "PermissionsBoundaryArn", true); a != "" {
				e.boundary = &ref{name: a, pos: r.pos(bf.must("PermissionsBoundaryArn").Value.Index)}
			}
		}
	}
	if k == KindRole {
		m, ok := f.get("AssumeRolePolicyDocument")
		if !ok {
			r.errorf(v.Index, path, ErrMissing, `missing "AssumeRolePolicyDocument": every role has a trust policy`)
		} else if d, ok := r.policyDoc(m.Value, join(path, "AssumeRolePolicyDocument")); ok {
			e.trust = &rawPolicy{name: "AssumeRolePolicyDocument", doc: d, file: r.name}
		}
	}
	if m, ok := f.get("Tags"); ok && k != KindGroup {
		e.tags = r.tags(m.Value, join(path, "Tags"))
	}
	return e
}

// orSlash returns the path of an entity, "/" when empty.
func orSlash(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// tags reads a list of {"Key", "Value"} tags.
func (r *reader) tags(v jsonsrc.Value, path string) map[string]string {
	var out map[string]string
	for i, tv := range r.array(v, path, "a list of tags") {
		tp := index(path, i)
		tf := r.object(tv, tp, "a tag ({\"Key\": ..., \"Value\": ...})", "Key", "Value")
		if tf == nil {
			continue
		}
		k := r.str(tv, tf, tp, "Key", true)
		val := r.str(tv, tf, tp, "Value", false)
		if out == nil {
			out = map[string]string{}
		}
		out[k] = val
	}
	return out
}

// managed reads a ManagedPolicyDetail: its ARN and default version.
func (r *reader) managed(v jsonsrc.Value, path string) *managedPolicy {
	f := r.object(v, path, "a managed policy detail", "Arn", "PolicyName", "DefaultVersionId", "PolicyVersionList")
	if f == nil {
		return nil
	}
	mp := &managedPolicy{pos: r.pos(v.Index)}
	mp.arn = r.str(v, f, path, "Arn", true)
	mp.name = r.str(v, f, path, "PolicyName", true)
	defaultID := r.str(v, f, path, "DefaultVersionId", false)
	m, ok := f.get("PolicyVersionList")
	if !ok {
		r.errorf(v.Index, path, ErrMissing, `missing "PolicyVersionList"`)
		return nil
	}
	p := join(path, "PolicyVersionList")
	for i, vv := range r.array(m.Value, p, "a list of policy versions") {
		vp := index(p, i)
		vf := r.object(vv, vp, "a policy version", "IsDefaultVersion", "VersionId", "Document")
		if vf == nil {
			continue
		}
		isDefault := r.boolean(vf, vp, "IsDefaultVersion")
		if !isDefault && (defaultID == "" || r.str(vv, vf, vp, "VersionId", false) != defaultID) {
			continue
		}
		if mp.doc != nil {
			r.errorf(vv.Index, vp, ErrValue, "a second default version of %s", mp.arn)
			continue
		}
		dm, ok := vf.get("Document")
		if !ok {
			r.errorf(vv.Index, vp, ErrMissing, `missing "Document"`)
			continue
		}
		if d, ok := r.policyDoc(dm.Value, join(vp, "Document")); ok {
			mp.doc = &rawPolicy{name: mp.name, doc: d, file: r.name}
		}
	}
	if mp.doc == nil {
		r.errorf(m.Value.Index, p, ErrMissing, "no default version (IsDefaultVersion true) of %s", mp.arn)
		return nil
	}
	return mp
}
