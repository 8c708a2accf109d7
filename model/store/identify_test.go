package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestIsProjectKinds(t *testing.T) {
	dir := t.TempDir()
	project := newProject(t).Path()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	whole, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db := rawDB(t, foreign)
	if _, err := db.Exec(`CREATE TABLE t(x); PRAGMA application_id = 42`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(project, link); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, path string
		want       bool
	}{
		{"a project", project, true},
		{"a link to a project", link, true},
		{"a copy cut mid-page (damaged, still Clipper's)", write("cut.clip", whole[:len(whole)-100]), true},
		{"the header alone", write("head.clip", whole[:100]), true},
		{"missing", filepath.Join(dir, "missing.clip"), false},
		{"a folder", dir, false},
		{"empty", write("empty.clip", nil), false},
		{"text", write("notes.txt", []byte("a,b,c\n1,2,3\n")), false},
		{"SQLite of another application", foreign, false},
		{"SQLite magic, too short for an id", write("short.clip", whole[:50]), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := IsProject(tc.path)
			if err != nil || got != tc.want {
				t.Errorf("IsProject = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
