package gui

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSavePath(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "mine.clip")
	if err := os.WriteFile(project, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		folder, name, ext, want string
		ok                      bool
	}{
		{dir, "copy", ".clip", filepath.Join(dir, "copy.clip"), true},
		{dir, "copy.CLIP", ".clip", filepath.Join(dir, "copy.CLIP"), true},
		{dir, " report.xlsx ", ".xlsx", filepath.Join(dir, "report.xlsx"), true},
		{dir, "mine", ".clip", "", false},      // the open project
		{dir, "mine.clip", ".clip", "", false}, // the open project
		{dir, "", ".clip", "", false},
		{dir, "a/b", ".clip", "", false},
		{filepath.Join(dir, "missing"), "x", ".clip", "", false},
	}
	for _, tc := range tests {
		got, err := savePath(tc.folder, tc.name, tc.ext, project)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("savePath(%q, %q) = %q, %v; want %q ok=%v", tc.folder, tc.name, got, err, tc.want, tc.ok)
		}
	}
}
