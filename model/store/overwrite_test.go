package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ownSpellings returns paths that name the project at path: the path, a
// relative path from another directory (the test's working directory is
// changed to it), a symbolic link and a hard link.
func ownSpellings(t *testing.T, path string) map[string]string {
	t.Helper()
	dir := filepath.Dir(path)
	elsewhere := filepath.Join(dir, "sub")
	if err := os.Mkdir(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "link.clip")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.clip")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	t.Chdir(elsewhere)
	return map[string]string{
		"same path": path,
		"relative":  filepath.Join("..", filepath.Base(path)),
		"dot path":  "../sub/../" + filepath.Base(path),
		"symlink":   sym,
		"hard link": hard,
	}
}

// TestWritersRefuseTheOpenProject: Share and VacuumInto never write over
// the project they copy, however its path is spelled, and say so.
func TestWritersRefuseTheOpenProject(t *testing.T) {
	f := newFixture(t)
	before, err := os.ReadFile(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(ctx context.Context, dst string) error{
		"share":  func(ctx context.Context, dst string) error { return f.s.Share(ctx, dst, ShareOptions{}) },
		"vacuum": f.s.VacuumInto,
	}
	for name, dst := range ownSpellings(t, f.s.Path()) {
		for wname, write := range writers {
			err := write(f.ctx, dst)
			wantErr(t, err, ErrExists)
			if !strings.Contains(err.Error(), "over the open project "+dst) {
				t.Errorf("%s to %s (%s): error %q does not name the open project", wname, dst, name, err)
			}
		}
	}
	after, err := os.ReadFile(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the project file changed")
	}
	if _, err := f.s.ClippingSummaries(f.ctx); err != nil {
		t.Errorf("project unusable afterwards: %v", err)
	}
}

func TestIsProject(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	proj, err := os.ReadFile(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db := rawDB(t, other)
	if _, err := db.Exec("CREATE TABLE t (x); PRAGMA application_id = 7"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		want       bool
	}{
		{"project", f.s.Path(), true},
		{"truncated project", write("trunc.clip", proj[:100]), true},
		{"other SQLite file", other, false},
		{"workbook", write("a.xlsx", []byte("PK\x03\x04 not a database")), false},
		{"empty", write("empty.clip", nil), false},
		{"missing", filepath.Join(dir, "missing.clip"), false},
		{"directory", dir, false},
	} {
		got, err := IsProject(c.path)
		if err != nil || got != c.want {
			t.Errorf("IsProject(%s) = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
}

// TestOpenMissingCreatesNothing: Open of a missing path or a dangling
// symbolic link gives ErrNoProject and leaves no file behind; creating
// through a dangling link is refused too.
func TestOpenMissingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.clip")
	dangling := filepath.Join(dir, "dangling.clip")
	if err := os.Symlink(filepath.Join(dir, "gone.clip"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{missing, dangling} {
		_, err := Open(p)
		wantErr(t, err, ErrNoProject)
	}
	if _, err := OpenOrCreate(dangling); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("OpenOrCreate through a dangling link: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 || left[0] != dangling {
		t.Errorf("files left: %q", left)
	}
}
