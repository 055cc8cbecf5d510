package account

import (
	"fmt"
	"maps"
	"slices"

	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// orgInput is one organization input, read.
type orgInput struct {
	file       string
	policies   map[string]*orgPolicy // by policy ID
	targets    map[string][]ref      // target ID -> attached policy IDs
	accounts   map[string][]ref      // account -> OU path from the root
	management string
	pos        map[string]diag.Position // where each account is listed
}

// orgPolicy is an SCP or RCP of an organization input.
type orgPolicy struct {
	id, name string
	typ      policy.Type
	doc      document
	pos      diag.Position
}

// AddOrganization adds the service control policies and resource control
// policies of an organization and the place of each account in it. The
// input is one JSON object:
//
//	{
//	  "ManagementAccount": "111111111111",
//	  "Policies": [ DESCRIBE-POLICY, ... ],
//	  "Targets":  {"r-ab12": ["p-FullAWSAccess", "p-1"], "ou-ab12-cd34": ["p-2"], "222222222222": ["p-3"]},
//	  "Accounts": {"222222222222": ["r-ab12", "ou-ab12-cd34"]}
//	}
//
// Policies holds outputs of `aws organizations describe-policy --policy-id
// ID` ({"Policy": {"PolicySummary": {"Id", "Name", "Type"}, "Content"}} or
// the inner object) for every SCP (Type SERVICE_CONTROL_POLICY) and RCP
// (RESOURCE_CONTROL_POLICY). Targets maps the root, each OU and each
// account to the IDs of the policies attached to it (`aws organizations
// list-policies-for-target --target-id TARGET --filter
// SERVICE_CONTROL_POLICY`, and again with RESOURCE_CONTROL_POLICY).
// Accounts gives each member account's path from the root down to its
// parent OU (`aws organizations list-parents --child-id ID`, repeated up
// to the root). The management account (`aws organizations
// describe-organization`) is governed by neither SCPs nor RCPs.
//
// An account's SCP levels are the root, each OU of its path and the
// account itself; every level must have an SCP attached, as AWS requires.
// RCPFullAWSAccess is taken as attached at every level, so a level without
// a listed RCP does not limit anything.
func (l *Loader) AddOrganization(name string, src []byte) {
	r := open(name, src, &l.errs)
	if r == nil {
		return
	}
	root := r.doc.Root()
	f := r.object(root, "", "an organization input", "ManagementAccount", "Policies", "Targets", "Accounts")
	if f == nil {
		return
	}
	o := &orgInput{file: name, policies: map[string]*orgPolicy{}, targets: map[string][]ref{}, accounts: map[string][]ref{}, pos: map[string]diag.Position{}}
	o.management = r.str(root, f, "", "ManagementAccount", false)
	if m, ok := f.get("Policies"); ok {
		for i, v := range r.array(m.Value, "Policies", "a list of describe-policy outputs") {
			if p := r.orgPolicy(v, index("Policies", i)); p != nil {
				if first, dup := o.policies[p.id]; dup {
					r.errorf(v.Index, index("Policies", i), ErrDuplicateKey, "policy %s is given twice (first at %s)", p.id, first.pos)
					continue
				}
				o.policies[p.id] = p
			}
		}
	}
	if m, ok := f.get("Targets"); ok {
		tf := r.freeObject(m.Value, "Targets", "a map from target ID to attached policy IDs")
		for _, m := range tf {
			o.targets[m.Key] = r.idList(m.Value, join("Targets", m.Key))
		}
	}
	if m, ok := f.get("Accounts"); ok {
		af := r.freeObject(m.Value, "Accounts", "a map from account ID to its OU path")
		for _, m := range af {
			a := m.Key
			if !arn.IsAccountID(a) {
				r.errorf(m.KeyIndex, join("Accounts", a), ErrValue, "%q is not a 12-digit account ID", a)
				continue
			}
			o.accounts[a] = r.idList(m.Value, join("Accounts", a))
			o.pos[a] = r.pos(m.KeyIndex)
		}
	}
	l.org = append(l.org, o)
}

// idList reads a list of IDs.
func (r *reader) idList(v jsonsrc.Value, path string) []ref {
	var out []ref
	for i, e := range r.array(v, path, "a list of IDs") {
		if e.Kind != jsonsrc.String || r.doc.Str(e) == "" {
			r.errorf(e.Index, index(path, i), ErrType, "expected an ID string, found %s", jsonsrc.TypeName(e))
			continue
		}
		out = append(out, ref{name: r.doc.Str(e), pos: r.pos(e.Index)})
	}
	return out
}

// orgPolicy reads one describe-policy output.
func (r *reader) orgPolicy(v jsonsrc.Value, path string) *orgPolicy {
	f := r.object(v, path, "a describe-policy output", "Policy", "PolicySummary", "Content")
	if f == nil {
		return nil
	}
	if m, ok := f.get("Policy"); ok && len(f) == 1 {
		v, path = m.Value, join(path, "Policy")
		if f = r.object(v, path, "a policy", "PolicySummary", "Content"); f == nil {
			return nil
		}
	}
	sm, ok := f.get("PolicySummary")
	if !ok {
		r.errorf(v.Index, path, ErrMissing, `missing "PolicySummary"`)
		return nil
	}
	sp := join(path, "PolicySummary")
	sf := r.object(sm.Value, sp, "a policy summary", "Id", "Name", "Type")
	if sf == nil {
		return nil
	}
	p := &orgPolicy{pos: r.pos(v.Index)}
	p.id = r.str(sm.Value, sf, sp, "Id", true)
	p.name = r.str(sm.Value, sf, sp, "Name", false)
	switch t := r.str(sm.Value, sf, sp, "Type", true); t {
	case "SERVICE_CONTROL_POLICY":
		p.typ = policy.SCP
	case "RESOURCE_CONTROL_POLICY":
		p.typ = policy.RCP
	case "":
		return nil
	default:
		r.errorf(sf.must("Type").Value.Index, join(sp, "Type"), ErrValue, "%q: only SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY take part in authorization", t)
		return nil
	}
	cm, ok := f.get("Content")
	if !ok {
		r.errorf(v.Index, path, ErrMissing, `missing "Content"`)
		return nil
	}
	d, ok := r.policyDoc(cm.Value, join(path, "Content"))
	if !ok {
		return nil
	}
	p.doc = d
	return p
}

// orgLevels are the SCP and RCP levels of one account.
type orgLevels struct {
	scp, rcp [][]*policy.Policy
}

// resolveOrg parses the policies of every organization input and builds
// the levels of each account it places.
func (l *Loader) resolveOrg() map[string]orgLevels {
	out := map[string]orgLevels{}
	for _, o := range l.org {
		parsed := map[string]*policy.Policy{}
		for _, id := range slices.Sorted(maps.Keys(o.policies)) {
			p := o.policies[id]
			pid := p.name
			if pid == "" {
				pid = p.id
			}
			if pp := parsePolicy(p.doc, pid, p.typ, o.file, &l.errs); pp != nil {
				parsed[id] = pp
			}
		}
		for _, acct := range slices.Sorted(maps.Keys(o.accounts)) {
			if acct == o.management {
				continue
			}
			if _, dup := out[acct]; dup {
				l.errs = append(l.errs, &diag.Error{Pos: o.pos[acct], Kind: ErrDuplicateKey, Msg: fmt.Sprintf("account %s is placed by two organization inputs", acct)})
				continue
			}
			var lv orgLevels
			path := append(append([]ref(nil), o.accounts[acct]...), ref{name: acct, pos: o.pos[acct]})
			for _, t := range path {
				var scp, rcp []*policy.Policy
				for _, pid := range o.targets[t.name] {
					p, ok := o.policies[pid.name]
					if !ok {
						l.errs = append(l.errs, &diag.Error{Pos: pid.pos, Kind: ErrMissing, Msg: fmt.Sprintf("policy %s is attached to %s but not in Policies (add the output of aws organizations describe-policy --policy-id %s)", pid.name, t.name, pid.name)})
						continue
					}
					pp := parsed[pid.name]
					if pp == nil {
						continue
					}
					if p.typ == policy.SCP {
						scp = append(scp, pp)
					} else {
						rcp = append(rcp, pp)
					}
				}
				if len(scp) == 0 {
					l.errs = append(l.errs, &diag.Error{Pos: t.pos, Kind: ErrMissing, Msg: fmt.Sprintf("no SCP is attached to %s, on the path of account %s: AWS keeps at least one SCP attached at every level (list FullAWSAccess in Targets)", t.name, acct)})
				}
				lv.scp = append(lv.scp, scp)
				if len(rcp) > 0 {
					lv.rcp = append(lv.rcp, rcp)
				}
			}
			out[acct] = lv
		}
	}
	return out
}
