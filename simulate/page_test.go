package simulate

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"weak"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pagedInput is 3 actions on 2 resources: 6 results.
func pagedInput(maxItems int, marker string) *Input {
	return &Input{
		PolicyInputList: []string{s3ReadPolicy},
		ActionNames:     []string{"s3:GetObject", "s3:PutObject", "s3:ListBucket"},
		ResourceArns:    []string{"arn:aws:s3:::b/1", "arn:aws:s3:::b/2"},
		MaxItems:        maxItems,
		Marker:          marker,
	}
}

// TestSimulatePages: MaxItems and Marker page the results as the IAM API
// does: at most MaxItems results, IsTruncated when more follow and the
// Marker that asks for them
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).
func TestSimulatePages(t *testing.T) {
	t.Parallel()
	all := simulateOK(t, pagedInput(0, ""))
	require.Len(t, all.EvaluationResults, 6, "without MaxItems every result, as the AWS CLI prints them")
	assert.False(t, all.IsTruncated)
	assert.Empty(t, all.Marker)

	tests := []struct {
		name       string
		maxItems   int
		marker     string
		from, to   int
		truncated  bool
		nextMarker string
	}{
		{"first page", 4, "", 0, 4, true, "4"},
		{"last page", 4, "4", 4, 6, false, ""},
		{"exactly all", 6, "", 0, 6, false, ""},
		{"more than all", 1000, "", 0, 6, false, ""},
		{"middle page", 2, "2", 2, 4, true, "4"},
		{"marker without MaxItems: the rest", 0, "3", 3, 6, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			resp := simulateOK(t, pagedInput(tc.maxItems, tc.marker))
			assert.Equal(t, all.EvaluationResults[tc.from:tc.to], resp.EvaluationResults)
			assert.Equal(t, tc.truncated, resp.IsTruncated)
			assert.Equal(t, tc.nextMarker, resp.Marker)
		})
	}

	// Following the Markers one item at a time gives every result once.
	var walked []EvaluationResult
	marker := ""
	for range 10 {
		resp := simulateOK(t, pagedInput(1, marker))
		walked = append(walked, resp.EvaluationResults...)
		if !resp.IsTruncated {
			break
		}
		marker = resp.Marker
	}
	assert.Equal(t, all.EvaluationResults, walked)
}

// TestSimulateRefusesForeignMarkers: a Marker is what a response gave; any
// other is an error of the input, not a silent restart.
func TestSimulateRefusesForeignMarkers(t *testing.T) {
	t.Parallel()
	for _, m := range []string{"bogus", "0", "6", "7", "-1", "04", "\x1b[2J"} {
		t.Run(strconv.Quote(m), func(t *testing.T) {
			t.Parallel()
			_, err := Simulate(pagedInput(2, m))
			require.Error(t, err)
			list := errorList(t, err)
			assert.Equal(t, keyMarker, list[0].Path)
			assert.NotContains(t, err.Error(), "\x1b", "the marker is quoted with its control characters escaped")
		})
	}
}

// TestRunStreams: Run hands over each result as it is decided and keeps
// none, so that memory stays flat however many actions and resources are
// crossed (issue 15: 1,000 x 1,000 reached 4.6 GB when every request and
// result was built first). 120 x 120 = 14,400 results here.
//
// Two checks, neither depending on scheduling or on when the collector
// happens to run: a weak pointer to every 100th result's own allocation
// must be cleared by the next forced collection (Run kept no reference to
// it), and the live heap measured by that collection (the marked bytes,
// not HeapAlloc, which also counts garbage allocated since) must stay far
// below what building every request and result first would hold (issue
// 15 measured about 4.6 KB a pair: some 66 MB at this size).
func TestRunStreams(t *testing.T) {
	in := &Input{PolicyInputList: []string{s3ReadPolicy}}
	for i := range 120 {
		in.ActionNames = append(in.ActionNames, fmt.Sprintf("s3:Action%d", i))
		in.ResourceArns = append(in.ResourceArns, fmt.Sprintf("arn:aws:s3:::bucket/key%d", i))
	}
	// The catalogue behind IamevalWarnings is decoded once and kept for
	// the process: decode it before the baseline.
	catalogWarnings("s3:GetObject", "*")
	base := liveHeap()
	var peak uint64
	var handed []weak.Pointer[ResourceSpecificResult]
	retained, n := 0, 0
	page, err := Run(in, func(r *EvaluationResult) error {
		n++
		require.Len(t, r.ResourceSpecificResults, 1, "an ARN has its resource-specific result")
		if n%100 == 0 {
			handed = append(handed, weak.Make(&r.ResourceSpecificResults[0]))
		}
		if n%3000 == 0 {
			// r is the result being handed over: everything before it
			// must be unreachable.
			current := handed[len(handed)-1]
			peak = max(peak, liveHeap())
			for _, w := range handed[:len(handed)-1] {
				if w.Value() != nil {
					retained++
				}
			}
			handed = append(handed[:0], current)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 14_400, n)
	assert.False(t, page.IsTruncated)
	assert.Zero(t, retained, "no result handed over earlier is still referenced")
	grown := int64(peak) - int64(base)
	t.Logf("live heap grew by %d KiB over 14,400 results", grown>>10)
	assert.Less(t, grown, int64(8<<20), "results and requests are not kept")
}

// liveHeap forces a complete collection (runtime.GC also finishes the
// sweep, which clears weak pointers to what it freed) and returns the heap
// bytes that collection found live.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestRunStopsOnEmitError: an error from emit stops Run and is returned.
func TestRunStopsOnEmitError(t *testing.T) {
	t.Parallel()
	stop := fmt.Errorf("stop")
	n := 0
	_, err := Run(pagedInput(0, ""), func(*EvaluationResult) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}
