package iameval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// A small random generator of policy sets and requests for property tests.
// Policies are kept as Go values (genPolicy) so that tests can add, remove
// and reorder statements, then render and parse them again.

type genStmt struct {
	deny      bool
	notAction bool
	actions   []string
	resources []string
	principal string // JSON value of Principal/NotPrincipal; "" for none
	notPrinc  bool
	cond      string // a "Condition" member, or ""
}

type genPolicy struct{ stmts []genStmt }

type genSet struct {
	identity, session []genPolicy
	boundary          *genPolicy
	resource          *genPolicy
	scp, rcp          [][]genPolicy
	vpce              []genPolicy
}

type genCase struct {
	set genSet
	p   principal.Principal
	in  RequestInput
}

var (
	genActions     = []string{"s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*", "ec2:DescribeVpcs", "kms:Decrypt", "sts:AssumeRole", "*"}
	genRCPActions  = []string{"s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*", "kms:Decrypt", "sts:AssumeRole"}
	genResources   = []string{"*", "arn:aws:s3:::bucket-a/*", objA, "arn:aws:s3:::bucket-a/${aws:username}/*", keyA, "arn:aws:kms:*:*:key/*", roleA, "arn:aws:iam::*:role/*", "arn:aws:s3:::other/*"}
	genConditions  = []string{"", "", "", `"Condition":{"StringEquals":{"aws:PrincipalTag/team":"analytics"}}`, `"Condition":{"Bool":{"aws:SecureTransport":"true"}}`, `"Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, `"Condition":{"StringEquals":{"aws:PrincipalAccount":"` + acctA + `"}}`}
	genPrincipals  = []string{`"*"`, aws("arn:aws:iam::" + acctA + ":user/alice"), aws(acctA), aws(acctB), aws("arn:aws:iam::" + acctA + ":role/team/Dev"), aws("arn:aws:sts::" + acctA + ":assumed-role/Dev/alice"), `{"Service":"lambda.amazonaws.com"}`, aws("arn:aws:sts::" + acctA + ":federated-user/Bob"), aws("arn:aws:iam::" + acctA + ":user/token-app"), aws("arn:aws:iam::" + acctB + ":user/bob"), `{"Federated":"` + oidcProviderARN + `"}`}
	genCallers     = []principal.Principal{alice, devAlice, fedBob, bobB, rootA, rootB, anon, lambdaSvc, webUser1, slr, aliceGST}
	genRequestActs = []struct{ action, resource string }{
		{"s3:GetObject", objA}, {"s3:GetObject", "arn:aws:s3:::bucket-a/alice/x"}, {"s3:PutObject", objA},
		{"ec2:DescribeVpcs", "*"}, {"kms:Decrypt", keyA}, {"sts:AssumeRole", roleA}, {"sts:AssumeRole", roleB},
		{"sts:AssumeRoleWithWebIdentity", webAppRole},
	}
	genContexts = [][]string{nil, {"aws:SourceIp", "203.0.113.7", "aws:SecureTransport", "true"}, {"aws:SourceIp", "10.1.1.1", "aws:SecureTransport", "false"}}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func someOf(r *rand.Rand, xs []string) []string {
	n := 1 + r.IntN(2)
	out := make([]string, n)
	for i := range out {
		out[i] = pick(r, xs)
	}
	return out
}

// genStatement returns a random statement valid for policy type t.
func genStatement(r *rand.Rand, t policy.Type) genStmt {
	s := genStmt{deny: r.IntN(5) == 0, actions: someOf(r, genActions), resources: someOf(r, genResources), cond: pick(r, genConditions)}
	switch t {
	case policy.Identity, policy.Session, policy.PermissionsBoundary:
		s.notAction = r.IntN(8) == 0
	case policy.SCP:
		if s.deny {
			s.notAction = r.IntN(6) == 0
		} else {
			s.cond = ""
		}
	case policy.Resource, policy.VPCEndpoint:
		s.principal = pick(r, genPrincipals)
		s.notPrinc = s.deny && r.IntN(6) == 0
	case policy.RCP:
		s.deny = true
		s.principal = `"*"`
		s.actions = someOf(r, genRCPActions)
	}
	return s
}

func genPolicyOf(r *rand.Rand, t policy.Type) genPolicy {
	n := 1 + r.IntN(3)
	p := genPolicy{}
	for range n {
		p.stmts = append(p.stmts, genStatement(r, t))
	}
	return p
}

func genPolicies(r *rand.Rand, t policy.Type, max int) []genPolicy {
	var ps []genPolicy
	for range r.IntN(max + 1) {
		ps = append(ps, genPolicyOf(r, t))
	}
	return ps
}

func genSetOf(r *rand.Rand) genSet {
	g := genSet{
		identity: genPolicies(r, policy.Identity, 2),
		session:  genPolicies(r, policy.Session, 1),
	}
	if r.IntN(4) == 0 {
		g.vpce = genPolicies(r, policy.VPCEndpoint, 1)
	}
	if r.IntN(3) == 0 {
		b := genPolicyOf(r, policy.PermissionsBoundary)
		g.boundary = &b
	}
	if r.IntN(2) == 0 {
		p := genPolicyOf(r, policy.Resource)
		g.resource = &p
	}
	for range r.IntN(3) {
		level := genPolicies(r, policy.SCP, 1)
		if r.IntN(6) != 0 {
			level = append(level, genPolicy{stmts: []genStmt{{actions: []string{"*"}, resources: []string{"*"}}}})
		}
		if len(level) == 0 {
			level = append(level, genPolicyOf(r, policy.SCP))
		}
		g.scp = append(g.scp, level)
	}
	for range r.IntN(2) {
		g.rcp = append(g.rcp, []genPolicy{genPolicyOf(r, policy.RCP)})
	}
	return g
}

func genCaseOf(r *rand.Rand) genCase {
	p := pick(r, genCallers)
	ra := pick(r, genRequestActs)
	in := RequestInput{Principal: p, Action: ra.action, Resource: ra.resource, Time: fixedTime}
	if p.Account() == "" {
		in.ResourceAccount = acctA
	}
	kv := pick(r, genContexts)
	m := map[string]condition.Value{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = condition.StringValue(kv[i+1])
	}
	in.Context = must(condition.NewContext(m))
	return genCase{set: genSetOf(r), p: p, in: in}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ",") + "]"
}

func (s genStmt) render() string {
	var b strings.Builder
	b.WriteString(`{"Effect":`)
	if s.deny {
		b.WriteString(`"Deny"`)
	} else {
		b.WriteString(`"Allow"`)
	}
	if s.principal != "" {
		if s.notPrinc {
			b.WriteString(`,"NotPrincipal":`)
		} else {
			b.WriteString(`,"Principal":`)
		}
		b.WriteString(s.principal)
	}
	if s.notAction {
		b.WriteString(`,"NotAction":`)
	} else {
		b.WriteString(`,"Action":`)
	}
	b.WriteString(quoteAll(s.actions))
	b.WriteString(`,"Resource":`)
	b.WriteString(quoteAll(s.resources))
	if s.cond != "" {
		b.WriteString(",")
		b.WriteString(s.cond)
	}
	b.WriteString("}")
	return b.String()
}

func (p genPolicy) render() string {
	parts := make([]string, len(p.stmts))
	for i, s := range p.stmts {
		parts[i] = s.render()
	}
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(parts, ",") + `]}`
}

// build parses g; ok is false when the policy package rejects a generated
// document (the property tests then skip the case).
func (g genSet) build(tb testing.TB) (ps *PolicySet, ok bool) {
	tb.Helper()
	parse := func(t policy.Type, p genPolicy, id string) *policy.Policy {
		pol, err := policy.Parse([]byte(p.render()), policy.Source{ID: id, Type: t})
		if err != nil {
			tb.Logf("generated %s policy rejected: %v\n%s", t, err, p.render())
			ok = false
			return nil
		}
		return pol
	}
	ok = true
	ps = &PolicySet{}
	for i, p := range g.identity {
		ps.Identity = append(ps.Identity, parse(policy.Identity, p, fmt.Sprint("identity", i)))
	}
	for i, p := range g.session {
		ps.Session = append(ps.Session, parse(policy.Session, p, fmt.Sprint("session", i)))
	}
	if g.boundary != nil {
		ps.PermissionsBoundary = parse(policy.PermissionsBoundary, *g.boundary, "boundary")
	}
	if g.resource != nil {
		ps.Resource = parse(policy.Resource, *g.resource, "resource")
	}
	for l, level := range g.scp {
		var lv []*policy.Policy
		for i, p := range level {
			lv = append(lv, parse(policy.SCP, p, fmt.Sprint("scp", l, i)))
		}
		ps.SCP = append(ps.SCP, lv)
	}
	for l, level := range g.rcp {
		var lv []*policy.Policy
		for i, p := range level {
			lv = append(lv, parse(policy.RCP, p, fmt.Sprint("rcp", l, i)))
		}
		ps.RCP = append(ps.RCP, lv)
	}
	for i, p := range g.vpce {
		ps.VPCEndpoint = append(ps.VPCEndpoint, parse(policy.VPCEndpoint, p, fmt.Sprint("vpce", i)))
	}
	return ps, ok
}

// clone deep-copies g so that a mutation leaves the original intact.
func (g genSet) clone() genSet {
	cp := func(ps []genPolicy) []genPolicy {
		var out []genPolicy
		for _, p := range ps {
			out = append(out, genPolicy{stmts: append([]genStmt(nil), p.stmts...)})
		}
		return out
	}
	c := genSet{identity: cp(g.identity), session: cp(g.session), vpce: cp(g.vpce)}
	if g.boundary != nil {
		b := genPolicy{stmts: append([]genStmt(nil), g.boundary.stmts...)}
		c.boundary = &b
	}
	if g.resource != nil {
		p := genPolicy{stmts: append([]genStmt(nil), g.resource.stmts...)}
		c.resource = &p
	}
	for _, l := range g.scp {
		c.scp = append(c.scp, cp(l))
	}
	for _, l := range g.rcp {
		c.rcp = append(c.rcp, cp(l))
	}
	return c
}

// slots returns pointers to every policy of g with its type, in a fixed
// order.
func (g *genSet) slots() []slotRef {
	var out []slotRef
	for i := range g.identity {
		out = append(out, slotRef{policy.Identity, &g.identity[i]})
	}
	for i := range g.session {
		out = append(out, slotRef{policy.Session, &g.session[i]})
	}
	if g.boundary != nil {
		out = append(out, slotRef{policy.PermissionsBoundary, g.boundary})
	}
	if g.resource != nil {
		out = append(out, slotRef{policy.Resource, g.resource})
	}
	for l := range g.scp {
		for i := range g.scp[l] {
			out = append(out, slotRef{policy.SCP, &g.scp[l][i]})
		}
	}
	for l := range g.rcp {
		for i := range g.rcp[l] {
			out = append(out, slotRef{policy.RCP, &g.rcp[l][i]})
		}
	}
	for i := range g.vpce {
		out = append(out, slotRef{policy.VPCEndpoint, &g.vpce[i]})
	}
	return out
}

type slotRef struct {
	t policy.Type
	p *genPolicy
}

// shuffled returns g with policies, levels and statements in random order.
func (g genSet) shuffled(r *rand.Rand) genSet {
	c := g.clone()
	shufflePolicies := func(ps []genPolicy) {
		r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	}
	shufflePolicies(c.identity)
	shufflePolicies(c.session)
	shufflePolicies(c.vpce)
	r.Shuffle(len(c.scp), func(i, j int) { c.scp[i], c.scp[j] = c.scp[j], c.scp[i] })
	r.Shuffle(len(c.rcp), func(i, j int) { c.rcp[i], c.rcp[j] = c.rcp[j], c.rcp[i] })
	for _, l := range c.scp {
		shufflePolicies(l)
	}
	for _, s := range c.slots() {
		st := s.p.stmts
		r.Shuffle(len(st), func(i, j int) { st[i], st[j] = st[j], st[i] })
	}
	return c
}
