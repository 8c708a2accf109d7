//go:build !windows

package main

// attachConsole is needed on Windows only (console_windows.go): elsewhere a
// program started from a terminal always has its standard output, and
// stderr is assumed to reach the user.
func attachConsole() (stderrShown bool) { return true }

// showErrorBox is needed on Windows only.
func showErrorBox(string) {}
