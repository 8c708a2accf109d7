package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model/store"
)

func TestSavePath(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		folder, name, ext, want string
		ok                      bool
	}{
		{dir, "copy", ".clip", filepath.Join(dir, "copy.clip"), true},
		{dir, "copy.CLIP", ".clip", filepath.Join(dir, "copy.CLIP"), true},
		{dir, " report.xlsx ", ".xlsx", filepath.Join(dir, "report.xlsx"), true},
		{dir, "", ".clip", "", false},
		{dir, "..", ".clip", "", false},
		{dir, "a/b", ".clip", "", false},
		{dir, `a\b`, ".clip", "", false},
		{filepath.Join(dir, "missing"), "x", ".clip", "", false},
	}
	for _, tc := range tests {
		got, err := savePath(tc.folder, tc.name, tc.ext)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("savePath(%q, %q) = %q, %v; want %q ok=%v", tc.folder, tc.name, got, err, tc.want, tc.ok)
		}
	}
}

// TestRefuseReplacing: the open project is recognised by identity, not by
// name, and no Clipper project is ever replaced.
func TestRefuseReplacing(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "mine.clip")
	st, err := store.Create(project)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	other := filepath.Join(dir, "theirs.xlsx") // a project under an export's name
	otherSt, err := store.Create(other)
	if err != nil {
		t.Fatal(err)
	}
	otherSt.Close()
	plain := filepath.Join(dir, "old.csv")
	if err := os.WriteFile(plain, []byte("a,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	hard := filepath.Join(dir, "hard.xlsx")
	dangling := filepath.Join(dir, "dangling.csv")
	sub := filepath.Join(dir, "sub")
	if err := os.Symlink(project, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(project, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// The project named through a relative path from another directory.
	rel, err := filepath.Rel(sub, project)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)

	tests := []struct {
		name, path  string
		replaceable bool
		want        string // "" = allowed
	}{
		{"missing file", filepath.Join(dir, "new.xlsx"), true, ""},
		{"missing file, no replacing", filepath.Join(dir, "new.clip"), false, ""},
		{"the project", project, true, "is the open project"},
		{"the project, relative", rel, true, "is the open project"},
		{"the project, dotted", filepath.Join(sub, "..", "mine.clip"), true, "is the open project"},
		{"symlink to the project", link, true, "is the open project"},
		{"hard link to the project", hard, true, "is the open project"},
		{"another project", other, true, "is a Clipper project"},
		{"another project, no replacing", other, false, "is a Clipper project"},
		{"plain file", plain, true, ""},
		{"plain file, no replacing", plain, false, "already exists"},
		{"dangling link", dangling, true, ""},
		{"dangling link, no replacing", dangling, false, "already exists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := refuseReplacing(tc.path, project, tc.replaceable)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}
