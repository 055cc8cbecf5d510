//go:build unix

package scenario

import (
	"os"
	"syscall"
)

// openFlags opens without blocking: were the path swapped for a named pipe
// after ReadFile's Stat, the open returns at once and the check of the
// opened file refuses it.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
