package scenario

import (
	"cmp"
	"slices"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/internal/jsonsrc"
	"github.com/iameval/iameval/policy"
)

// Coverage says which statements and condition clauses of a suite's
// policies decided at least one of its cases: unit-test coverage for
// policies. [MeasureCoverage] computes it; `iameval test --coverage`
// prints it, and its JSON form is that command's "coverage" object.
//
// A statement decided a case when it is among the deciding statements of
// the case's explanation ([iameval.Explanation].Deciding): for an explicit
// deny, a Deny statement that matched; for an allowed request, an Allow
// statement that supplied a grant the decision needed. No statement
// decides an implicit deny.
//
// A condition clause (one operator and key of a Condition element)
// decided a case when either
//   - its statement decided the case, so every clause held; or
//   - it was the only clause of its statement that failed, Principal,
//     Action and Resource having matched, and the decision would have been
//     different had the statement applied ([iameval.EvaluatedStatement]
//     IfApplied). The clause alone kept the decision: a Deny whose
//     condition spared an allowed request, or the one Allow that would
//     have granted a denied one. When two clauses of a statement fail,
//     neither decides alone.
//
// Statements are identified across cases and files by policy type, policy
// id and position (file, line, column): a policy of the file-level POLICY
// SET, shared by every case, is counted once, as is one policy file used
// under the same id by several scenario files; a case's own policy is its
// own. A statement never consulted (no case read its policy: say a
// permissions boundary with only root-user cases, or only cases decided
// before any policy is read, like sts:GetCallerIdentity) is listed and
// never decided.
//
// "Different" compares the three decisions: a Deny whose Condition failed
// in an implicitly denied case decided it too, since applying would have
// made it an explicit deny.
type Coverage struct {
	// Cases is the number of cases measured.
	Cases int `json:"cases"`
	// Statements and Clauses count the statements and condition clauses
	// and how many of them decided at least one case.
	Statements Count `json:"statements"`
	Clauses    Count `json:"clauses"`
	// Policies lists every policy, ordered by file and position, with
	// every statement.
	Policies []PolicyCoverage `json:"policies"`
}

// Count is a number of statements or clauses and how many of them decided
// at least one case.
type Count struct {
	// Total is the number of statements or clauses.
	Total int `json:"total"`
	// Decided is how many of them decided at least one case.
	Decided int `json:"decided"`
}

// PolicyCoverage is the coverage of one policy's statements.
type PolicyCoverage struct {
	// ID is the policy's id ("Reports", "identity[0]").
	ID string `json:"id"`
	// Type is where the policy is attached.
	Type policy.Type `json:"type"`
	// File is the file its statements are in.
	File string `json:"file,omitempty"`
	// Statements lists the statements in document order.
	Statements []StatementCoverage `json:"statements"`
}

// StatementCoverage is the coverage of one statement.
type StatementCoverage struct {
	// Index, Sid, Effect and Pos identify the statement as
	// [iameval.StatementRef] does.
	Index  int           `json:"index"`
	Sid    string        `json:"sid,omitempty"`
	Effect policy.Effect `json:"effect"`
	Pos    diag.Position `json:"pos"`
	// Consulted counts the cases whose evaluation matched the statement
	// against the request (its policy type was consulted).
	Consulted int `json:"consulted"`
	// Decided counts the cases the statement decided.
	Decided int `json:"decided"`
	// Clauses lists the statement's condition clauses, in the order of
	// [iameval.ClauseResult].Index.
	Clauses []ClauseCoverage `json:"clauses,omitempty"`
}

// ClauseCoverage is the coverage of one condition clause.
type ClauseCoverage struct {
	// Index is the clause's place in the Condition element.
	Index int `json:"index"`
	// Operator (canonical spelling) and Key (as written) name the clause.
	Operator string `json:"operator"`
	Key      string `json:"key"`
	// Pos is where the condition key is written; the statement's position
	// when the policy's text is not known.
	Pos diag.Position `json:"pos"`
	// Decided counts the cases the clause decided.
	Decided int `json:"decided"`
}

// Complete reports whether every statement and every condition clause
// decided at least one case.
func (c *Coverage) Complete() bool {
	return c.Statements.Decided == c.Statements.Total && c.Clauses.Decided == c.Clauses.Total
}

// StatementPercent returns the share of statements that decided at least
// one case, in percent: what `iameval test --min-coverage N` compares with
// N. It is 100 when there is no statement.
func (c *Coverage) StatementPercent() float64 {
	if c.Statements.Total == 0 {
		return 100
	}
	return 100 * float64(c.Statements.Decided) / float64(c.Statements.Total)
}

// MeasureCoverage evaluates every case of files with
// [iameval.ExplainWith] (per-statement results switched on) and reports
// which statements and condition clauses decided at least one case. It
// evaluates each case again: the decisions are those of [File.Run], and
// every statement stopped by its Condition costs one more evaluation.
func MeasureCoverage(files ...*File) *Coverage {
	m := newMeter()
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, c := range f.Cases {
			m.measure(f.sources, c)
		}
	}
	return m.result()
}

// CoverageMeter measures coverage case by case as [Files.RunEach] runs
// the cases (see [Files.Meter]), so that a run need not keep its cases
// to report coverage: loading 350,000 cases to measure them took a
// minute and 13 times the file (issue 15). Its Coverage is the one
// [MeasureCoverage] gives for the same files. It is not safe for
// concurrent use.
type CoverageMeter struct{ m *meter }

// NewCoverageMeter returns a meter that has measured no case.
func NewCoverageMeter() *CoverageMeter { return &CoverageMeter{m: newMeter()} }

// Coverage returns the coverage of the cases measured so far.
func (cm *CoverageMeter) Coverage() *Coverage { return cm.m.result() }

// newMeter returns an empty meter.
func newMeter() *meter {
	return &meter{stmts: map[stmtKey]*stmtTally{}, docs: map[*policySource]*jsonsrc.Doc{}}
}

// stmtKey identifies a statement across cases and files.
type stmtKey struct {
	typ          policy.Type
	id, file     string
	line, column int
}

// stmtTally accumulates one statement's coverage.
type stmtTally struct {
	policyID string
	typ      policy.Type
	first    int // offset of the policy's first statement; -1 when unknown
	offset   int // offset of the statement; -1 when unknown
	cov      StatementCoverage
}

// meter accumulates coverage over cases.
type meter struct {
	cases int
	stmts map[stmtKey]*stmtTally
	docs  map[*policySource]*jsonsrc.Doc
}

// refKey returns the key of a statement as an explanation names it.
func refKey(r iameval.StatementRef) stmtKey {
	return stmtKey{typ: r.PolicyType, id: r.PolicyID, file: r.Pos.File, line: r.Pos.Line, column: r.Pos.Column}
}

// measure evaluates case c and counts what decided it; sources are the
// texts of the policies of c's file.
func (m *meter) measure(sources map[*policy.Policy]*policySource, c *Case) {
	if c == nil {
		return
	}
	r := c.Request()
	if r == nil {
		return
	}
	m.register(sources, c.Policies)
	x := iameval.ExplainWith(c.Policies, r, iameval.ExplainOptions{Statements: true})
	m.cases++
	consulted := map[*stmtTally]bool{}
	decided := map[*stmtTally]bool{}
	type clauseRef struct {
		s *stmtTally
		i int
	}
	clauses := map[clauseRef]bool{}
	for _, r := range x.Deciding {
		if s := m.stmts[refKey(r)]; s != nil {
			decided[s] = true
		}
	}
	for _, es := range x.Statements {
		s := m.stmts[refKey(es.StatementRef)]
		if s == nil {
			s = m.adopt(es.StatementRef)
		}
		s.learn(es.Clauses)
		consulted[s] = true
		if es.Failed != "Condition" || es.IfApplied == nil || *es.IfApplied == x.Decision {
			continue
		}
		failing := -1
		for _, cr := range es.Clauses {
			if cr.Passed {
				continue
			}
			if failing >= 0 {
				failing = -1 // two failing clauses: neither decides alone
				break
			}
			failing = cr.Index
		}
		if failing >= 0 {
			clauses[clauseRef{s, failing}] = true
		}
	}
	for s := range consulted {
		s.cov.Consulted++
	}
	for s := range decided {
		s.cov.Decided++
		for i := range s.cov.Clauses {
			clauses[clauseRef{s, i}] = true
		}
	}
	for cr := range clauses {
		if cr.i < len(cr.s.cov.Clauses) {
			cr.s.cov.Clauses[cr.i].Decided++
		}
	}
}

// register adds the statements of every policy of ps not seen before,
// with the condition clauses written in their source.
func (m *meter) register(sources map[*policy.Policy]*policySource, ps *iameval.PolicySet) {
	if ps == nil {
		return
	}
	add := func(p *policy.Policy) {
		if p == nil || p.ID() == "" {
			return // named by its place in the set: adopted when evaluated
		}
		stmts := p.Statements()
		for _, s := range stmts {
			pos := s.Pos()
			k := stmtKey{typ: p.Type(), id: p.ID(), file: pos.File, line: pos.Line, column: pos.Column}
			if m.stmts[k] != nil {
				continue
			}
			t := &stmtTally{
				policyID: p.ID(), typ: p.Type(), first: stmts[0].Pos().Offset, offset: pos.Offset,
				cov: StatementCoverage{Index: s.Index(), Sid: s.Sid(), Effect: s.Effect(), Pos: pos.LineColumn()},
			}
			if src := sources[p]; src != nil {
				for i, wc := range src.clauses(s, m.doc(src)) {
					t.cov.Clauses = append(t.cov.Clauses, ClauseCoverage{Index: i, Operator: wc.operator, Key: wc.key, Pos: wc.pos.LineColumn()})
				}
			}
			m.stmts[k] = t
		}
	}
	for _, p := range ps.Identity {
		add(p)
	}
	for _, p := range ps.Session {
		add(p)
	}
	add(ps.PermissionsBoundary)
	add(ps.Resource)
	for _, level := range ps.SCP {
		for _, p := range level {
			add(p)
		}
	}
	for _, level := range ps.RCP {
		for _, p := range level {
			add(p)
		}
	}
	for _, p := range ps.VPCEndpoint {
		add(p)
	}
}

// adopt adds a statement known only from an explanation.
func (m *meter) adopt(r iameval.StatementRef) *stmtTally {
	t := &stmtTally{
		policyID: r.PolicyID, typ: r.PolicyType, first: -1, offset: -1,
		cov: StatementCoverage{Index: r.Index, Sid: r.Sid, Effect: r.Effect, Pos: r.Pos},
	}
	m.stmts[refKey(r)] = t
	return t
}

// learn fills in clauses the source did not give (a policy whose text is
// not known), or corrects them from what the engine evaluated.
func (t *stmtTally) learn(results []iameval.ClauseResult) {
	for _, cr := range results {
		for len(t.cov.Clauses) <= cr.Index {
			t.cov.Clauses = append(t.cov.Clauses, ClauseCoverage{Index: len(t.cov.Clauses), Pos: t.cov.Pos})
		}
		c := &t.cov.Clauses[cr.Index]
		if c.Operator != cr.Operator || c.Key != cr.Key {
			c.Operator, c.Key, c.Pos = cr.Operator, cr.Key, t.cov.Pos
		}
	}
}

// doc returns the positioning document of src, parsed once.
func (m *meter) doc(src *policySource) *jsonsrc.Doc {
	d, ok := m.docs[src]
	if !ok {
		d = src.posDoc()
		m.docs[src] = d
	}
	return d
}

// result orders the statements by policy and totals them.
func (m *meter) result() *Coverage {
	tallies := make([]*stmtTally, 0, len(m.stmts))
	for _, t := range m.stmts {
		tallies = append(tallies, t)
	}
	slices.SortFunc(tallies, func(a, b *stmtTally) int {
		return cmp.Or(
			cmp.Compare(a.cov.Pos.File, b.cov.Pos.File),
			cmp.Compare(a.first, b.first),
			cmp.Compare(a.typ, b.typ),
			cmp.Compare(a.policyID, b.policyID),
			cmp.Compare(a.cov.Index, b.cov.Index),
			cmp.Compare(a.offset, b.offset),
		)
	})
	cov := &Coverage{Cases: m.cases, Policies: []PolicyCoverage{}}
	var prev *stmtTally
	for _, t := range tallies {
		if prev == nil || prev.cov.Pos.File != t.cov.Pos.File || prev.first != t.first || prev.typ != t.typ || prev.policyID != t.policyID {
			cov.Policies = append(cov.Policies, PolicyCoverage{ID: t.policyID, Type: t.typ, File: t.cov.Pos.File})
		}
		prev = t
		n := len(cov.Policies)
		p := &cov.Policies[n-1]
		p.Statements = append(p.Statements, t.cov)
		cov.Statements.Total++
		if t.cov.Decided > 0 {
			cov.Statements.Decided++
		}
		for _, c := range t.cov.Clauses {
			cov.Clauses.Total++
			if c.Decided > 0 {
				cov.Clauses.Decided++
			}
		}
	}
	return cov
}
