//go:build !unix

package testenv

import "time"

// CPUTime is 0: this system's CPU time is not read (see cpu_unix.go).
func CPUTime() time.Duration { return 0 }
