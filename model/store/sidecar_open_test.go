package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crashCopy returns a copy of src as a crash would leave it: taken, with
// its hot -journal, in the middle of a write transaction that changed
// every annotation's note (spilled into the file by a tiny page cache),
// after a committed change of annotation rid 1's note to "saved".
func crashCopy(t *testing.T, src string) string {
	t.Helper()
	work := copyFile(t, src)
	db, err := sql.Open(driverName, work+"?_journal_mode=DELETE&_sync=FULL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA cache_size = 2`, `UPDATE annotations SET note = 'saved' WHERE rid = 1`,
		`BEGIN IMMEDIATE`, `UPDATE annotations SET note = 'unfinished ' || hex(zeroblob(200)) WHERE rid > 1`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	dst := filepath.Join(t.TempDir(), "crashed.clip")
	for _, ext := range []string{"", "-journal"} {
		b, err := os.ReadFile(work + ext)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+ext, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestOpenRecoversOwnCrash: a project left with a hot journal by a crash
// opens; the unfinished change is undone, the change saved before it kept,
// the user told, and the file as found kept beside it with its journal.
func TestOpenRecoversOwnCrash(t *testing.T) {
	p := crashCopy(t, populated(t))
	asFound, _ := os.ReadFile(p)
	s, err := Open(p)
	if err != nil {
		t.Fatalf("open after a crash: %v", err)
	}
	defer s.Close()
	msg := s.Recovered()
	for _, say := range []string{"not closed cleanly", "unfinished change was undone", "every change saved before it is kept", ".unclean-"} {
		if !strings.Contains(msg, say) {
			t.Errorf("notice %q should say %q", msg, say)
		}
	}
	if !s.Verified() {
		t.Error("a recovered file should have every page checked")
	}
	var saved, unfinished int
	if err := s.db.QueryRow(`SELECT count(*) FILTER (WHERE note = 'saved'), count(*) FILTER (WHERE note LIKE 'unfinished%') FROM annotations`).
		Scan(&saved, &unfinished); err != nil {
		t.Fatal(err)
	}
	if saved != 1 || unfinished != 0 {
		t.Errorf("after recovery %d saved, %d unfinished notes; want 1 and 0", saved, unfinished)
	}
	if _, err := os.Stat(p + "-journal"); err == nil {
		t.Error("the journal is still there")
	}
	kept, _ := filepath.Glob(p + ".unclean-*.clip")
	if len(kept) != 1 {
		t.Fatalf("copies as found: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, asFound) {
		t.Error("the copy is not the file as found")
	}
	if fi, err := os.Stat(kept[0] + "-journal"); err != nil || fi.Size() == 0 {
		t.Errorf("the journal as found was not kept: %v", err)
	}
	// A clean open says nothing.
	s.Close()
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if m := s2.Recovered(); m != "" {
		t.Errorf("clean open: %q", m)
	}
}

// TestOpenRefusesWAL: a -wal beside a project — here another project's,
// as if received with a file of the same name — is never replayed into
// it: the open is refused with what to do, and neither file changes.
func TestOpenRefusesWAL(t *testing.T) {
	src := populated(t)
	other := copyFile(t, src)
	db, err := sql.Open(driverName, other)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{`PRAGMA journal_mode = WAL`, `PRAGMA wal_autocheckpoint = 0`, `UPDATE annotations SET note = 'from the wal'`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	wal, err := os.ReadFile(other + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("setup: no -wal: %v", err)
	}
	p := copyFile(t, src)
	if err := os.WriteFile(p+"-wal", wal, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	s, err := Open(p)
	if err == nil {
		s.Close()
		t.Fatal("a project with a -wal beside it was opened")
	}
	wantErr(t, err, ErrNotClosed)
	for _, say := range []string{"copy.clip-wal", "never writes one", "move copy.clip-wal elsewhere"} {
		if !strings.Contains(err.Error(), say) {
			t.Errorf("message %q should say %q", err, say)
		}
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Error("the refused open changed the project")
	}
	if after, _ := os.ReadFile(p + "-wal"); !bytes.Equal(wal, after) {
		t.Error("the refused open changed the -wal")
	}
	// An empty -wal is nothing to replay.
	if err := os.WriteFile(p+"-wal", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(p)
	if err != nil {
		t.Fatalf("open with an empty -wal: %v", err)
	}
	s.Close()
}
