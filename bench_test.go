package iameval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/condition"
	"github.com/iameval/iameval/policy"
	"github.com/iameval/iameval/principal"
)

// The benchmark workloads of shared/bench (copied to testdata/engine/bench;
// see its README.md): policies are parsed once outside the timer, requests
// are prepared once, and every benchmark checks each decision.

const benchDir = "testdata/engine/bench"

// benchRequest is one entry of w1-requests.json / w2-requests.json.
type benchRequest struct {
	ID        string `json:"id"`
	Principal struct {
		Account  string            `json:"account"`
		Username string            `json:"username"`
		Tags     map[string]string `json:"tags"`
	} `json:"principal"`
	Action   string            `json:"action"`
	Resource string            `json:"resource"`
	Context  map[string]string `json:"context"`
	Expect   string            `json:"expect"`
}

func (br benchRequest) decision(tb testing.TB) Decision {
	switch br.Expect {
	case "Allow":
		return Allowed
	case "ExplicitDeny":
		return ExplicitDeny
	case "ImplicitDeny":
		return ImplicitDeny
	}
	tb.Fatalf("unknown expect %q", br.Expect)
	return 0
}

func (br benchRequest) request(tb testing.TB) *Request {
	tb.Helper()
	p, err := principal.NewIAMUser(principal.IAMUserInput{
		ARN:  "arn:aws:iam::" + br.Principal.Account + ":user/" + br.Principal.Username,
		Tags: br.Principal.Tags,
	})
	require.NoError(tb, err)
	m := map[string]condition.Value{}
	for k, v := range br.Context {
		m[k] = condition.StringValue(v)
	}
	ctx, err := condition.NewContext(m)
	require.NoError(tb, err)
	r, err := NewRequest(RequestInput{Principal: p, Action: br.Action, Resource: br.Resource, Context: ctx, Time: fixedTime})
	require.NoError(tb, err)
	return r
}

func readBench(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(benchDir, name))
	require.NoError(tb, err)
	return b
}

func benchRequests(tb testing.TB, name string) map[string]benchRequest {
	tb.Helper()
	var list []benchRequest
	require.NoError(tb, json.Unmarshal(readBench(tb, name), &list))
	out := map[string]benchRequest{}
	for _, r := range list {
		out[r.ID] = r
	}
	return out
}

func benchPolicy(tb testing.TB, name string) *policy.Policy {
	tb.Helper()
	p, err := policy.Parse(readBench(tb, name), policy.Source{ID: name, File: name, Type: policy.Identity})
	require.NoError(tb, err)
	return p
}

// w1Set is the three W1 policies as identity policies.
func w1Set(tb testing.TB) *PolicySet {
	return &PolicySet{Identity: []*policy.Policy{
		benchPolicy(tb, "w1-policy-analytics.json"),
		benchPolicy(tb, "w1-policy-ec2-operator.json"),
		benchPolicy(tb, "w1-policy-s3-home.json"),
	}}
}

func benchEvaluate(b *testing.B, ps *PolicySet, r *Request, want Decision) {
	require.Equal(b, want, Evaluate(ps, r), "decision before timing")
	require.Equal(b, want, Explain(ps, r).Decision)
	b.ReportAllocs()
	for b.Loop() {
		if Evaluate(ps, r) != want {
			b.Fatal("decision changed")
		}
	}
}

func BenchmarkW1(b *testing.B) {
	ps := w1Set(b)
	reqs := benchRequests(b, "w1-requests.json")
	for _, id := range []string{"W1a", "W1b", "W1c"} {
		br := reqs[id]
		r := br.request(b)
		b.Run(id, func(b *testing.B) { benchEvaluate(b, ps, r, br.decision(b)) })
	}
}

func BenchmarkW2(b *testing.B) {
	ps := &PolicySet{Identity: []*policy.Policy{benchPolicy(b, "w2-policy.json")}}
	reqs := benchRequests(b, "w2-requests.json")
	for _, id := range []string{"W2none", "W2hit500"} {
		br := reqs[id]
		r := br.request(b)
		b.Run(id, func(b *testing.B) { benchEvaluate(b, ps, r, br.decision(b)) })
	}
}

// BenchmarkW3Parse times workload W3: reading, validating and compiling
// w3-policy.json. Its target is a quarter of BenchmarkW3EncodingJSON,
// which runs in the same package so that one run gives the ratio.
func BenchmarkW3Parse(b *testing.B) {
	src := readBench(b, "w3-policy.json")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.Parse(src, policy.Source{Type: policy.Identity}); err != nil {
			b.Fatal(err)
		}
	}
}

// w3Plain is a policy document as a plain struct: what encoding/json
// decodes W3 into for BenchmarkW3EncodingJSON, without any validation.
type w3Plain struct {
	Version   string
	ID        string `json:"Id"`
	Statement []struct {
		Sid          string
		Effect       string
		Principal    any
		NotPrincipal any
		Action       any
		NotAction    any
		Resource     any
		NotResource  any
		Condition    map[string]map[string]any
	}
}

// BenchmarkW3EncodingJSON is the baseline of W3: encoding/json decoding
// w3-policy.json into plain structs (bench README, W3).
func BenchmarkW3EncodingJSON(b *testing.B) {
	src := readBench(b, "w3-policy.json")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var p w3Plain
		if err := json.Unmarshal(src, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// w3RatioRound is how many parses and how many encoding/json decodes of W3
// a round of BenchmarkW3Ratio times: about the same time each (a decode
// takes four to five parses), a fraction of a millisecond.
const w3RatioParses, w3RatioDecodes = 20, 4

// BenchmarkW3Ratio measures W3's target directly: it alternates rounds of
// w3RatioParses parses (as BenchmarkW3Parse) and w3RatioDecodes decodes
// (as BenchmarkW3EncodingJSON) in one loop, and reports the time of a
// parse over the time of a decode over the whole run as the metric
// "parse/json" (the target is at most 0.25), with the two times as
// "parse-ns" and "json-ns". The two separate benchmarks run seconds apart,
// and on a machine whose speed drifts (a shared virtual machine) their
// ratio moves with the drift; rounds this short see the same machine.
// Each side pays for the collections its own garbage causes, as in the
// separate benchmarks, give or take a collection that a round's end
// hands to the next. Its ns/op is a round's and means nothing alone.
func BenchmarkW3Ratio(b *testing.B) {
	src := readBench(b, "w3-policy.json")
	var parse, decode time.Duration
	var parses, decodes int
	for b.Loop() {
		start := time.Now()
		for range w3RatioParses {
			if _, err := policy.Parse(src, policy.Source{Type: policy.Identity}); err != nil {
				b.Fatal(err)
			}
		}
		mid := time.Now()
		for range w3RatioDecodes {
			var p w3Plain
			if err := json.Unmarshal(src, &p); err != nil {
				b.Fatal(err)
			}
		}
		parse += mid.Sub(start)
		decode += time.Since(mid)
		parses += w3RatioParses
		decodes += w3RatioDecodes
	}
	perParse := float64(parse) / float64(parses)
	perDecode := float64(decode) / float64(decodes)
	b.ReportMetric(perParse, "parse-ns")
	b.ReportMetric(perDecode, "json-ns")
	b.ReportMetric(perParse/perDecode, "parse/json")
}

// w4Fields are the plain fields of request i of workload W4: what a proxy
// or emulator receives with each call, before any iameval type exists.
type w4Fields struct {
	arn, team, sourceIP, resource string
}

func newW4Fields(i int) w4Fields {
	user := fmt.Sprintf("user%05d", i)
	return w4Fields{
		arn:      "arn:aws:iam::111122223333:user/" + user,
		team:     [...]string{"analytics", "ops", "finance"}[i%3],
		sourceIP: fmt.Sprintf("10.20.%d.%d", (i/256)%256, i%256),
		resource: fmt.Sprintf("arn:aws:s3:::corp-data/home/%s/notes-%d.txt", user, i%7),
	}
}

// w4Request builds request f of workload W4 with the general API: the
// principal, its context and the request, from the plain fields.
func w4Request(f *w4Fields) (*Request, error) {
	p, err := principal.NewIAMUser(principal.IAMUserInput{
		ARN: f.arn, Tags: map[string]string{"team": f.team},
	})
	if err != nil {
		return nil, err
	}
	ctx, err := condition.NewContext(map[string]condition.Value{
		"aws:SourceIp":        condition.StringValue(f.sourceIP),
		"aws:SecureTransport": condition.StringValue("true"),
	})
	if err != nil {
		return nil, err
	}
	return NewRequest(RequestInput{
		Principal: p, Action: "s3:GetObject", Resource: f.resource,
		Context: ctx, Time: fixedTime,
	})
}

const w4Count = 10000

// w4All returns the plain fields of every W4 request.
func w4All() []w4Fields {
	all := make([]w4Fields, w4Count)
	for i := range all {
		all[i] = newW4Fields(i)
	}
	return all
}

// w4Build builds request f of workload W4 with b, as a proxy does: the
// caller, its tag and its context from the plain fields.
func w4Build(b *RequestBuilder, f *w4Fields) (*Request, error) {
	b.Reset()
	b.User(principal.IAMUserInput{ARN: f.arn})
	b.PrincipalTag("team", f.team)
	b.ContextKey("aws:SourceIp", f.sourceIP)
	b.ContextKey("aws:SecureTransport", "true")
	return b.Build(RequestInput{Action: "s3:GetObject", Resource: f.resource, Time: fixedTime})
}

// BenchmarkW4 is workload W4 as shared/bench defines it: for each of
// 10,000 distinct users, the principal, its context and the request are
// built from plain fields (ARN, tags, context strings) inside the timed
// loop, then decided. The fields themselves are what the caller receives,
// so they are made before the timer. The request is built with a
// RequestBuilder, as a proxy authorizing in a loop would.
func BenchmarkW4(b *testing.B) {
	ps := w1Set(b)
	fields := w4All()
	var rb RequestBuilder
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r, err := w4Build(&rb, &fields[i])
		if err != nil {
			b.Fatal(err)
		}
		if Evaluate(ps, r) != Allowed {
			b.Fatalf("W4 request %d not allowed", i)
		}
		if i++; i == w4Count {
			i = 0
		}
	}
}

// BenchmarkW4Build times W4's request building alone (w4Build, without
// the decision): the share of BenchmarkW4 that RequestBuilder costs.
func BenchmarkW4Build(b *testing.B) {
	fields := w4All()
	var rb RequestBuilder
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := w4Build(&rb, &fields[i]); err != nil {
			b.Fatal(err)
		}
		if i++; i == w4Count {
			i = 0
		}
	}
}

// BenchmarkW4General is workload W4 built with the general constructors
// (principal.NewIAMUser with a tags map, condition.NewContext with a map,
// NewRequest), whose requests live on independently.
func BenchmarkW4General(b *testing.B) {
	ps := w1Set(b)
	fields := w4All()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r, err := w4Request(&fields[i])
		if err != nil {
			b.Fatal(err)
		}
		if Evaluate(ps, r) != Allowed {
			b.Fatalf("W4 request %d not allowed", i)
		}
		if i++; i == w4Count {
			i = 0
		}
	}
}

// BenchmarkW4Prebuilt decides the W4 requests built before the timer. It
// is NOT workload W4 (which builds each request inside the loop): it
// isolates the decision's share of W4.
func BenchmarkW4Prebuilt(b *testing.B) {
	ps := w1Set(b)
	fields := w4All()
	reqs := make([]*Request, w4Count)
	for i := range reqs {
		r, err := w4Request(&fields[i])
		require.NoError(b, err)
		require.Equal(b, Allowed, Evaluate(ps, r), "W4 request %d", i)
		reqs[i] = r
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if Evaluate(ps, reqs[i]) != Allowed {
			b.Fatalf("W4 request %d not allowed", i)
		}
		if i++; i == w4Count {
			i = 0
		}
	}
}

func BenchmarkExplain(b *testing.B) {
	ps := w1Set(b)
	reqs := benchRequests(b, "w1-requests.json")
	for _, id := range []string{"W1a", "W1c"} {
		br := reqs[id]
		r := br.request(b)
		want := br.decision(b)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if Explain(ps, r).Decision != want {
					b.Fatal("decision changed")
				}
			}
		})
	}
}

// TestBenchWorkloads checks every workload decision (without timing), so
// the workloads stay right when benchmarks are not run.
func TestBenchWorkloads(t *testing.T) {
	t.Parallel()
	w1 := w1Set(t)
	for id, br := range benchRequests(t, "w1-requests.json") {
		r := br.request(t)
		require.Equal(t, br.decision(t), Evaluate(w1, r), id)
		require.Equal(t, br.decision(t), Explain(w1, r).Decision, id)
	}
	w2 := &PolicySet{Identity: []*policy.Policy{benchPolicy(t, "w2-policy.json")}}
	for id, br := range benchRequests(t, "w2-requests.json") {
		r := br.request(t)
		require.Equal(t, br.decision(t), Evaluate(w2, r), id)
	}
	for i := 0; i < w4Count; i += 97 {
		f := newW4Fields(i)
		r, err := w4Request(&f)
		require.NoError(t, err)
		require.Equal(t, Allowed, Evaluate(w1, r), "W4 request %d", i)
	}
}

// BenchmarkEngineOverhead measures the engine's own work (validation,
// selection, combination) with policies that the index dismisses at once.
func BenchmarkEngineOverhead(b *testing.B) {
	other := allow("ec2:DescribeVpcs", "*")
	ps := docs{identity: []string{other}, boundary: other, scp: [][]string{{other}}}.build(b)
	r := newReq(b, alice, "s3:GetObject", objA)
	b.Run("empty", func(b *testing.B) { benchEvaluate(b, &PolicySet{}, r, ImplicitDeny) })
	b.Run("threeTypes", func(b *testing.B) { benchEvaluate(b, ps, r, ImplicitDeny) })
}
