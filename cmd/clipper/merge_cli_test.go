package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShareMergeCLI: share a project, annotate the copy as another coder,
// preview and merge it back; the second merge finds nothing new; bad
// files and usage are refused.
func TestShareMergeCLI(t *testing.T) {
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana.clip")
	id, _ := importSample(t, ana)
	if _, errs, code := clipper(t, ana, "--coder", "Ana", "annotate", "--clipping", id, "--tag", "claim", "--start", "0", "--end", "8"); code != 0 {
		t.Fatalf("annotate: %s", errs)
	}

	ben := filepath.Join(dir, "ben.clip")
	out, errs, code := clipper(t, ana, "share", "-o", ben, "--without-originals")
	if code != 0 {
		t.Fatalf("share: %d %s", code, errs)
	}
	var shared struct {
		File  string `json:"file"`
		Bytes int64  `json:"bytes"`
	}
	if err := json.Unmarshal([]byte(out), &shared); err != nil {
		t.Fatalf("share output %q: %v", out, err)
	}
	if fi, err := os.Stat(ben); err != nil || shared.File != ben || shared.Bytes != fi.Size() {
		t.Errorf("share printed %+v; file: %v", shared, err)
	}
	if _, errs, code := clipper(t, ana, "share", "-o", ben); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("share over an existing file: %d %s", code, errs)
	}

	if _, errs, code := clipper(t, ben, "--coder", "Ben", "annotate", "--clipping", id, "--tag", "quote", "--start", "10", "--end", "20", "--note", "Ben was here"); code != 0 {
		t.Fatalf("annotate the copy: %s", errs)
	}

	count := func() int {
		out, _, code := clipper(t, ana, "annotations")
		if code != 0 {
			t.Fatal("annotations failed")
		}
		return len(jsonLines(t, out))
	}
	report := func(out string) map[string]any {
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("merge output is not JSON: %v\n%s", err, out)
		}
		return r["annotations"].(map[string]any)
	}

	out, errs, code = clipper(t, ana, "merge", ben, "--dry-run")
	if code != 0 {
		t.Fatalf("merge --dry-run: %d %s", code, errs)
	}
	if a := report(out); a["added"] != 1.0 || !strings.Contains(errs, "would merge ben.clip: 1 coders added, 1 annotations added") {
		t.Errorf("dry run: %v / %s", a, errs)
	}
	if n := count(); n != 1 {
		t.Errorf("a dry run changed the project: %d annotations", n)
	}

	out, errs, code = clipper(t, ana, "--coder", "Ana", "merge", "--keep-both-tags", ben)
	if code != 0 {
		t.Fatalf("merge: %d %s", code, errs)
	}
	if a := report(out); a["added"] != 1.0 || a["unchanged"] != 1.0 || !strings.Contains(errs, "merged ben.clip") {
		t.Errorf("merge: %v / %s", a, errs)
	}
	if n := count(); n != 2 {
		t.Errorf("after merging: %d annotations, want 2", n)
	}
	out, errs, _ = clipper(t, ana, "search", "Ben")
	if !strings.Contains(out, id) {
		t.Errorf("merged note not searchable: %s %s", out, errs)
	}
	out, errs, code = clipper(t, ana, "merge", ben)
	if code != 0 || report(out)["added"] != 0.0 || !strings.Contains(errs, "nothing new") {
		t.Errorf("second merge: %d %s %s", code, out, errs)
	}

	notes := filepath.Join(dir, "notes.clip")
	mustWrite(t, notes, []byte("my notes, not a project\n"))
	if _, errs, code := clipper(t, ana, "merge", notes); code != 1 || !strings.Contains(errs, "not an SQLite database") {
		t.Errorf("merging a text file: %d %s", code, errs)
	}
	for _, args := range [][]string{{"merge"}, {"merge", ben, notes}, {"share"}, {"share", "-o", filepath.Join(dir, "x.clip"), "extra"}} {
		if _, errs, code := clipper(t, ana, args...); code != 2 || !strings.Contains(errs, "usage:") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
}
