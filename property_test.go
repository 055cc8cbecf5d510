package iameval

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propertyCases is how many generated cases each property test checks.
const propertyCases = 600

// genCases returns n generated cases that parse, with their requests.
func genCases(t *testing.T, seed uint64, n int) []builtCase {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 0x1a2b3c))
	var out []builtCase
	for len(out) < n {
		gc := genCaseOf(r)
		ps, ok := gc.set.build(t)
		if !ok {
			t.Fatalf("generator produced a policy the parser rejects")
		}
		req, err := NewRequest(gc.in)
		require.NoError(t, err)
		out = append(out, builtCase{gen: gc, ps: ps, r: req})
	}
	return out
}

type builtCase struct {
	gen genCase
	ps  *PolicySet
	r   *Request
}

// TestPropertyExplainAgrees checks the differential invariant: Explain runs
// the same evaluator as Evaluate.
func TestPropertyExplainAgrees(t *testing.T) {
	t.Parallel()
	counts := map[Decision]int{}
	for _, c := range genCases(t, 1, propertyCases) {
		d := Evaluate(c.ps, c.r)
		x := Explain(c.ps, c.r)
		counts[d]++
		if !assert.Equal(t, d, x.Decision) {
			t.Logf("%s", x)
		}
		switch d {
		case ExplicitDeny:
			assert.NotEmpty(t, x.Deciding, "an explicit deny names its Deny statements\n%s", x)
		case ImplicitDeny:
			if x.Reason == "" {
				assert.NotEmpty(t, x.MissingAllow, "an implicit deny names the missing type\n%s", x)
			}
		}
	}
	// The generator must exercise all three outcomes, or the properties
	// below prove little.
	for _, d := range []Decision{ImplicitDeny, ExplicitDeny, Allowed} {
		assert.Greater(t, counts[d], propertyCases/20, "too few %s cases: %v", d, counts)
	}
}

// TestPropertyAddDeny: adding a Deny statement to any policy never turns a
// decision into allowed, and never lifts an explicit deny.
func TestPropertyAddDeny(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(2, 7))
	for _, c := range genCases(t, 2, propertyCases) {
		before := Evaluate(c.ps, c.r)
		g := c.gen.set.clone()
		slots := g.slots()
		if len(slots) == 0 {
			continue
		}
		s := pick(r, slots)
		st := genStatement(r, s.t)
		st.deny = true
		s.p.stmts = append(s.p.stmts, st)
		ps, ok := g.build(t)
		require.True(t, ok)
		after := Evaluate(ps, c.r)
		if before != Allowed {
			assert.NotEqual(t, Allowed, after, "adding a Deny allowed a request: %s %s %s\n%s", c.r.Principal().ARN(), c.r.Action(), c.r.Resource(), Explain(ps, c.r))
		}
		if before == ExplicitDeny {
			assert.Equal(t, ExplicitDeny, after, "adding a Deny lifted an explicit deny")
		}
	}
}

// TestPropertyRemoveAllow: removing an Allow statement never turns a
// decision into allowed.
func TestPropertyRemoveAllow(t *testing.T) {
	t.Parallel()
	for _, c := range genCases(t, 3, propertyCases) {
		before := Evaluate(c.ps, c.r)
		if before == Allowed {
			continue
		}
		orig := c.gen.set.clone()
		for k, s := range orig.slots() {
			for i, st := range s.p.stmts {
				if st.deny || len(s.p.stmts) == 1 {
					continue // a policy needs a statement; removing the policy is not removing an allow
				}
				g := c.gen.set.clone()
				x := g.slots()[k]
				x.p.stmts = append(x.p.stmts[:i:i], x.p.stmts[i+1:]...)
				ps, ok := g.build(t)
				require.True(t, ok)
				assert.NotEqual(t, Allowed, Evaluate(ps, c.r), "removing an Allow allowed a request: %s %s", c.r.Action(), c.r.Resource())
			}
		}
	}
}

// TestPropertyOrderIndependent: the decision does not depend on the order
// of policies, levels or statements.
func TestPropertyOrderIndependent(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(4, 9))
	for _, c := range genCases(t, 4, propertyCases) {
		want := Evaluate(c.ps, c.r)
		for range 3 {
			ps, ok := c.gen.set.shuffled(r).build(t)
			require.True(t, ok)
			assert.Equal(t, want, Evaluate(ps, c.r), "order changed the decision: %s %s", c.r.Action(), c.r.Resource())
			assert.Equal(t, want, Explain(ps, c.r).Decision)
		}
	}
}

// TestConcurrentEvaluate evaluates shared policy sets and requests from
// many goroutines at once; run it with -race.
func TestConcurrentEvaluate(t *testing.T) {
	t.Parallel()
	cases := genCases(t, 5, 200)
	want := make([]Decision, len(cases))
	for i, c := range cases {
		want[i] = Evaluate(c.ps, c.r)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 5 {
				for i := range cases {
					c := cases[(i+g*31+round*7)%len(cases)]
					idx := (i + g*31 + round*7) % len(cases)
					got := Evaluate(c.ps, c.r)
					if round%2 == 1 {
						got = Explain(c.ps, c.r).Decision
					}
					if got != want[idx] {
						select {
						case errs <- c.r.Action() + " " + c.r.Resource() + ": " + got.String() + " != " + want[idx].String():
						default:
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzEvaluate drives the generator from fuzzed seeds: Explain must agree
// with Evaluate, and reordering policies and statements must not change
// the decision.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []uint64{0, 1, 42, 1 << 40} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		r := rand.New(rand.NewPCG(seed, seed^0x5eed))
		gc := genCaseOf(r)
		ps, ok := gc.set.build(t)
		if !ok {
			t.Fatal("generator produced a policy the parser rejects")
		}
		req, err := NewRequest(gc.in)
		if err != nil {
			t.Fatal(err)
		}
		d := Evaluate(ps, req)
		if x := Explain(ps, req); x.Decision != d {
			t.Fatalf("Explain %s != Evaluate %s\n%s", x.Decision, d, x)
		}
		ps2, ok := gc.set.shuffled(r).build(t)
		if !ok {
			t.Fatal("shuffled set rejected")
		}
		if d2 := Evaluate(ps2, req); d2 != d {
			t.Fatalf("order changed the decision: %s != %s", d2, d)
		}
	})
}
