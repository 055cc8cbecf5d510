package scenario_test

import (
	"os"
	"testing"

	"github.com/iameval/iameval/scenario"
)

// BenchmarkLoad measures loading a scenario file with embedded policies,
// principals of every form and per-case overrides.
func BenchmarkLoad(b *testing.B) {
	src, err := os.ReadFile("testdata/scenarios/principals.json")
	if err != nil {
		b.Fatal(err)
	}
	open := func(p string) ([]byte, error) { return os.ReadFile(p) }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scenario.Load("testdata/scenarios/principals.json", src, open); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRun measures running every case of a loaded file with
// explanations.
func BenchmarkRun(b *testing.B) {
	f, err := scenario.LoadFile("testdata/scenarios/every-key.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r := f.Run(); r.Failed != 0 {
			b.Fatal("a case failed")
		}
	}
}
