package account

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/arn"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// SessionName is the role session name under which a role is evaluated:
// a role acts only through sessions, so its requests are those of
// arn:aws:sts::ACCOUNT:assumed-role/ROLE/iameval.
const SessionName = "iameval"

// Accounts is the loaded state of one or more AWS accounts: their users,
// groups and roles with every policy resolved, their resource-based
// policies and their organization policies. It is immutable and safe for
// concurrent use.
type Accounts struct {
	principals []*Principal          // users and roles, sorted by ARN
	byARN      map[string]*Principal // users, roles and groups
	groups     []*Principal
	roleARNs   []string
	accounts   []string
	resource   map[string]*policy.Policy
	org        map[string]orgLevels
	names      map[*policy.Policy]string
	texts      map[*policy.Policy]document
}

// Principal is a user, group or role of an export with its policies
// resolved.
type Principal struct {
	// Kind is user, group or role.
	Kind Kind
	// ARN, Name, Path, ID and Account are as the export gives them.
	ARN, Name, Path, ID, Account string
	// Tags are the user's or role's tags.
	Tags map[string]string
	// Groups are the ARNs of a user's groups.
	Groups []string
	// Identity holds the identity-based policies: the inline policies,
	// the attached managed policies and, for a user, each group's inline
	// and attached policies, in that order. A policy's ID is the managed
	// policy's ARN, or OWNER-ARN#NAME for an inline policy.
	Identity []*policy.Policy
	// Boundary is the permissions boundary, or nil.
	Boundary *policy.Policy
	// Trust is a role's trust policy (ID ROLE-ARN#trust), else nil.
	Trust *policy.Policy
	// Pos is where the export describes it.
	Pos diag.Position

	// Caller is the principal that makes requests: the IAM user, or a
	// session (named SessionName) of the role; nil for a group.
	Caller principal.Principal

	set iameval.PolicySet // Identity, Boundary and the account's SCPs
}

// Principals returns every user and role, sorted by ARN. The slice is
// shared: do not modify it.
func (a *Accounts) Principals() []*Principal { return a.principals }

// Principal returns the user, group or role with the given ARN. A role
// session ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) finds its
// role.
func (a *Accounts) Principal(arnOrSession string) (*Principal, bool) {
	if p, ok := a.byARN[arnOrSession]; ok {
		return p, true
	}
	if x, ok := arn.Parse(arnOrSession); ok && x.Service == "sts" {
		if rest, ok := strings.CutPrefix(x.Resource, "assumed-role/"); ok {
			name, _, _ := strings.Cut(rest, "/")
			for _, p := range a.principals {
				if p.Kind == KindRole && p.Account == x.Account && p.Name == name {
					return p, true
				}
			}
		}
	}
	return nil, false
}

// Accounts returns the IDs of the accounts the exports describe, sorted.
func (a *Accounts) Accounts() []string { return a.accounts }

// ResourcePolicy returns the resource-based policy loaded for resourceARN:
// for a role ARN its trust policy, else one from the resource-policy
// inputs; nil when none is known. An S3 object
// (arn:aws:s3:::BUCKET/KEY) without a policy of its own has its bucket's:
// a bucket policy governs the bucket's objects, and it is the policy
// `aws s3api get-bucket-policy` gives, keyed by the bucket's ARN
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html).
func (a *Accounts) ResourcePolicy(resourceARN string) *policy.Policy {
	if p, ok := a.byARN[resourceARN]; ok && p.Kind == KindRole {
		return p.Trust
	}
	if p, ok := a.resource[resourceARN]; ok {
		return p
	}
	if bucket, ok := s3Bucket(resourceARN); ok {
		return a.resource[bucket]
	}
	return nil
}

// s3Bucket returns the ARN of the bucket of an S3 object ARN
// (arn:PARTITION:s3:::BUCKET/KEY).
func s3Bucket(objectARN string) (string, bool) {
	x, ok := arn.Parse(objectARN)
	if !ok || x.Service != "s3" || x.Region != "" || x.Account != "" {
		return "", false
	}
	bucket, _, found := strings.Cut(x.Resource, "/")
	if !found || bucket == "" {
		return "", false
	}
	return "arn:" + x.Partition + ":s3:::" + bucket, true
}

// SCP returns the SCP levels of an account (nil when no organization
// input governs it).
func (a *Accounts) SCP(account string) [][]*policy.Policy { return a.org[account].scp }

// RCP returns the RCP levels of an account.
func (a *Accounts) RCP(account string) [][]*policy.Policy { return a.org[account].rcp }

// PolicyName returns the name a policy has in its export (the inline
// policy's or managed policy's name, AssumeRolePolicyDocument for a trust
// policy, the resource ARN for a resource policy), or its ID.
func (a *Accounts) PolicyName(p *policy.Policy) string {
	if n, ok := a.names[p]; ok {
		return n
	}
	return p.ID()
}

// PolicyText returns the text of a loaded policy and the offset of its
// first byte in the file its statements' positions count in: for a
// document written as a JSON object, the export; for one written as a
// string, the decoded text itself (offset 0).
func (a *Accounts) PolicyText(p *policy.Policy) (text string, offset int) {
	d := a.texts[p]
	return d.text, d.base.Offset
}

// PolicySet returns the policy set of a request by p on resourceARN
// owned by resourceAccount: p's identity policies and boundary, the SCPs
// of p's account, and the resource's policy and the RCPs of its account.
func (a *Accounts) PolicySet(p *Principal, resourceARN, resourceAccount string) *iameval.PolicySet {
	ps := p.set
	ps.Resource = a.ResourcePolicy(resourceARN)
	ps.RCP = a.org[resourceAccount].rcp
	return &ps
}

// resolve builds the Accounts from the collected inputs.
func (l *Loader) resolve() *Accounts {
	a := &Accounts{byARN: map[string]*Principal{}, resource: map[string]*policy.Policy{}, names: map[*policy.Policy]string{}, texts: map[*policy.Policy]document{}}
	pre := l.parseAll()
	parse := func(d document, id string, t policy.Type, file string) *policy.Policy {
		p, done := pre[parseKey{id, t}]
		if !done {
			p = parsePolicy(d, id, t, file, &l.errs)
		}
		if p != nil {
			a.texts[p] = d
		}
		return p
	}
	type key = parseKey
	parsed := map[key]*policy.Policy{}
	managedPolicy := func(r ref, t policy.Type) *policy.Policy {
		if p, ok := parsed[key{r.name, t}]; ok {
			return p
		}
		var p *policy.Policy
		name := r.name[strings.LastIndexByte(r.name, '/')+1:]
		switch m, ok := l.managed[r.name]; {
		case ok:
			p = parse(m.doc.doc, r.name, t, m.doc.file)
			name = m.name
		case isAWSManaged(r.name):
			doc, found := l.opts.AWSManaged(r.name)
			if found {
				p = parse(document{text: string(doc), isStr: true}, r.name, t, r.name)
				break
			}
			l.errs = append(l.errs, &diag.Error{Pos: r.pos, Kind: ErrMissing, Msg: fmt.Sprintf("managed policy %s: no export holds it and it is not a known AWS managed policy", r.name)})
		default:
			l.errs = append(l.errs, &diag.Error{Pos: r.pos, Kind: ErrMissing, Msg: fmt.Sprintf("managed policy %s: no export holds it (export with aws iam get-account-authorization-details, without --filter or with LocalManagedPolicy among the filters)", r.name)})
		}
		parsed[key{r.name, t}] = p
		if p != nil {
			a.names[p] = name
		}
		return p
	}
	inline := func(e *entity) []*policy.Policy {
		var out []*policy.Policy
		for _, ip := range e.inline {
			if p := parse(ip.doc, e.arn+"#"+ip.name, policy.Identity, ip.file); p != nil {
				a.names[p] = ip.name
				out = append(out, p)
			}
		}
		return out
	}
	attached := func(e *entity) []*policy.Policy {
		var out []*policy.Policy
		for _, r := range e.attached {
			if p := managedPolicy(r, policy.Identity); p != nil {
				out = append(out, p)
			}
		}
		return out
	}
	// Every managed policy is parsed, used or not: a broken one is an
	// error wherever it is.
	for _, k := range slices.Sorted(maps.Keys(l.managed)) {
		managedPolicy(ref{name: k, pos: l.managed[k].pos}, policy.Identity)
	}
	a.org = l.resolveOrg()
	groups := map[string]*Principal{} // ACCOUNT/NAME -> group
	accounts := map[string]bool{}
	keys := slices.Sorted(maps.Keys(l.entities))
	for _, k := range keys {
		e := l.entities[k]
		accounts[e.account] = true
		p := &Principal{Kind: e.kind, ARN: e.arn, Name: e.name, Path: orSlash(e.path), ID: e.id, Account: e.account, Tags: e.tags, Pos: e.pos}
		a.byARN[e.arn] = p
		if e.kind == KindGroup {
			p.Identity = append(inline(e), attached(e)...)
			groups[e.account+"/"+e.name] = p
			a.groups = append(a.groups, p)
		}
	}
	for _, k := range keys {
		e := l.entities[k]
		if e.kind == KindGroup {
			continue
		}
		p := a.byARN[e.arn]
		p.Identity = append(inline(e), attached(e)...)
		for _, g := range e.groups {
			gp := groups[e.account+"/"+g.name]
			if gp == nil {
				l.errs = append(l.errs, &diag.Error{Pos: g.pos, Kind: ErrMissing, Msg: fmt.Sprintf("group %q of %s is in no export's GroupDetailList", g.name, e.arn)})
				continue
			}
			p.Groups = append(p.Groups, gp.ARN)
			p.Identity = append(p.Identity, gp.Identity...)
		}
		if e.boundary != nil {
			p.Boundary = managedPolicy(*e.boundary, policy.PermissionsBoundary)
		}
		if e.trust != nil {
			if p.Trust = parse(e.trust.doc, e.arn+"#trust", policy.Resource, e.trust.file); p.Trust != nil {
				a.names[p.Trust] = "AssumeRolePolicyDocument"
			}
		}
		l.caller(p, e)
		p.set = iameval.PolicySet{Identity: p.Identity, PermissionsBoundary: p.Boundary, SCP: a.org[e.account].scp}
		a.principals = append(a.principals, p)
		if p.Kind == KindRole {
			a.roleARNs = append(a.roleARNs, p.ARN)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(l.resource)) {
		rr := l.resource[k]
		if p := parse(rr.doc, k, policy.Resource, rr.file); p != nil {
			a.resource[k] = p
			a.names[p] = k
		}
	}
	a.accounts = slices.Sorted(maps.Keys(accounts))
	sort.Slice(a.principals, func(i, j int) bool { return a.principals[i].ARN < a.principals[j].ARN })
	return a
}

// caller builds the principal that makes p's requests.
func (l *Loader) caller(p *Principal, e *entity) {
	var err error
	switch p.Kind {
	case KindUser:
		id := p.ID
		if !strings.HasPrefix(id, "AIDA") {
			id = "" // an export's IDs always have the prefix; do not fail on a made-up one
		}
		p.Caller, err = principal.NewIAMUser(principal.IAMUserInput{ARN: p.ARN, ID: id, Tags: p.Tags})
	case KindRole:
		id := p.ID
		if !strings.HasPrefix(id, "AROA") {
			id = ""
		}
		p.Caller, err = principal.NewAssumedRole(principal.AssumedRoleInput{RoleARN: p.ARN, RoleID: id, SessionName: SessionName, RoleTags: p.Tags})
	}
	if err != nil {
		l.errs = append(l.errs, &diag.Error{Pos: e.pos, Kind: ErrValue, Msg: fmt.Sprintf("%s: %v", p.ARN, err)})
		p.Caller = nil
	}
}

// isAWSManaged reports whether an ARN names an AWS managed policy.
func isAWSManaged(policyARN string) bool {
	return strings.HasPrefix(policyARN, "arn:") && strings.Contains(policyARN, ":iam::aws:policy/")
}
