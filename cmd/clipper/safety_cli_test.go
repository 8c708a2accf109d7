package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWritersRefuseTheOpenProject: `export -o` and `share -o` never write
// over the project named by --db, however either path is spelled, nor does
// export replace any other Clipper project. Each says why and exits 1.
func TestWritersRefuseTheOpenProject(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.clip")
	id, _ := importSample(t, db)
	other := filepath.Join(dir, "other.clip")
	importSample(t, other)
	if err := os.Symlink(db, filepath.Join(dir, "link.clip")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, filepath.Join(dir, "hard.clip")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	snapshot := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	before, otherBefore := snapshot(db), snapshot(other)

	t.Chdir(dir)
	cases := []struct {
		wd, db, out, says string
	}{
		{dir, "p.clip", "p.clip", "over the open project p.clip"},
		{dir, "p.clip", "./p.clip", "over the open project ./p.clip"},
		{dir, "./p.clip", filepath.Join(dir, "p.clip"), "over the open project"},
		{filepath.Join(dir, "sub"), "../p.clip", "../p.clip", "over the open project ../p.clip"},
		{filepath.Join(dir, "sub"), db, "../sub/../p.clip", "over the open project"},
		{dir, "p.clip", "link.clip", "over the open project link.clip"},
		{dir, "p.clip", "hard.clip", "over the open project hard.clip"},
	}
	for _, c := range cases {
		if err := os.Chdir(c.wd); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"export", "--format", "xlsx", "-o", c.out},
			{"export", "--format", "csv", "-o", c.out},
			{"share", "-o", c.out},
		} {
			_, errs, code := clipper(t, c.db, args...)
			if code != 1 || !strings.Contains(errs, c.says) || !strings.Contains(errs, "choose another file name") {
				t.Errorf("--db %s %v (in %s): exit %d, stderr %q; want a refusal saying %q", c.db, args, c.wd, code, errs, c.says)
			}
		}
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	_, errs, code := clipper(t, "p.clip", "export", "--format", "json", "-o", "other.clip")
	if code != 1 || !strings.Contains(errs, "refusing to replace the Clipper project other.clip") {
		t.Errorf("export over another project: exit %d, stderr %q", code, errs)
	}
	if !bytes.Equal(before, snapshot(db)) || !bytes.Equal(otherBefore, snapshot(other)) {
		t.Fatal("a project file changed")
	}
	out, errs, code := clipper(t, db, "list")
	if rows := jsonLines(t, out); code != 0 || len(rows) != 1 || rows[0]["id"] != id {
		t.Errorf("list afterwards: exit %d, %s %s", code, out, errs)
	}
	// An ordinary existing file is still replaced by an export.
	if err := os.WriteFile("old.csv", []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := clipper(t, db, "export", "--format", "csv", "-o", "old.csv"); code != 0 || string(snapshot("old.csv")) == "old" {
		t.Errorf("export over an old CSV: exit %d, %s", code, errs)
	}
}

// TestOnlyImportCreatesAProject: every command but import answers "no
// such project" for a missing --db or a dangling symbolic link and leaves
// no file behind; import creates the project.
func TestOnlyImportCreatesAProject(t *testing.T) {
	dir := t.TempDir()
	theirs := filepath.Join(dir, "theirs.clip")
	importSample(t, theirs)
	missing := filepath.Join(dir, "typo.clip")
	dangling := filepath.Join(dir, "dangling.clip")
	if err := os.Symlink(filepath.Join(dir, "moved-away.clip"), dangling); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"list"},
		{"annotations"},
		{"search", "lead"},
		{"stats"},
		{"export", "--format", "csv", "-o", filepath.Join(dir, "out.csv")},
		{"agree"},
		{"share", "-o", filepath.Join(dir, "copy.clip")},
		{"merge", theirs},
		{"annotate", "--clipping", "x", "--tag", "claim", "--start", "0", "--end", "3"},
		{"suggest", "--clipping", "x"},
	}
	for _, db := range []string{missing, dangling} {
		for _, args := range commands {
			_, errs, code := clipper(t, db, args...)
			if code != 1 || !strings.Contains(errs, "no such project: "+db) {
				t.Errorf("%s on %s: exit %d, stderr %q; want \"no such project: %s\"", args[0], filepath.Base(db), code, errs, db)
			}
		}
	}
	if _, errs, _ := clipper(t, dangling, "list"); !strings.Contains(errs, "symbolic link") {
		t.Errorf("a dangling link is not named as such: %q", errs)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 2 {
		t.Fatalf("files after the refused commands: %q, want only theirs.clip and the link", names)
	}
	if _, errs, code := clipper(t, missing, "import", samplePath); code != 0 {
		t.Fatalf("import into a new project: exit %d, %s", code, errs)
	}
	if out, _, code := clipper(t, missing, "list"); code != 0 || len(jsonLines(t, out)) != 1 {
		t.Errorf("list of the new project: exit %d, %s", code, out)
	}
}
