package testenv

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Skipf(f string, args ...any)  { r.skipped = fmt.Sprintf(f, args...) }
func (r *recorder) Fatalf(f string, args ...any) { r.failed = fmt.Sprintf(f, args...) }

func TestMissingSkipsOutsideCIAndFailsInCI(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		checks := map[string]func(r *recorder) string{
			"tool": func(r *recorder) string { return Tool(r, "no-such-program-xyz", "apt-get install xyz") },
			"dir":  func(r *recorder) string { return Dir(r, "/no/such/corpus", "the shared corpus") },
		}
		for name, check := range checks {
			r := &recorder{TB: t}
			if got := check(r); got != "" {
				t.Errorf("%s CI=%q: returned %q for something missing", name, ci, got)
			}
			msg, other := r.skipped, r.failed
			if ci == "true" {
				msg, other = r.failed, r.skipped
			}
			if msg == "" || other != "" || strings.Contains(msg, "\n") {
				t.Errorf("%s CI=%q: skipped %q, failed %q; want one line in the right one", name, ci, r.skipped, r.failed)
			}
			if !strings.Contains(msg, "xyz") && !strings.Contains(msg, "corpus") {
				t.Errorf("%s CI=%q: message %q does not say what is missing", name, ci, msg)
			}
		}
	}
	r := &recorder{TB: t}
	if p := Dir(r, t.TempDir(), "a directory"); p == "" || r.skipped != "" || r.failed != "" {
		t.Errorf("an existing directory was refused: %q %q %q", p, r.skipped, r.failed)
	}
}
