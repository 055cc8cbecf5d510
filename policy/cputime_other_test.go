//go:build !unix

package policy

import "time"

// cpuTime is not measured outside Unix; the benchmark reports 0.
func cpuTime() time.Duration { return 0 }
