package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsAboutSidecars: a command on a project with a non-empty -wal
// beside it fails saying what to do and changes nothing; one on a project
// left with a hot journal by an interrupted save recovers it and says so
// on stderr, naming the copy kept as found.
func TestCommandsAboutSidecars(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "p.clip")
	if _, errs, code := clipper(t, db, "import", samplePath); code != 0 {
		t.Fatalf("import: %s", errs)
	}

	// A -wal: refused, nothing changed.
	before, _ := os.ReadFile(db)
	if err := os.WriteFile(db+"-wal", bytes.Repeat([]byte{0x37}, 4096), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := clipper(t, db, "list")
	if code == 0 || !strings.Contains(errs, "p.clip-wal lies beside it") || !strings.Contains(errs, "move p.clip-wal elsewhere") {
		t.Errorf("list with a -wal: exit %d, %s", code, errs)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the refused command changed the project")
	}
	os.Remove(db + "-wal")

	// A hot journal, as a crash during a save leaves it.
	raw, err := sql.Open("sqlite3", db+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	for _, q := range []string{`PRAGMA cache_size = 2`, `BEGIN IMMEDIATE`,
		`UPDATE clippings SET body = body || ' unfinished ' || hex(zeroblob(20000))`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	crashed := filepath.Join(t.TempDir(), "crashed.clip")
	for _, ext := range []string{"", "-journal"} {
		b, err := os.ReadFile(db + ext)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(crashed+ext, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw.Exec(`ROLLBACK`)
	raw.Close()
	out, errs, code := clipper(t, crashed, "list")
	if code != 0 || !strings.Contains(errs, "crashed.clip was not closed cleanly") || !strings.Contains(errs, "crashed.clip.unclean-") {
		t.Errorf("list after a crash: exit %d, %s", code, errs)
	}
	if strings.Contains(out, "unfinished") || !strings.Contains(out, `"headline"`) {
		t.Errorf("list after a crash: %s", out)
	}
}
