// Package testenv decides what a test does when something it needs lies
// outside the repository (a program such as LibreOffice or Xvfb, the shared
// corpus): outside CI the test is skipped with one line saying what to
// install; with CI=true (which .ci/run sets) it fails, so CI never goes
// green by skipping. Importing it is optional: the rule is three lines.
// It also reads the process's CPU time for benchmarks (CPUTime).
package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true).
func InCI() bool { return os.Getenv("CI") == "true" }

// Tool returns the path of the program name. When it is not installed the
// test is skipped, or in CI failed, with install saying how to get it
// (e.g. "apt-get install xvfb, or make test-deps").
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	missing(t, name+" is not installed: "+install)
	return ""
}

// Dir returns path when it is a directory (such as the shared corpus);
// otherwise the test is skipped, or in CI failed, with what naming it.
func Dir(t testing.TB, path, what string) string {
	t.Helper()
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return path
	}
	missing(t, what+" not found at "+path)
	return ""
}

func missing(t testing.TB, msg string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI=true: required)", msg)
		return
	}
	t.Skipf("skipped: %s", msg)
}

// RunWithoutTools runs the test named test of the current test binary again
// in a child process that finds no programs (PATH is an empty directory),
// with CI=true when ci is set and CI unset otherwise, and returns its
// verbose output and exit error: how a fresh machine sees that test.
func RunWithoutTools(t testing.TB, test string, ci bool) (string, error) {
	t.Helper()
	env := []string{"PATH=" + t.TempDir()}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "CI=") {
			env = append(env, kv)
		}
	}
	if ci {
		env = append(env, "CI=true")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}
