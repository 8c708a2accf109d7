package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeReportCLI: the merge report lists the annotations it added
// only with --verbose; --report writes one line per annotation decided
// about; the summary counts them either way.
func TestMergeReportCLI(t *testing.T) {
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana.clip")
	id, _ := importSample(t, ana)
	ben := filepath.Join(dir, "ben.clip")
	if _, errs, code := clipper(t, ana, "share", "-o", ben); code != 0 {
		t.Fatalf("share: %s", errs)
	}
	for _, span := range [][2]string{{"0", "8"}, {"10", "20"}, {"21", "30"}} {
		if _, errs, code := clipper(t, ben, "--coder", "Ben", "annotate", "--clipping", id, "--tag", "quote",
			"--start", span[0], "--end", span[1]); code != 0 {
			t.Fatalf("annotate: %s", errs)
		}
	}
	annotations := func(out string) map[string]any {
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("merge output is not JSON: %v\n%s", err, out)
		}
		return r["annotations"].(map[string]any)
	}
	out, errs, code := clipper(t, ana, "merge", ben, "--dry-run")
	if a := annotations(out); code != 0 || a["added"] != 3.0 || a["added_ids"] != nil || !strings.Contains(errs, "3 annotations added") {
		t.Errorf("summary: %d %v %s", code, a, errs)
	}
	out, _, code = clipper(t, ana, "merge", ben, "--dry-run", "--verbose")
	if a := annotations(out); code != 0 || len(a["added_ids"].([]any)) != 3 {
		t.Errorf("verbose: %d %v", code, a)
	}
	items := filepath.Join(dir, "items.jsonl")
	out, errs, code = clipper(t, ana, "--coder", "Ana", "merge", ben, "--report", items)
	if a := annotations(out); code != 0 || a["added"] != 3.0 || a["added_ids"] != nil {
		t.Fatalf("merge: %d %v %s", code, a, errs)
	}
	data, err := os.ReadFile(items)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for _, l := range lines {
		var it map[string]any
		if err := json.Unmarshal([]byte(l), &it); err != nil || it["what"] != "added" || it["clipping_id"] != id {
			t.Errorf("report line %q: %v", l, err)
		}
	}
	if len(lines) != 3 {
		t.Errorf("%d report lines, want 3", len(lines))
	}
	if _, errs, code := clipper(t, ana, "merge", ben, "--report", ana); code != 1 || !strings.Contains(errs, "refusing") {
		t.Errorf("a report over the project: %d %s", code, errs)
	}
}
