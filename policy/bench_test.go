package policy

import "testing"

// BenchmarkParse measures reading, validating and compiling the W3 policy
// (5,965 bytes, 26 statements). Its encoding/json baseline is
// BenchmarkW3EncodingJSON in the root package, next to BenchmarkW3Parse.
func BenchmarkParse(b *testing.B) {
	src := readBench(b, "w3-policy.json")
	b.Run("W3", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse(src, Source{File: "w3-policy.json"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEval measures the fast path on the W2 workload (1,000
// statements with distinct resource patterns) and on the W3 policy; the
// policy is parsed and the request prepared outside the timer.
func BenchmarkEval(b *testing.B) {
	ctx := map[string]string{"aws:SourceIp": "203.0.113.7", "aws:SecureTransport": "true"}
	w2, err := Parse(readBench(b, "w2-policy.json"), Source{})
	if err != nil {
		b.Fatal(err)
	}
	w3, err := Parse(readBench(b, "w3-policy.json"), Source{})
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		p    *Policy
		r    *Request
		want Outcome
	}{
		{"W2none", w2, newRequest(b, alice(b), "s3:GetObject", "arn:aws:s3:::tenant-1000/reports/q1.csv", ctx), Outcome{}},
		{"W2hit500", w2, newRequest(b, alice(b), "s3:GetObject", "arn:aws:s3:::reports-0499/2024/summary.csv", ctx), Outcome{Allow: true}},
		{"W3conditions", w3, newRequest(b, alice(b), "s3:GetObject", "arn:aws:s3:::dept-finance/x", ctx), Outcome{}},
		{"W3variables", w3, newRequest(b, alice(b), "s3:GetObject", "arn:aws:s3:::corp-data/home/alice/notes.txt", ctx), Outcome{Allow: true}},
	}
	for _, c := range cases {
		if got := c.p.Eval(c.r, nil); got != c.want {
			b.Fatalf("%s: Eval = %+v, want %+v", c.name, got, c.want)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.p.Eval(c.r, nil)
			}
		})
	}
	b.Run("W2none-linear", func(b *testing.B) {
		e, err := cases[0].r.env()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			w2.evalLinear(&e)
		}
	})
	b.Run("W2hit500-explain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			w2.Eval(cases[1].r, discard{})
		}
	})
}

// discard is a Recorder that keeps nothing.
type discard struct{}

// Record implements Recorder.
func (discard) Record(StatementResult) {}
