package scenario

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval"
	"github.com/iameval/iameval/diag"
	"github.com/iameval/iameval/policy"
)

// TestClausesFromSourceMatchEngine holds the clauses that coverage reads
// from a policy's text against the clauses the engine evaluates, over every
// scenario of the corpus: same count, order, operator and key. Coverage
// relies on it to list the clauses of Conditions no case evaluated.
func TestClausesFromSourceMatchEngine(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pat := range []string{"testdata/scenarios/*.json", "testdata/coverage/*.json", "../../shared/conformance/*.json"} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	compared := 0
	for _, name := range files {
		f, err := LoadFile(name)
		require.NoError(t, err, name)
		written := map[diag.Position][]writtenClause{}
		for p, src := range f.sources {
			doc := src.posDoc()
			require.NotNil(t, doc, "%s: policy %s text", name, p.ID())
			for _, s := range p.Statements() {
				written[s.Pos().LineColumn()] = src.clauses(s, doc)
			}
		}
		for _, c := range f.Cases {
			x := iameval.ExplainWith(c.Policies, c.Request(), iameval.ExplainOptions{Statements: true})
			for _, es := range x.Statements {
				wc, ok := written[es.Pos]
				require.True(t, ok, "%s: %s has a source", name, es.StatementRef)
				if es.Clauses == nil {
					continue
				}
				require.Len(t, wc, len(es.Clauses), "%s: %s", name, es.StatementRef)
				for i, cr := range es.Clauses {
					assert.Equal(t, cr.Operator, wc[i].operator, "%s: %s clause %d", name, es.StatementRef, i)
					assert.Equal(t, cr.Key, wc[i].key, "%s: %s clause %d", name, es.StatementRef, i)
					compared++
				}
			}
		}
	}
	assert.Greater(t, compared, 50, "too few evaluated clauses to compare")
}

// TestClausesOfBrokenSource checks that text that does not hold the
// statement yields no clauses rather than a panic.
func TestClausesOfBrokenSource(t *testing.T) {
	t.Parallel()
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`
	p, err := policy.Parse([]byte(doc), policy.Source{ID: "p"})
	require.NoError(t, err)
	s := p.Statements()[0]
	good := &policySource{text: doc}
	require.Len(t, good.clauses(s, good.posDoc()), 1)
	for _, src := range []*policySource{
		{text: doc[:20]},
		{text: doc, base: 1000},
		{text: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Nope":{"k":"v"}}}]}`},
	} {
		assert.Nil(t, src.clauses(s, good.posDoc()))
	}
	assert.Nil(t, good.clauses(s, nil))
	assert.Nil(t, (&policySource{text: "{"}).posDoc())
}
