package policy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/principal"
)

// Building blocks of random policies: they cover every way a statement is
// filed by the index (resource prefixes, service prefixes, always list)
// and every way an entry can match or not.
var (
	randActions = []string{`"*"`, `"s3:*"`, `"s3:GetObject"`, `"s3:Get*"`, `"S3:getobject"`, `"ec2:Describe*"`,
		`"iam:?etUser"`, `"s3*:GetObject"`, `"sts:AssumeRole"`, `["s3:PutObject", "ec2:*"]`}
	randResources = []string{`"*"`, `"arn:aws:s3:::b/*"`, `"arn:aws:s3:::b"`, `"arn:aws:s3:::b/${aws:username}/*"`,
		`"arn:aws:s3:*"`, `"arn:*"`, `"arn:aws:*:*:*:*"`, `"arn:aws:ec2:*:111122223333:instance/*"`,
		`"arn:aws:iam::111122223333:user/alice"`, `"arn:aws:s3:::c*"`, `"arn:aws*:s3:::b/*"`,
		`"arn:aws:s3:::home/${aws:PrincipalTag/team}/*"`, `"arn:aws:s3"`, `["arn:aws:s3:::b/k", "arn:aws:s3:::c"]`,
		`"arn:aws:s3:::b/${aws:PrincipalTag/project}"`, `"arn:aws:s3:::${*}"`}
	randPrincipals = []string{`"*"`, `{"AWS": "111122223333"}`, `{"AWS": "arn:aws:iam::111122223333:user/alice"}`,
		`{"AWS": "arn:aws:iam::111122223333:role/ops/Dev"}`, `{"AWS": "arn:aws:sts::111122223333:assumed-role/Dev/alice"}`,
		`{"Service": "lambda.amazonaws.com"}`, `{"AWS": ["444455556666", "AROAEXAMPLEDEV"]}`}
	randConditions = []string{``, `{"Bool": {"aws:SecureTransport": "true"}}`, `{"StringEquals": {"aws:username": "alice"}}`,
		`{"StringNotEqualsIfExists": {"aws:PrincipalTag/team": "ops"}}`}

	randReqActions   = []string{"s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "iam:GetUser", "sts:AssumeRole", "S3:GETOBJECT"}
	randReqResources = []string{"*", "arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::b/alice/x", "arn:aws:s3:::c",
		"arn:aws:s3:::home/analytics/x", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:iam::111122223333:user/alice",
		"arn:aws-cn:s3:::b/k", "notarn", "arn:aws:s3:::*", "arn:aws:s3:::b/${aws:username}/*"}
	randCallers = []func(testing.TB) principal.Principal{callerUser, callerRoot, callerOtherUser, callerSession,
		callerFederated, callerService, callerAnonymous, callerWeb}
)

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// randomPolicy returns a random valid policy of type typ.
func randomPolicy(rng *rand.Rand, typ Type) string {
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	n := 1 + rng.IntN(12)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		effect := "Allow"
		if rng.IntN(3) == 0 {
			effect = "Deny"
		}
		fmt.Fprintf(&b, `{"Effect": %q`, effect)
		if typ == Resource {
			elem := "Principal"
			if rng.IntN(5) == 0 {
				elem = "NotPrincipal"
			}
			fmt.Fprintf(&b, `, %q: %s`, elem, pick(rng, randPrincipals))
		}
		elem := "Action"
		if rng.IntN(5) == 0 {
			elem = "NotAction"
		}
		fmt.Fprintf(&b, `, %q: %s`, elem, pick(rng, randActions))
		if typ != Resource || rng.IntN(4) != 0 {
			elem = "Resource"
			if rng.IntN(5) == 0 {
				elem = "NotResource"
			}
			fmt.Fprintf(&b, `, %q: %s`, elem, pick(rng, randResources))
		}
		if c := pick(rng, randConditions); c != "" {
			fmt.Fprintf(&b, `, "Condition": %s`, c)
		}
		b.WriteString("}")
	}
	b.WriteString("]}")
	return b.String()
}

// randomTypedPolicy parses a random identity or resource policy (see
// randomPolicy) and returns it with its text.
func randomTypedPolicy(t *testing.T, rng *rand.Rand) (*Policy, string) {
	t.Helper()
	typ := Identity
	if rng.IntN(2) == 0 {
		typ = Resource
	}
	src := randomPolicy(rng, typ)
	p, err := Parse([]byte(src), Source{Type: typ})
	require.NoError(t, err, src)
	return p, src
}

// TestIndexDifferential proves that the index never changes an answer:
// for random policies and requests, the indexed fast path, a plain linear
// scan and the recording path give the same Outcome.
func TestIndexDifferential(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	callers := make([]principal.Principal, len(randCallers))
	for i, c := range randCallers {
		callers[i] = c(t)
	}
	policies, requests := 400, 40
	if testing.Short() {
		policies = 50
	}
	for range policies {
		p, src := randomTypedPolicy(t, rng)
		p.idx = buildIndex(p.stmts, p.Type().hasPrincipal(), 0) // index even small policies
		for range requests {
			ctx := map[string]string{"aws:SecureTransport": strconv.FormatBool(rng.IntN(2) == 0)}
			r := newRequest(t, pick(rng, callers), pick(rng, randReqActions), pick(rng, randReqResources), ctx)
			if rng.IntN(4) == 0 {
				*r = r.WithBoundary(true)
			}
			e, err := r.env()
			require.NoError(t, err)
			linear := p.evalLinear(&e)
			if !assert.Equal(t, linear, p.evalIndexed(&e), "indexed vs linear\npolicy %s\nrequest %s %s", src, r.Action(), r.Resource()) {
				return
			}
			if !assert.Equal(t, outcomeForTest(linear), p.Eval(r, &recorder{}), "recorder vs linear\npolicy %s\nrequest %s %s", src, r.Action(), r.Resource()) {
				return
			}
		}
	}
}

// TestIndexFiling checks where the index files statements.
func TestIndexFiling(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/*", "arn:aws:s3:::home/${aws:username}/x"]},
	  {"Effect": "Allow", "Action": ["ec2:*", "EC2:Describe*", "iam:GetUser"], "Resource": "*"},
	  {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3"},
	  {"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::b"}]}`)
	assert.Equal(t, []int32{0, 1, 2, 3, 4}, p.idx.always, "small policies are scanned, not indexed")
	x := buildIndex(p.stmts, false, 0)
	assert.Equal(t, map[string][]int32{"arn:aws:s3:::b/": {0}, "arn:aws:s3:::home/": {0}}, x.prefixLists(),
		"literal prefix up to the first wildcard or variable; repeated prefixes filed once; never-matching entries not at all")
	assert.Equal(t, []int32{15, 18}, x.lengths)
	var names []string
	for _, k := range x.svc.names {
		names = append(names, k.text)
	}
	assert.Equal(t, []string{"ec2", "iam", "s3"}, names, "lower-case service prefixes, each once")
	var ec2 []int32
	for _, c := range x.svc.lists[0].cands {
		ec2 = append(ec2, c.stmt)
	}
	assert.Equal(t, []int32{1, 2, 4}, ec2, "statement 1 once under ec2 (ec2:* and EC2:Describe*), with the NotAction and \"*\" statements")
	assert.Equal(t, []int32{2, 4}, x.always, "statements whose Action element names no service")
}

// TestIndexFilingShortestPrefix checks that a statement is filed under the
// shortest of its prefixes that start one another, whatever their order.
func TestIndexFilingShortestPrefix(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:s3:::c/*"]},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::bb/x*"]},
	  {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/x/*"]}]}`)
	x := buildIndex(p.stmts, false, 0)
	assert.Equal(t, map[string][]int32{"arn:aws:s3:::b": {0, 1}, "arn:aws:s3:::c/": {0}, "arn:aws:s3:::b/": {2}}, x.prefixLists())
	assert.Equal(t, []int32{14, 15}, x.lengths)
}

// TestIndexSkipsStatements checks that a request on the large W2 policy
// looks at a handful of statements, not all 1,000.
func TestIndexSkipsStatements(t *testing.T) {
	t.Parallel()
	p, err := Parse(readBench(t, "w2-policy.json"), Source{})
	require.NoError(t, err)
	assert.Empty(t, p.idx.always)
	assert.Empty(t, p.idx.svc.names)
	assert.Len(t, p.idx.byPrefix, 1000)
	r := newRequest(t, alice(t), "s3:GetObject", "arn:aws:s3:::reports-0499/2024/summary.csv", nil)
	visited := 0
	for _, n := range p.idx.lengths {
		if v, ok := p.idx.byPrefix[r.Resource()[:n]]; ok {
			visited += len(p.idx.filed(v))
		}
	}
	assert.Equal(t, 1, visited)
}

// prefixLists returns the statements x files under each prefix.
func (x *index) prefixLists() map[string][]int32 {
	m := make(map[string][]int32, len(x.byPrefix))
	for prefix, v := range x.byPrefix {
		m[prefix] = x.filed(v)
	}
	return m
}

// outcomeForTest returns o as an Outcome.
func outcomeForTest(o effects) Outcome {
	var out Outcome
	setOutcome(&out, o)
	return out
}

// TestIndexFilingRepeats checks that prefixes repeated by statements
// apart from one another each get their own list, in statement order.
func TestIndexFilingRepeats(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::bb/*"]},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::c/*"},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::a/*"},
	  {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::bb/*", "arn:aws:s3:::c/x"]},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::a/*"}]}`)
	x := buildIndex(p.stmts, false, 0)
	assert.Equal(t, map[string][]int32{"arn:aws:s3:::a/": {0, 2, 4}, "arn:aws:s3:::bb/": {0, 3}, "arn:aws:s3:::c/": {1}, "arn:aws:s3:::c/x": {3}}, x.prefixLists())
	assert.Equal(t, []int32{15, 16}, x.lengths)
}

// TestLengthSet checks the lengths fileByPrefix files prefixes under
// against sorting them and leaving out repeats, for lengths under 256,
// at the edges of its words, and longer.
func TestLengthSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 2000 {
		var s lengthSet
		var want []int32
		for range rng.IntN(40) {
			n := []int{0, 1, 63, 64, 127, 128, 191, 192, 255, 256, 257, 1000, 1 << 20}[rng.IntN(13)]
			if rng.IntN(2) == 0 {
				n = rng.IntN(300)
			}
			s.add(n)
			if !slices.Contains(want, int32(n)) {
				want = append(want, int32(n))
			}
		}
		slices.Sort(want)
		got := make([]int32, s.len())
		s.fill(got)
		assert.Equal(t, len(want), len(got))
		if len(want) > 0 {
			assert.Equal(t, want, got)
		}
	}
}
