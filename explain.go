package iameval

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// This file holds the explanation's entry points, Explain and
// ExplainWith, and the collector that records what one evaluation
// consulted and turns it into an Explanation. The types are in
// explanation.go, their text in explain_text.go.

// Explain evaluates r against ps like [Evaluate] and says why: which
// statements decided, which policy types lacked an allow, which statements
// came closest, and which context keys were missing. It is
// ExplainWith(ps, r, ExplainOptions{}).
func Explain(ps *PolicySet, r *Request) *Explanation {
	return ExplainWith(ps, r, ExplainOptions{})
}

// ExplainWith evaluates r against ps like [Explain] and adds the parts o
// asks for. With the zero ExplainOptions it returns exactly what Explain
// returns; the Decision is always the one [Evaluate] reaches.
func ExplainWith(ps *PolicySet, r *Request, o ExplainOptions) *Explanation {
	c := newCollector(!o.Statements)
	c.listLimit = o.ListLimit
	d := run(ps, r, c)
	x := c.explanation(d, ps, r)
	if o.Statements && c.evaluated {
		x.Statements = c.statements(ps, r)
	}
	c.release()
	if o.CheckAction != nil && x.Decision == ImplicitDeny {
		x.UnknownAction = o.CheckAction(x.Request.Action)
	}
	return x
}

// slot says where a policy sits in a PolicySet: its type, its organization
// level (1-based; 0 for other types) and its index in the type's list.
type slot struct {
	typ          policy.Type
	level, index int
	policy       *policy.Policy
}

// noted is the outcome of one policy.
type noted struct {
	slot
	out policy.Outcome
}

// recorded is the result of one statement, and the request it was
// evaluated with (the boundary's own for a permissions boundary). The
// collector stores it as an entry; record rebuilds it.
type recorded struct {
	slot
	q   *policy.Request
	res policy.StatementResult
}

// placed is a policy's slot and the request it is evaluated with.
type placed struct {
	slot
	q *policy.Request
}

// entry is how the collector stores one statement result: small, with a
// single pointer, because the explanation records every statement of
// every consulted policy and copying pointers into the heap is what
// recording costs. A full (not brief) result is kept in fulls.
type entry struct {
	stmt    *policy.Statement
	at      int32 // the policy's index in collector.placed
	full    int32 // 1 + the result's index in collector.fulls; 0 when brief
	applies bool
	pm      policy.PrincipalMatch
	failed  policy.Part
}

// record returns the result of c.records[i].
func (c *collector) record(i int) recorded {
	e := &c.records[i]
	p := &c.placed[e.at]
	rec := recorded{slot: p.slot, q: p.q}
	if e.full > 0 {
		rec.res = c.fulls[e.full-1]
	} else {
		rec.res = policy.StatementResult{Statement: e.stmt, Applies: e.applies, Principal: e.pm, Failed: e.failed, Brief: true}
	}
	return rec
}

// full returns rec with its full statement result, as a brief recorder
// gets it: with a lean condition trace (see policy.BriefRecorder).
func (rec recorded) full() recorded {
	if rec.res.Brief {
		rec.res = rec.res.Statement.ExplainLean(rec.q)
	}
	return rec
}

// collector is the explain-mode recorder: it receives every statement result
// and every policy outcome of one evaluation, then builds the Explanation.
// A nil *collector is the hot path: every method is a no-op on nil.
type collector struct {
	placed    []placed // the policies evaluated, in order
	records   []entry
	fulls     []policy.StatementResult
	outcomes  []noted
	reason    string
	evaluated bool // run got past the fixed outcomes and evaluated policies
	st        state
	// force, when set, makes the collector a counterfactual one: nothing
	// is recorded and the statement is taken to apply (ExplainWith).
	force *policy.StatementResult
	// brief asks package policy for brief statement results: the parts
	// of the Explanation that need a statement's details (Closest) get
	// its full result from recorded.full. Statements needs every detail.
	brief bool
	// listLimit is ExplainOptions.ListLimit.
	listLimit int
}

// collectors recycles collectors and their lists between explanations:
// an Explanation copies what it keeps, so nothing refers to a collector
// once ExplainWith returns.
var collectors = sync.Pool{New: func() any { return new(collector) }}

// newCollector returns an empty collector that asks for brief results
// when brief is set; release returns it.
func newCollector(brief bool) *collector {
	c := collectors.Get().(*collector)
	c.brief = brief
	return c
}

// release empties c and recycles it. The lists keep their old entries
// until they are overwritten: clearing them would cost more than the
// explanation's other bookkeeping, and sync.Pool drops idle collectors at
// the next garbage collections, so what they refer to is kept no longer.
// The full results are the exception: they are few, but one can hold a
// large condition's trace, and the Explanation shares their missing keys.
func (c *collector) release() {
	clear(c.fulls)
	*c = collector{placed: c.placed[:0], records: c.records[:0], fulls: c.fulls[:0], outcomes: c.outcomes[:0]}
	collectors.Put(c)
}

// Record implements policy.Recorder.
func (c *collector) Record(r policy.StatementResult) {
	e := entry{stmt: r.Statement, at: int32(len(c.placed) - 1), applies: r.Applies, pm: r.Principal, failed: r.Failed}
	if !r.Brief {
		// A brief recorder's full results have lean condition traces
		// (see policy.BriefRecorder); their missing keys are clipped, so
		// that appending to the explanation's list never writes into the
		// trace's.
		r.MissingKeys = slices.Clip(r.MissingKeys)
		c.fulls = append(c.fulls, r)
		e.full = int32(len(c.fulls))
	}
	c.records = append(c.records, e)
}

// Brief implements policy.BriefRecorder.
func (c *collector) Brief() bool { return c.brief }

func (c *collector) setReason(s string) {
	if c != nil {
		c.reason = s
	}
}

// explanation builds the Explanation of decision d.
func (c *collector) explanation(d Decision, ps *PolicySet, r *Request) *Explanation {
	x := &Explanation{Decision: d, Reason: c.reason}
	if r != nil && r.in.Principal != nil {
		x.Request = RequestSummary{
			Principal:       r.in.Principal.ARN(),
			PrincipalType:   r.in.Principal.Kind().String(),
			Action:          r.in.Action,
			Resource:        r.in.Resource,
			ResourceAccount: r.in.ResourceAccount,
			Unsigned:        r.facts.unsigned,
		}
	}
	if !c.evaluated {
		return x
	}
	if ps == nil {
		ps = &emptySet
	}
	st := &c.st
	x.Types = c.typeDetails()
	x.Skipped = skipped(ps, &r.facts, st.sel)
	x.MissingKeys, x.MissingKeysMore = c.missingKeys()
	x.Unknown = c.unknownClauses()
	if st.public != nil {
		x.Withheld = []string{withheldPublic(st.public)}
	}
	if st.sel.has(stepSCP) || st.sel.has(stepRCP) {
		ok := !c.typeDenied(policy.SCP) && !c.typeDenied(policy.RCP) && st.scpOK
		x.AllowedByOrganizations = &ok
	}
	if st.sel.has(stepBoundary) {
		ok := st.have&litPB != 0 && !st.pbDeny
		x.AllowedByPermissionsBoundary = &ok
	}
	switch d {
	case ExplicitDeny:
		for i := range c.records {
			if e := &c.records[i]; e.applies && e.stmt.Effect() == policy.Deny {
				if c.listed(len(x.Deciding)) {
					rec := c.record(i)
					x.Deciding = append(x.Deciding, ref(&rec))
				} else {
					x.DecidingMore++
				}
			}
		}
	case Allowed:
		x.Deciding, x.DecidingMore = c.allowing()
	case ImplicitDeny:
		x.MissingAllow = c.missingAllow()
		x.Closest = c.closest(x.MissingAllow)
	}
	return x
}

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
	var consulted [policy.VPCEndpoint + 1]bool
	count := 0
	for _, o := range c.outcomes {
		if o.typ <= policy.VPCEndpoint && !consulted[o.typ] {
			consulted[o.typ] = true
			count++
		}
	}
	if count == 0 {
		return nil
	}
	out := make([]TypeDetail, 0, count)
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		if !consulted[t] {
			continue
		}
		td := TypeDetail{Type: t}
		deny, any, all := false, false, true
		for _, n := range c.outcomes {
			if n.typ == t {
				deny = deny || n.out.Deny
				any = any || n.out.Allow
				all = all && n.out.Allow
			}
		}
		allowed := any
		switch t {
		case policy.SCP, policy.RCP:
			levels := map[int]*Decision{}
			var order []int
			for _, n := range c.outcomes {
				if n.typ != t {
					continue
				}
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
	idWhy := ""
	if len(ps.Identity) > 0 && !sel.has(stepIdentity) || ps.PermissionsBoundary != nil && !sel.has(stepBoundary) {
		idWhy = identityExclusion(f)
	}
	add(policy.Identity, len(ps.Identity) > 0, sel.has(stepIdentity), idWhy)
	sessionWhy := "only role sessions, federated users and sts:AssumeRoot sessions have session policies"
	if f.unsigned {
		sessionWhy = "session policies limit the session the call creates; the call itself is decided by the role's trust policy"
	}
	add(policy.Session, len(ps.Session) > 0, sel.has(stepSession), sessionWhy)
	add(policy.PermissionsBoundary, ps.PermissionsBoundary != nil, sel.has(stepBoundary), idWhy)
	scpWhy := "SCPs do not apply to service-linked roles"
	if !f.serviceLinked {
		scpWhy = "SCPs apply only to signed callers of a member account (not anonymous callers, service principals or unsigned AssumeRoleWith* calls)"
	}
	add(policy.SCP, len(ps.SCP) > 0, sel.has(stepSCP), scpWhy)
	add(policy.RCP, len(ps.RCP) > 0, sel.has(stepRCP), f.rcpWhy)
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

// missingKeys returns the keys looked up and absent, deduplicated ignoring
// case (first spelling wins), sorted ignoring case, and how many of them
// the list limit left out. The positions of the keys are sorted by key,
// then by position, so that the first spelling of each key leads its run.
func (c *collector) missingKeys() (keys []string, more int) {
	n := 0
	for i := range c.fulls { // brief results have no missing keys
		n += len(c.fulls[i].MissingKeys)
	}
	if n == 0 {
		return nil, 0
	}
	// The keys are sorted by position in all, compared as normalized,
	// rather than paired with normalized copies (issue 15: 100,000
	// missing keys took 4 MB that way). One result's list is all itself.
	all := c.fulls[0].MissingKeys
	if len(all) < n {
		all = make([]string, 0, n)
		for i := range c.fulls {
			all = append(all, c.fulls[i].MissingKeys...)
		}
	}
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := condition.CompareKeys(all[i], all[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	if c.listLimit > 0 {
		n = min(n, c.listLimit)
	}
	keys = make([]string, 0, n)
	for k, i := range order {
		if k > 0 && condition.CompareKeys(all[order[k-1]], all[i]) == 0 {
			continue
		}
		if c.listed(len(keys)) {
			keys = append(keys, all[i])
		} else {
			more++
		}
	}
	return slices.Clip(keys), more
}

// litType maps a grant input to the policy type that supplies it.
func litType(l lits) policy.Type {
	switch l {
	case litID:
		return policy.Identity
	case litPB:
		return policy.PermissionsBoundary
	case litSP:
		return policy.Session
	}
	return policy.Resource
}

// satisfiedPaths returns the union of the inputs of every satisfied path.
func (c *collector) satisfiedPaths() lits {
	var u lits
	for _, p := range c.st.paths {
		if c.st.have&p == p {
			u |= p
		}
	}
	return u
}

// allowing returns the Allow statements behind an allowed decision: for
// every input of a satisfied path the statements that supplied it, plus
// the allows of each SCP level and VPC endpoint policy.
func (c *collector) allowing() (out []StatementRef, more int) {
	need := c.satisfiedPaths()
	for i := range c.records {
		e := &c.records[i]
		if !e.applies || e.stmt.Effect() != policy.Allow {
			continue
		}
		use := false
		switch c.placed[e.at].typ {
		case policy.Identity:
			use = need&litID != 0
		case policy.PermissionsBoundary:
			use = need&litPB != 0
		case policy.Session:
			use = need&litSP != 0
		case policy.Resource:
			switch e.pm {
			case policy.PrincipalDirect:
				use = need&litRPd != 0
			case policy.PrincipalIndirect:
				use = need&litRPi != 0
			case policy.PrincipalAccount:
				use = need&litRPa != 0
			}
		case policy.SCP, policy.VPCEndpoint:
			use = true
		}
		if use && !c.listed(len(out)) {
			more++
		} else if use {
			rec := c.record(i)
			out = append(out, ref(&rec))
		}
	}
	return out, more
}

// listed reports whether a list holding n entries takes one more under
// the collector's list limit.
func (c *collector) listed(n int) bool {
	return c.listLimit <= 0 || n < c.listLimit
}

// missingAllow names the policy types that lacked an allow: the inputs
// missing from the closest combination path, then failed gates.
func (c *collector) missingAllow() []policy.Type {
	st := &c.st
	var missing lits
	found := false
	best := 0
	onlyRP := true
	for _, p := range st.paths {
		if p&litRP == 0 {
			onlyRP = false
		}
	}
	for _, p := range st.paths {
		if !st.sel.has(stepResource) && !onlyRP && p&litRP != 0 {
			continue // no resource policy: only identity-side paths are real
		}
		m := p &^ st.have
		n := bitCount(m)
		if n == 0 {
			continue // satisfied path: the deny is a gate's
		}
		if !found || n <= best { // ties go to the later (more general) path
			found, best, missing = true, n, m
		}
	}
	if granted(st.paths, st.have) {
		missing = 0
	}
	set := map[policy.Type]bool{}
	for _, l := range []lits{litID, litPB, litSP, litRPd, litRPi, litRPa} {
		if missing&l != 0 {
			set[litType(l)] = true
		}
	}
	if !st.scpOK {
		set[policy.SCP] = true
	}
	if !st.vpceOK {
		set[policy.VPCEndpoint] = true
	}
	var out []policy.Type
	for t := policy.Identity; t <= policy.VPCEndpoint; t++ {
		if set[t] {
			out = append(out, t)
		}
	}
	return out
}

func bitCount(l lits) int {
	n := 0
	for ; l != 0; l &= l - 1 {
		n++
	}
	return n
}

// closest ranks the Allow statements of the missing types that did not
// apply by how far matching got.
func (c *collector) closest(missing []policy.Type) []NearMiss {
	if len(missing) == 0 {
		return nil
	}
	// Gates: only the levels or endpoint policies that lacked an allow.
	failedLevel := map[int]bool{}
	failedVPCE := map[int]bool{}
	for _, n := range c.outcomes {
		switch n.typ {
		case policy.SCP:
			if !c.levelAllows(n.level) {
				failedLevel[n.level] = true
			}
		case policy.VPCEndpoint:
			if !n.out.Allow {
				failedVPCE[n.index] = true
			}
		}
	}
	var cands []recorded
	for i := range c.records {
		e := &c.records[i]
		p := &c.placed[e.at]
		if e.applies || e.stmt.Effect() != policy.Allow || !slices.Contains(missing, p.typ) {
			continue
		}
		if p.typ == policy.SCP && !failedLevel[p.level] || p.typ == policy.VPCEndpoint && !failedVPCE[p.index] {
			continue
		}
		cands = append(cands, c.record(i))
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].res.Failed > cands[j].res.Failed })
	if len(cands) > MaxClosest {
		cands = cands[:MaxClosest]
	}
	var out []NearMiss
	for _, rec := range cands {
		rec = rec.full()
		nm := NearMiss{
			StatementRef: ref(&rec),
			Failed:       rec.res.Failed.String(),
			Detail:       rec.res.Detail,
			At:           failedAt(&rec.res).LineColumn(),
		}
		if keys := rec.res.MissingKeys; len(keys) > 0 {
			// The result is this explanation's own (release clears
			// the collector's), so its list is shared, not copied.
			if c.listLimit > 0 && len(keys) > c.listLimit {
				keys, nm.MissingKeysMore = keys[:c.listLimit], len(keys)-c.listLimit
			}
			nm.MissingKeys = slices.Clip(keys)
		}
		out = append(out, nm)
	}
	return out
}

// levelAllows reports whether some SCP policy of level allowed.
func (c *collector) levelAllows(level int) bool {
	for _, n := range c.outcomes {
		if n.typ == policy.SCP && n.level == level && n.out.Allow {
			return true
		}
	}
	return false
}

// ref builds the StatementRef of a recorded statement.
func ref(rec *recorded) StatementRef {
	s := rec.res.Statement
	return StatementRef{
		PolicyID:   policyID(rec.slot),
		PolicyType: rec.typ,
		Level:      rec.level,
		Index:      s.Index(),
		Sid:        s.Sid(),
		Effect:     s.Effect(),
		Pos:        s.Pos().LineColumn(),
		End:        s.End().LineColumn(),
	}
}

// policyID is the policy's own id, else its place in the set
// ("identity[2]", "scp[0][1]"), as the scenario format names policies.
func policyID(s slot) string {
	if id := s.policy.ID(); id != "" {
		return id
	}
	switch s.typ {
	case policy.SCP, policy.RCP:
		return fmt.Sprintf("%s[%d][%d]", s.typ, s.level-1, s.index)
	case policy.PermissionsBoundary, policy.Resource:
		return s.typ.String()
	}
	return fmt.Sprintf("%s[%d]", s.typ, s.index)
}

// failedAt returns where the element that kept a statement from applying
// is written: the first failing condition clause's key when a Condition
// failed, else the key of the failed element (Action, Resource, ...).
func failedAt(res *policy.StatementResult) diag.Position {
	st := res.Statement
	if res.Failed == policy.PartCondition && res.Condition != nil {
		for _, c := range res.Condition.Clauses {
			if !c.Passed {
				return st.ClausePos(c.Index)
			}
		}
	}
	return st.ElementPos(res.Failed)
}

// statements lists every recorded statement. For a statement stopped by
// its Condition it evaluates r again with that statement forced to apply.
func (c *collector) statements(ps *PolicySet, r *Request) []EvaluatedStatement {
	out := make([]EvaluatedStatement, 0, len(c.records))
	ifApplied := map[*policy.Statement]Decision{}
	for i := range c.records {
		rec := c.record(i)
		res := &rec.res
		es := EvaluatedStatement{StatementRef: ref(&rec), Applies: res.Applies, Detail: res.Detail}
		if !res.Applies {
			es.Failed = res.Failed.String()
		}
		if res.Condition != nil {
			for _, cr := range res.Condition.Clauses {
				es.Clauses = append(es.Clauses, ClauseResult{
					Index:         cr.Index,
					Operator:      cr.Operator,
					Key:           cr.Key,
					Values:        cr.PolicyValues,
					RequestValues: cr.RequestValues,
					Passed:        cr.Passed,
					Missing:       cr.Missing,
					Unknown:       cr.Unknown,
					Reason:        cr.Reason,
				})
			}
		}
		if !res.Applies && res.Failed == policy.PartCondition {
			d, seen := ifApplied[res.Statement]
			if !seen {
				d = run(ps, r, &collector{force: res})
				ifApplied[res.Statement] = d
			}
			es.IfApplied = &d
		}
		out = append(out, es)
	}
	return out
}

// evalPolicy evaluates p in explain mode. A collector that records hands
// itself to package policy; a counterfactual collector (force set) takes
// the fast path and adds the forced statement's effect to the outcome of
// the policy that holds it, as if its Condition had held.
func (c *collector) evalPolicy(q *policy.Request, p *policy.Policy) policy.Outcome {
	if c.force == nil {
		return p.Eval(q, c)
	}
	o := p.Eval(q, nil)
	if s := c.force.Statement; s != nil && s.Policy() == p {
		if s.Effect() == policy.Deny {
			o.Deny = true
		} else {
			o.Allow = true
			switch c.force.Principal {
			case policy.PrincipalDirect:
				o.AllowDirect = true
			case policy.PrincipalIndirect:
				o.AllowIndirect = true
			case policy.PrincipalAccount:
				o.AllowAccount = true
			}
		}
	}
	return o
}
