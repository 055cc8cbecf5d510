package variables

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestExpansionBudget: an expansion that would pass MaxExpansion stops
// there and says so, leaving dst as it was, in text and pattern form
// (issue 15: ${x} 1,000 times with a 100 KB value took 562 MB).
func TestExpansionBudget(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("v", 100<<10)
	l := mapLookup{"x": long, "short": "ab*"}
	tests := []struct {
		name string
		tmpl string
		want Status
	}{
		{"fits", "${short}/${short}", Expanded},
		{"one value past the budget", "${x}", OverBudget},
		{"repeated past the budget", strings.Repeat("${short}", MaxExpansion), OverBudget},
		{"unresolved", "${missing}", Unresolved},
		{"plain text is not expanded", strings.Repeat("a", 2*MaxExpansion), Expanded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tmpl, _ := Parse(tc.tmpl, Substitute)
			dst := []byte("keep")
			out, st := tmpl.AppendTextStatus(dst, l)
			assert.Equal(t, tc.want, st, "text")
			if st != Expanded {
				assert.Equal(t, "keep", string(out), "dst is returned as it was")
			}
			out, st = tmpl.AppendPatternStatus(dst, l)
			assert.Equal(t, tc.want, st, "pattern")
			if st != Expanded {
				assert.Equal(t, "keep", string(out))
			}
			_, ok := tmpl.AppendText(nil, l)
			assert.Equal(t, tc.want == Expanded, ok)
		})
	}
}

// TestExpansionBudgetAllocations: stopping at the budget allocates little
// however often the template repeats a long value. Not parallel:
// AllocsPerRun needs the test to itself.
func TestExpansionBudgetAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under -race")
	}
	l := mapLookup{"x": strings.Repeat("v", 100<<10)}
	tmpl, _ := Parse(strings.Repeat("${x}", 1000), Substitute)
	allocs := testing.AllocsPerRun(5, func() { tmpl.AppendTextStatus(make([]byte, 0, 256), l) })
	assert.LessOrEqual(t, allocs, 2.0, "stopping at the budget allocates little")
}
