//go:build !unix

package scenario

import "os"

// openFlags are the flags ReadFile opens with; outside Unix there is no
// named pipe to open by path.
const openFlags = os.O_RDONLY
