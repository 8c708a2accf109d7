//go:build !linux

package ingest

// cpuSeconds is not measured on this system.
func cpuSeconds() float64 { return 0 }
