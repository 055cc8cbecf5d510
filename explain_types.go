package iameval

import (
	"sort"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
)

// typeDenied reports whether a Deny statement of type t applied.
func (c *collector) typeDenied(t policy.Type) bool {
	for _, n := range c.outcomes {
		if n.typ == t && n.out.Deny {
			return true
		}
	}
	return false
}

// typeDetails gives each consulted type's decision.
func (c *collector) typeDetails() []TypeDetail {
	var out []TypeDetail
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		var ns []noted
		for _, n := range c.outcomes {
			if n.typ == t {
				ns = append(ns, n)
			}
		}
		if len(ns) == 0 {
			continue
		}
		td := TypeDetail{Type: t}
		deny, any, all := false, false, true
		for _, n := range ns {
			deny = deny || n.out.Deny
			any = any || n.out.Allow
			all = all && n.out.Allow
		}
		allowed := any
		switch t {
		case policy.SCP, policy.RCP:
			levels := map[int]*Decision{}
			var order []int
			for _, n := range ns {
				ld, seen := levels[n.level]
				if !seen {
					v := ImplicitDeny
					if t == policy.RCP {
						v = Allowed // RCPFullAWSAccess is always attached
					}
					ld = &v
					levels[n.level] = ld
					order = append(order, n.level)
				}
				switch {
				case n.out.Deny:
					*ld = ExplicitDeny
				case n.out.Allow && *ld == ImplicitDeny:
					*ld = Allowed
				}
			}
			allowed = true
			for _, l := range order {
				td.Levels = append(td.Levels, *levels[l])
				allowed = allowed && *levels[l] == Allowed
			}
		case policy.VPCEndpoint:
			allowed = all
		}
		switch {
		case deny:
			td.Decision = ExplicitDeny
		case allowed:
			td.Decision = Allowed
		}
		out = append(out, td)
	}
	return out
}

// skipped lists the types ps holds that sel leaves out, with the rule.
func skipped(ps *PolicySet, f *facts, sel selection) []Skipped {
	var out []Skipped
	add := func(t policy.Type, given, used bool, why string) {
		if given && !used {
			out = append(out, Skipped{Type: t, Reason: why})
		}
	}
	idWhy := identityExclusion(f)
	add(policy.Identity, len(ps.Identity) > 0, sel.identity, idWhy)
	sessionWhy := "only role sessions, federated users and sts:AssumeRoot sessions have session policies"
	if f.unsigned {
		sessionWhy = "session policies limit the session the call creates; the call itself is decided by the role's trust policy"
	}
	add(policy.Session, len(ps.Session) > 0, sel.session, sessionWhy)
	add(policy.PermissionsBoundary, ps.PermissionsBoundary != nil, sel.boundary, idWhy)
	scpWhy := "SCPs do not apply to service-linked roles"
	if !f.serviceLinked {
		scpWhy = "SCPs apply only to signed callers of a member account (not anonymous callers, service principals or unsigned AssumeRoleWith* calls)"
	}
	add(policy.SCP, len(ps.SCP) > 0, sel.scp, scpWhy)
	add(policy.RCP, len(ps.RCP) > 0, sel.rcp, f.rcpWhy)
	return out
}

func identityExclusion(f *facts) string {
	switch {
	case f.unsigned:
		return "an unsigned AssumeRoleWith* call is decided by the role's trust policy alone"
	case f.root:
		return "the root user has no identity policies or boundary and is allowed by default"
	}
	return "a " + f.kind.String() + " principal has no identity policies or boundary; only a resource policy can grant"
}

// case (first spelling wins), sorted ignoring case.
func (c *collector) missingKeys() []string {
	var out []string
	seen := map[string]bool{}
	for _, rec := range c.records {
		for _, k := range rec.res.MissingKeys {
			n := condition.NormalizeKey(k)
			if !seen[n] {
				seen[n] = true
				out = append(out, k)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return condition.NormalizeKey(out[i]) < condition.NormalizeKey(out[j])
	})
	return out
}
