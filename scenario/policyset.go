package scenario

import (
	"strconv"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// POLICY SET keys, in the order the package documentation lists them.
const (
	keyIdentity            = "identity"
	keySession             = "session"
	keyPermissionsBoundary = "permissionsBoundary"
	keyResource            = "resource"
	keySCP                 = "scp"
	keyRCP                 = "rcp"
	keyVPCEndpoint         = "vpcEndpoint"
)

var policySetKeys = []string{
	keyIdentity, keySession, keyPermissionsBoundary, keyResource,
	keySCP, keyRCP, keyVPCEndpoint,
}

// policySet is one POLICY SET as written: the keys it gives (a key set to
// null is given, with an empty value) and their parsed policies.
type policySet struct {
	given map[string]bool
	set   iameval.PolicySet
}

// policySet reads a POLICY SET object. ok is false when any policy in it
// failed, so that no case runs with part of its policies missing.
func (l *loader) policySet(v jsonsrc.Value, path string) (ps policySet, ok bool) {
	ps.given = map[string]bool{}
	if !isObject(v) {
		l.typeError(v, path, "an object (a POLICY SET)")
		return ps, false
	}
	before := l.count
	f := l.fields(v, path, "policies", policySetKeys...)
	for _, key := range policySetKeys {
		m, present := f[key]
		if !present {
			continue
		}
		ps.given[key] = true
		if isNull(m.Value) {
			continue // null: no policy of this type (removes a file-level key)
		}
		p := join(path, key)
		switch key {
		case keyIdentity:
			ps.set.Identity = l.policyList(m.Value, p, key, policy.Identity)
		case keySession:
			ps.set.Session = l.policyList(m.Value, p, key, policy.Session)
		case keyVPCEndpoint:
			ps.set.VPCEndpoint = l.policyList(m.Value, p, key, policy.VPCEndpoint)
		case keyPermissionsBoundary:
			ps.set.PermissionsBoundary = l.policyRef(m.Value, p, key, policy.PermissionsBoundary)
		case keyResource:
			ps.set.Resource = l.policyRef(m.Value, p, key, policy.Resource)
		case keySCP:
			ps.set.SCP = l.levels(m.Value, p, key, policy.SCP)
		case keyRCP:
			ps.set.RCP = l.levels(m.Value, p, key, policy.RCP)
		}
	}
	return ps, l.count == before
}

// policyList reads a list of POLICY. An empty list is the same as an absent
// key and yields nil.
func (l *loader) policyList(v jsonsrc.Value, path, key string, typ policy.Type) []*policy.Policy {
	if !isArray(v) {
		l.typeError(v, path, "a list of policies")
		return nil
	}
	// Walked item by item into a list sized once: a list of 100,000
	// policies needs no slice of its elements (issue 15).
	out := make([]*policy.Policy, 0, l.doc.Count(v))
	for it := l.doc.Items(v); ; {
		_, e, more := it.Next()
		if !more {
			break
		}
		i := it.Index()
		if p := l.policyRef(e, index(path, i), key+"["+strconv.Itoa(i)+"]", typ); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// levels reads the list-of-lists shape of scp and rcp: one inner list per
// level from the organization root down to the account.
func (l *loader) levels(v jsonsrc.Value, path, key string, typ policy.Type) [][]*policy.Policy {
	if !isArray(v) {
		l.typeError(v, path, "a list of levels, each a list of policies")
		return nil
	}
	var out [][]*policy.Policy
	for i, lv := range l.doc.Elements(v) {
		lp := index(path, i)
		if !isArray(lv) {
			l.typeError(lv, lp, "a list of policies (one level)")
			continue
		}
		elems := l.doc.Elements(lv)
		if len(elems) == 0 {
			// Every organization level has at least one policy attached; an
			// empty level is not a state AWS can be in (the engine rejects it).
			msg := "an SCP level needs at least one policy: AWS keeps one SCP attached at every level (list FullAWSAccess to allow everything)"
			if typ == policy.RCP {
				msg = "an RCP level needs at least one policy: list RCPFullAWSAccess for a level without customer RCPs"
			}
			l.errorf(lv.Index, lp, ErrType, "%s", msg)
			continue
		}
		level := make([]*policy.Policy, 0, len(elems))
		for j, e := range elems {
			id := key + "[" + strconv.Itoa(i) + "][" + strconv.Itoa(j) + "]"
			if p := l.policyRef(e, index(lp, j), id, typ); p != nil {
				level = append(level, p)
			}
		}
		out = append(out, level)
	}
	return out
}

// merge returns the POLICY SET of a case: the file's set with every key the
// case gives replaced (a key given as null removes the file's policies).
func merge(file, c policySet) *iameval.PolicySet {
	out := file.set
	for key := range c.given {
		switch key {
		case keyIdentity:
			out.Identity = c.set.Identity
		case keySession:
			out.Session = c.set.Session
		case keyVPCEndpoint:
			out.VPCEndpoint = c.set.VPCEndpoint
		case keyPermissionsBoundary:
			out.PermissionsBoundary = c.set.PermissionsBoundary
		case keyResource:
			out.Resource = c.set.Resource
		case keySCP:
			out.SCP = c.set.SCP
		case keyRCP:
			out.RCP = c.set.RCP
		}
	}
	return &out
}
