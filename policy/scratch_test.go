package policy

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func minTime(f func(), n int) time.Duration {
	best := time.Hour
	for r := 0; r < 25; r++ {
		t := time.Now()
		for i := 0; i < n; i++ {
			f()
		}
		if d := time.Since(t) / time.Duration(n); d < best {
			best = d
		}
	}
	return best
}

func TestScratchTiming(t *testing.T) {
	src := readBench(t, "w3-policy.json")
	j := minTime(func() { var p plainPolicy; json.Unmarshal(src, &p) }, 100)
	p := minTime(func() { Parse(src, Source{}) }, 100)
	fmt.Printf("json %v parse %v ratio %.2f\n", j, p, float64(p)/float64(j))
}
