package policy

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fast path decides Action elements from candidate masks and rules
// out resources with a word of each entry's prefix. These tests hold it
// against the plain matcher on inputs chosen to break a wrong shortcut.
var (
	// Action elements (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
	// literal names in any case, wildcards at the end, in the middle and
	// as '?', "service:*", "*", other services with the same name,
	// several services in one element, a wildcard in the service prefix
	// (matched literally).
	shortcutActions = []string{`"s3:GetObject"`, `"S3:GETOBJECT"`, `"s3:Get*Acl"`, `"s3:Get*"`, `"s3:*"`, `"*"`,
		`"s3:?etObject"`, `"ec2:GetObject"`, `"s3:GetObjectAcl"`, `["s3:PutObject", "ec2:*"]`, `"s3*:GetObject"`,
		`["ec2:DescribeInstances", "s3:getobjectacl", "iam:GetUser"]`, `["s3:Get*Acl", "s3:PutObject"]`,
		`["iam:*", "s3:GetObject"]`, `"s3:*Object"`, `"s3:G*t*"`}
	// Resource elements (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
	// prefixes shorter and longer than a word, variables, entries that
	// never match, several entries, and prefixes that share their last
	// eight bytes with a resource they are not a prefix of.
	shortcutResources = []string{`"*"`, `"arn:aws:s3:::b/*"`, `"arn:aws:s3:::aa-data/home/*"`,
		`"arn:aws:s3:::aa-data/home/${aws:username}/*"`, `"arn:*"`, `"arn:aws*"`, `"arn:aws:s3"`,
		`["arn:aws:s3:::aa-data/home/x", "arn:aws:s3:::b"]`, `["arn:aws:s3", "arn:aws:s3:::b/k"]`,
		`["arn:aws:s3:::b", "arn:aws:s3:::c", "arn:aws:s3:::bb-data/home/*"]`, `"arn:aws:s3:::bb-data/home/alice/*"`,
		`"arn:aws:ec2:*:111122223333:instance/*"`, `"arn:aws:s3:::b"`,
		`["arn:aws:s3:::aa-data/home/x", "arn:aws:s3:::aa-data/home/*"]`, `["arn:aws:s3:::bb-data/home/alice/k", "arn:aws:s3:::bb-data/*", "arn:aws:s3:::b"]`}
	shortcutReqActions = []string{"s3:GetObject", "s3:getobjectacl", "S3:GetObjectAcl", "s3:GetObjectVersionAcl",
		"ec2:GetObject", "s3:PutObject", "iam:GetUser", "sqs:SendMessage", "s3:GetBucketPolicy", "ec2:DescribeInstances"}
	shortcutReqResources = []string{"*", "arn:aws:s3:::b", "arn:aws:s3:::b/k", "arn:aws:s3:::aa-data/home/x",
		"arn:aws:s3:::bb-data/home/x", "arn:aws:s3:::cc-data/home/alice/k", "arn:aws:s3:::aa-data/home/alice/k",
		"arn:aws:s3:::bb-data/home/alice/k", "arn:aws:s3:::aa-data/home", "arn:aws:s3:::c",
		"arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:s3:::ta/home/", "notarn"}
)

// shortcutPolicy returns a random identity policy of n statements built
// from the shortcut elements.
func shortcutPolicy(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		effect, action, resource := "Allow", "Action", "Resource"
		if rng.IntN(3) == 0 {
			effect = "Deny"
		}
		if rng.IntN(5) == 0 {
			action = "NotAction"
		}
		if rng.IntN(6) == 0 {
			resource = "NotResource"
		}
		fmt.Fprintf(&b, `{"Effect": %q, %q: %s, %q: %s}`, effect, action, pick(rng, shortcutActions), resource, pick(rng, shortcutResources))
	}
	b.WriteString("]}")
	return b.String()
}

// TestCandidateShortcutsDifferential checks that deciding Action elements
// by mask and ruling out resources by prefix word never change an
// outcome: every statement is also matched in full, one by one.
func TestCandidateShortcutsDifferential(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	who := alice(t)
	var requests []*Request
	for _, a := range shortcutReqActions {
		for _, r := range shortcutReqResources {
			requests = append(requests, newRequest(t, who, a, r, nil))
		}
	}
	policies := 300
	if testing.Short() {
		policies = 40
	}
	for range policies {
		src := shortcutPolicy(rng, 1+rng.IntN(12))
		p := mustParse(t, Identity, src)
		for _, min := range []int{0, indexMinStatements} {
			p.idx = buildIndex(p.stmts, false, min)
			for _, r := range requests {
				e, err := r.env()
				require.NoError(t, err)
				if !assert.Equal(t, p.evalLinear(&e), p.evalIndexed(&e), "policy %s\nrequest %s %s", src, r.Action(), r.Resource()) {
					return
				}
			}
		}
	}
}

// TestCandidateShortcutsManyLiterals checks a list naming more literal
// actions than a mask has bits: it falls back to hashed masks, which only
// rule actions out, and still decides like the plain matcher.
func TestCandidateShortcutsManyLiterals(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	for i := range 70 {
		fmt.Fprintf(&b, `{"Effect": "Allow", "Action": ["s3:Action%d", "s3:Get*"], "Resource": "arn:aws:s3:::b%d/*"}, `, i, i)
	}
	b.WriteString(`{"Effect": "Deny", "Action": "s3:Action69", "Resource": "*"}]}`)
	p := mustParse(t, Identity, b.String())
	p.idx = buildIndex(p.stmts, false, len(p.stmts)+1) // all in the service lists
	cl := p.idx.svc.lookup(&newRequest(t, alice(t), "s3:Action1", "*", nil).prep)
	assert.True(t, cl.hashed, "71 literals do not fit in a mask")
	for _, c := range []struct {
		action, resource string
		want             effects
	}{
		{"s3:Action5", "arn:aws:s3:::b5/k", effAllow},
		{"s3:ACTION5", "arn:aws:s3:::b6/k", 0},
		{"s3:Action69", "arn:aws:s3:::b69/k", effAllow | effDeny},
		{"s3:GetObject", "arn:aws:s3:::b12/k", effAllow},
		{"s3:PutObject", "arn:aws:s3:::b12/k", 0},
	} {
		r := newRequest(t, alice(t), c.action, c.resource, nil)
		e, err := r.env()
		require.NoError(t, err)
		assert.Equal(t, c.want, p.evalIndexed(&e), "%s %s", c.action, c.resource)
		assert.Equal(t, p.evalLinear(&e), p.evalIndexed(&e), "%s %s", c.action, c.resource)
	}
}

// TestCandidateShortcutsManyCandidates checks a list of more candidates
// than a set has bits: it is not narrow, its candidates are read one by
// one, and it still decides like the plain matcher, for the candidates
// past the 64th too. A list of fewer candidates is narrow.
func TestCandidateShortcutsManyCandidates(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	actions := []string{`"s3:GetObject"`, `"s3:Get*"`, `"s3:*"`, `["s3:PutObject", "s3:GetObject"]`}
	for i := range 70 {
		fmt.Fprintf(&b, `{"Effect": "Allow", "Action": %s, "Resource": "arn:aws:s3:::b%d/*"}, `, actions[i%len(actions)], i)
	}
	b.WriteString(`{"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b67/*"}]}`)
	p := mustParse(t, Identity, b.String())
	p.idx = buildIndex(p.stmts, false, len(p.stmts)+1) // all in the service lists
	cl := p.idx.svc.lookup(&newRequest(t, alice(t), "s3:GetObject", "*", nil).prep)
	assert.False(t, cl.narrow || cl.hashed, "71 candidates do not fit in a set, 2 literals fit in a mask")
	for i := range 71 {
		for _, a := range []string{"s3:GetObject", "s3:PutObject", "s3:GetObjectAcl", "s3:ListBucket"} {
			r := newRequest(t, alice(t), a, fmt.Sprintf("arn:aws:s3:::b%d/k", i), nil)
			e, err := r.env()
			require.NoError(t, err)
			assert.Equal(t, p.evalLinear(&e), p.evalIndexed(&e), "%s b%d", a, i)
		}
	}
	r := newRequest(t, alice(t), "s3:PutObject", "arn:aws:s3:::b67/k", nil)
	e, err := r.env()
	require.NoError(t, err)
	assert.Equal(t, effAllow|effDeny, p.evalIndexed(&e), "the 68th and 71st candidates apply")

	small := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`)
	assert.True(t, small.idx.svc.lookup(&r.prep).narrow)
}

// TestCandidateRules checks what a list says about each Action element
// for the actions of its service: a literal for the service is proved by
// its bit alone, a wildcard in the name or NotAction must be matched,
// "*" and "service:*" hold for every action, and entries of other
// services do not count.
func TestCandidateRules(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": ["s3:GetObject", "EC2:*"], "Resource": "*"},
	  {"Effect": "Allow", "Action": "s3:Get*Acl", "Resource": "*"},
	  {"Effect": "Allow", "NotAction": "s3:GetObject", "Resource": "*"},
	  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
	  {"Effect": "Allow", "Action": ["ec2:GetObject", "S3:PUTOBJECT"], "Resource": "*"},
	  {"Effect": "Allow", "Action": "*", "Resource": "*"}]}`)
	rules := func(action string) (bit uint64, masks []uint64, acts []actionRule) {
		cl := p.idx.svc.lookup(&newRequest(t, alice(t), action, "*", nil).prep)
		for _, c := range cl.cands {
			masks = append(masks, c.mask)
			acts = append(acts, c.act)
		}
		return cl.bit(&newRequest(t, alice(t), action, "*", nil).prep), masks, acts
	}
	bit, masks, acts := rules("S3:GetObject")
	assert.Equal(t, []actionRule{actMask, actCheck, actCheck, actAll, actMask, actAll}, acts)
	assert.Equal(t, []uint64{1, 0, 0, 0, 2, 0}, masks, "s3:getobject and s3:putobject, in order; ec2:GetObject is not an s3 action")
	assert.Equal(t, uint64(1), bit)
	bit, _, _ = rules("s3:GetObjectAcl")
	assert.Zero(t, bit, "no literal names it: only the wildcard entries can match")
	_, masks, acts = rules("ec2:GetObject")
	assert.Equal(t, []actionRule{actAll, actCheck, actMask, actAll}, acts, "statements 0, 2, 4, 5")
	assert.Equal(t, []uint64{0, 0, 1, 0}, masks)
	_, _, acts = rules("sqs:SendMessage")
	assert.Equal(t, []actionRule{actCheck, actAll}, acts, "NotAction and \"*\" for a service no entry names")
}

// TestResourceFilter checks that the prefix word rules out exactly
// resources that do not start with an entry's prefix, that elements it
// cannot judge are let through, and that only a "*" entry or a missing
// Resource element is taken to hold for every resource
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
func TestResourceFilter(t *testing.T) {
	t.Parallel()
	p := mustParse(t, Identity, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::aa-data/home/${aws:username}/*", "arn:aws:s3"]},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::c"]},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::c", "arn:aws:s3:::d"]},
	  {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b"},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws*"},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b", "*"]},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3"},
	  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::bb-data/home/*", "arn:aws:s3:::bb-data", "arn:aws:s3:::cc-data/*", "arn:aws:s3:::cc-data/*"]}]}`)
	filter := func(i int) resourceFilter { return newResourceFilter(&p.stmts[i].resources) }
	for i, on := range []bool{true, true, false, false, false, false, true, true} {
		assert.Equal(t, on, filter(i).on, "statement %d", i)
		assert.Equal(t, i == 5, filter(i).all, "statement %d: only a \"*\" entry holds for every resource", i)
	}
	f := filter(0)
	assert.False(t, f.rejects("arn:aws:s3:::aa-data/home/bob/k"), "starts with the prefix")
	assert.False(t, f.rejects("arn:aws:s3:::bb-data/home/bob/k"), "same last word: matched in full")
	assert.True(t, f.rejects("arn:aws:s3:::aa-data/homes/k"))
	assert.True(t, f.rejects("arn:aws:s3:::aa-data/hom"), "shorter than the prefix")
	f = filter(1)
	assert.False(t, f.rejects("arn:aws:s3:::c"))
	assert.False(t, f.rejects("arn:aws:s3:::b/"))
	assert.True(t, f.rejects("arn:aws:s3:::b"))
	assert.True(t, f.rejects("*"))
	f = filter(6)
	assert.True(t, f.rejects("arn:aws:s3:::b"), "an entry with fewer than six parts and no trailing '*' matches nothing")
	f = filter(7)
	assert.Equal(t, uint8(2), f.n, "bb-data/home/ starts with bb-data, and cc-data/ is repeated: two prefixes to test")
	assert.False(t, f.rejects("arn:aws:s3:::bb-data/home/k"))
	assert.False(t, f.rejects("arn:aws:s3:::bb-datax"), "starts with the shorter prefix")
	assert.False(t, f.rejects("arn:aws:s3:::cc-data/k"))
	assert.True(t, f.rejects("arn:aws:s3:::cc-datax"))
	rp := mustParse(t, Resource, `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}`)
	assert.False(t, newResourceFilter(&rp.stmts[0].resources).on, "no Resource element: the resource the policy is attached to")
	assert.True(t, newResourceFilter(&rp.stmts[0].resources).all, "no Resource element holds for every request to the resource")
}

// TestServiceListsManyServicesDifferential holds the service lists of
// policies naming many services (past the 16 compared one by one), lists
// of more literal actions than a mask has bits, NotAction and "*"
// statements in every list, and a policy whose lists would pass
// maxListEntries (one list of every statement, matched in full), against
// the plain matcher (issue 15: building the lists read every entry once
// per service).
func TestServiceListsManyServicesDifferential(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	service := func() string { return fmt.Sprintf("svc%d", rng.IntN(40)) }
	entry := func() string {
		switch rng.IntN(6) {
		case 0:
			return fmt.Sprintf(`"%s:*"`, service())
		case 1:
			return fmt.Sprintf(`"%s:Get*"`, service())
		case 2:
			return `"*"`
		default:
			return fmt.Sprintf(`"%s:Act%d"`, service(), rng.IntN(80))
		}
	}
	var requests []*Request
	for s := range 42 {
		for _, a := range []string{"Act1", "act7", "GetThing", "Act79", "Other"} {
			requests = append(requests, newRequest(t, alice(t), fmt.Sprintf("svc%d:%s", s, a), "arn:aws:s3:::b/k", nil))
		}
	}
	check := func(src string) {
		t.Helper()
		p := mustParse(t, Identity, src)
		p.idx = buildIndex(p.stmts, false, len(p.stmts)+1) // all in the service lists
		for _, r := range requests {
			e, err := r.env()
			require.NoError(t, err)
			if !assert.Equal(t, p.evalLinear(&e), p.evalIndexed(&e), "request %s\npolicy %.300s", r.Action(), src) {
				t.FailNow()
			}
		}
	}
	for range 60 {
		var b strings.Builder
		b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
		for i := range 1 + rng.IntN(20) {
			if i > 0 {
				b.WriteString(", ")
			}
			elem, effect := "Action", "Allow"
			if rng.IntN(6) == 0 {
				elem = "NotAction"
			}
			if rng.IntN(3) == 0 {
				effect = "Deny"
			}
			entries := make([]string, 1+rng.IntN(100))
			for k := range entries {
				entries[k] = entry()
			}
			fmt.Fprintf(&b, `{"Effect": %q, %q: [%s], "Resource": "*"}`, effect, elem, strings.Join(entries, ", "))
		}
		b.WriteString("]}")
		check(b.String())
	}
	// 30 NotAction statements and one naming 3,000 services would file
	// 90,000 candidates: past maxListEntries(31).
	var b strings.Builder
	b.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	for i := range 30 {
		fmt.Fprintf(&b, `{"Effect": "Deny", "NotAction": "svc%d:Act1", "Resource": "*"}, `, i)
	}
	names := make([]string, 3000)
	for k := range names {
		names[k] = fmt.Sprintf(`"svc%d:Act%d"`, k, k%80)
	}
	fmt.Fprintf(&b, `{"Effect": "Allow", "Action": [%s], "Resource": "*"}]}`, strings.Join(names, ", "))
	p := mustParse(t, Identity, b.String())
	p.idx = buildIndex(p.stmts, false, len(p.stmts)+1)
	assert.Empty(t, p.idx.svc.lists, "past maxListEntries: no list per service")
	assert.Len(t, p.idx.svc.other.cands, 31, "one list of every statement")
	check(b.String())
	// More service names than maxIndexedServices: one list as well.
	names = make([]string, maxIndexedServices+1)
	for k := range names {
		names[k] = fmt.Sprintf(`"svc%d:Act%d"`, k, k%80)
	}
	src := fmt.Sprintf(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [%s], "Resource": "*"},
		{"Effect": "Deny", "Action": "svc7:Act7", "Resource": "*"}]}`, strings.Join(names, ", "))
	p = mustParse(t, Identity, src)
	p.idx = buildIndex(p.stmts, false, len(p.stmts)+1)
	assert.Empty(t, p.idx.svc.lists, "past maxIndexedServices: no list per service")
	assert.Len(t, p.idx.svc.other.cands, 2, "one list of every statement")
	check(src)
}
