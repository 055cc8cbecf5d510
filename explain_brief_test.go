package iameval

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
)

// listRecorder keeps every statement result; brief says whether it takes
// brief ones (policy.BriefRecorder).
type listRecorder struct {
	brief bool
	got   []policy.StatementResult
}

func (l *listRecorder) Record(r policy.StatementResult) { l.got = append(l.got, r) }
func (l *listRecorder) Brief() bool                     { return l.brief }

// TestBriefResultsAreFull holds brief statement results against full ones
// over generated policy sets and requests (with absent, unknown and
// variable keys): a brief result matches as far as the full one, has no
// missing key or unknown clause to report, and Statement.Explain gives
// back the full result exactly; a statement with something to report is
// never brief, and its result is the full one with a lean condition trace
// (Statement.ExplainLean). The explanation relies on it to build details
// lazily.
func TestBriefResultsAreFull(t *testing.T) {
	t.Parallel()
	opts := cmp.Comparer(func(a, b *policy.Statement) bool { return a == b })
	briefs := 0
	for _, c := range genCases(t, 21, propertyCases) {
		for _, p := range allPolicies(c.ps) {
			q := &c.r.preq
			if p.Type() == policy.PermissionsBoundary {
				q = &c.r.preqBoundary
			}
			brief, full := &listRecorder{brief: true}, &listRecorder{}
			assert.Equal(t, p.Eval(q, full), p.Eval(q, brief), "the outcome does not depend on the recorder")
			if !assert.Len(t, brief.got, len(full.got)) {
				continue
			}
			for i, b := range brief.got {
				f := full.got[i]
				if !b.Brief {
					assert.Empty(t, cmp.Diff(leanOf(f), b, opts), "a result that is not brief is the full one, its trace lean")
					assert.Empty(t, cmp.Diff(b, b.Statement.ExplainLean(q), opts), "Statement.ExplainLean gives it")
					continue
				}
				briefs++
				assert.Equal(t, [3]any{f.Applies, f.Principal, f.Failed}, [3]any{b.Applies, b.Principal, b.Failed}, "a brief result matches as far as the full one")
				assert.Empty(t, f.MissingKeys, "a brief result hides no missing key")
				if f.Condition != nil {
					for _, cl := range f.Condition.Clauses {
						assert.False(t, cl.Unknown, "a brief result hides no unknown clause")
					}
				}
				assert.Empty(t, cmp.Diff(f, b.Statement.Explain(q), opts), "Statement.Explain gives the full result")
			}
		}
	}
	assert.Greater(t, briefs, propertyCases, "the generator must produce brief results")
}

// leanOf returns the full result r with the lean form of its condition
// trace (condition.Trace.Lean): the first clause that did not pass and the
// clauses of unknown truth, without values; the missing keys all kept.
func leanOf(r policy.StatementResult) policy.StatementResult {
	if r.Condition == nil {
		return r
	}
	t := &condition.Trace{Missing: r.Condition.Missing, Lean: true}
	failed := false
	for _, cr := range r.Condition.Clauses {
		if cr.Unknown || !cr.Passed && !failed {
			cr.PolicyValues, cr.RequestValues = nil, nil
			t.Clauses = append(t.Clauses, cr)
		}
		failed = failed || !cr.Passed
	}
	r.Condition = t
	return r
}

// TestExplainBriefAgrees checks that the Explanation built from brief
// results (Explain) is the one built from full results (ExplainWith with
// Statements, which asks for full results), Statements aside.
func TestExplainBriefAgrees(t *testing.T) {
	t.Parallel()
	for _, c := range genCases(t, 22, propertyCases) {
		brief := Explain(c.ps, c.r)
		full := ExplainWith(c.ps, c.r, ExplainOptions{Statements: true})
		full.Statements = nil
		assert.Empty(t, cmp.Diff(full, brief))
	}
}

// allPolicies lists every policy of ps.
func allPolicies(ps *PolicySet) []*policy.Policy {
	all := append(append([]*policy.Policy(nil), ps.Identity...), ps.Session...)
	for _, p := range []*policy.Policy{ps.PermissionsBoundary, ps.Resource} {
		if p != nil {
			all = append(all, p)
		}
	}
	for _, level := range append(append([][]*policy.Policy(nil), ps.SCP...), ps.RCP...) {
		all = append(all, level...)
	}
	return append(all, ps.VPCEndpoint...)
}

// TestExplainConcurrent explains generated cases from several goroutines
// at once: the recycled collectors must not leak one explanation into
// another (run it with -race too).
func TestExplainConcurrent(t *testing.T) {
	t.Parallel()
	cases := genCases(t, 24, 200)
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = Explain(c.ps, c.r).String()
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range cases {
				i := (k + g*37) % len(cases)
				if got := Explain(cases[i].ps, cases[i].r).String(); got != want[i] {
					t.Errorf("case %d explained differently under concurrency:\n%s\nwant\n%s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
