//go:build unix

package policy

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, user and
// system: on a shared machine it measures the work of a benchmark better
// than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
