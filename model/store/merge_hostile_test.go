package store

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeRefusesHostileFiles: files that are not sound Clipper projects
// are refused with the reason, and the project is left byte for byte as
// it was — and still merges a sound file afterwards.
func TestMergeRefusesHostileFiles(t *testing.T) {
	// Temporary copies go to a folder of this test's own, so that other
	// programs' merges running at the same time cannot look like leftovers.
	t.Setenv("TMPDIR", t.TempDir())
	src := populated(t)
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(good) / page
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "incoming.clip")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbled := bytes.Clone(good)
	r := rand.New(rand.NewPCG(3, 4))
	for i := pages / 2 * page; i < (pages/2+3)*page; i++ {
		garbled[i] = byte(r.Uint32())
	}
	for _, c := range []struct {
		name   string
		path   string
		target error
		msg    string
	}{
		{"trigger calling a function", tamper(t, src,
			`CREATE TRIGGER evil AFTER INSERT ON annotations BEGIN SELECT load_extension('/tmp/x'); END`), ErrUnsafeSchema, `trigger "evil"`},
		{"view calling a function", tamper(t, src, `CREATE VIEW spy AS SELECT randomblob(16) AS x, * FROM annotations`), ErrUnsafeSchema, `view "spy"`},
		{"view where a table should be", tamper(t, src, `DROP TABLE rejections`,
			`CREATE VIEW rejections AS SELECT id, clipping_id, coder_id, 'quote' AS kind, 0 AS start, 1 AS "end", '' AS text,
				created_at, updated_at FROM annotations`), ErrUnsafeSchema, "view where Clipper expects a table"},
		{"wrong application id", tamper(t, src, `PRAGMA application_id = 42`), ErrNotProject, "another application"},
		{"newer schema", tamper(t, src, `PRAGMA user_version = 7`), ErrSchemaVersion, fmt.Sprintf("newer Clipper (schema 7, this one knows %d)", len(defaultMigrations()))},
		{"truncated", write(good[:pages/2*page]), ErrCorrupt, "truncated"},
		{"corrupted pages", write(garbled), ErrCorrupt, "integrity_check"},
		{"not SQLite", write([]byte("Dear colleague,\nhere are my annotations.\n")), ErrNotProject, "not an SQLite database"},
		{"empty", write(nil), ErrNotProject, "empty"},
		{"a folder", t.TempDir(), ErrNotProject, "not a regular file"},
		{"missing", filepath.Join(t.TempDir(), "nothing.clip"), fs.ErrNotExist, "no such file"},
		{"bad replica id", tamper(t, src, `UPDATE replica SET id = 'not-a-uuid-but-thirty-six-characters'`), ErrCorrupt, "replica id"},
		{"index calling a function", tamper(t, src, `PRAGMA writable_schema = ON`,
			`UPDATE sqlite_schema SET sql = replace(sql, 'clipping_id, deleted_at', 'clipping_id, zeroblob(1000000)') WHERE name = 'annotations_clipping'`),
			ErrUnsafeSchema, `index "annotations_clipping"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			f.addOn(t, f.clip, "claim", "The unemployment rate fell", "mine")
			before, err := os.ReadFile(f.s.Path())
			if err != nil {
				t.Fatal(err)
			}
			snap := snapshot(t, f.s)
			rep, err := f.s.Merge(f.ctx, c.path, MergeOptions{CoderID: f.coder.ID})
			wantErr(t, err, c.target)
			t.Log(err)
			if !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.path) {
				t.Errorf("message %q should name the file and say %q", err, c.msg)
			}
			if rep.Changes() != 0 {
				t.Errorf("a refused merge reports changes: %s", rep.Summary())
			}
			after, err := os.ReadFile(f.s.Path())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) || snapshot(t, f.s) != snap {
				t.Error("a refused merge changed the project")
			}
			if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "clipper-merge-*")); len(left) > 0 {
				t.Errorf("temporary copies left: %v", left)
			}
			// The project is still fine and still merges a sound file.
			rep = merge(t, f, src, MergeOptions{})
			if len(rep.Clippings.Added) != 120 || rep.Annotations.Added != 600 {
				t.Errorf("merge after a refusal: %s", rep.Summary())
			}
		})
	}
}

// TestMergeRefusesUnclosedFiles: a file copied while it was open — a
// non-empty -journal or -wal beside it — is refused with what to do; a
// file that was merely left in WAL mode, or has an empty journal beside
// it, merges as the main file alone.
func TestMergeRefusesUnclosedFiles(t *testing.T) {
	src := populated(t)
	wal := tamper(t, src, `PRAGMA journal_mode = WAL`, `UPDATE annotations SET note = 'in wal' WHERE rid = 1`,
		`INSERT INTO note_fts (note_fts) VALUES ('rebuild')`)
	if b, _ := os.ReadFile(wal); b[18] != 2 {
		t.Fatal("setup: the file should be in WAL mode")
	}
	emptyJournal := copyFile(t, src)
	if err := os.WriteFile(emptyJournal+"-journal", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]string{"WAL mode": wal, "empty journal": emptyJournal} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			rep := merge(t, f, p, MergeOptions{})
			if rep.Annotations.Added != 600 {
				t.Errorf("report: %s", rep.Summary())
			}
			if _, err := os.Stat(p + "-wal"); err == nil {
				t.Error("merging created a -wal next to the colleague's file")
			}
		})
	}
	for _, ext := range []string{"-journal", "-wal"} {
		t.Run("with "+ext, func(t *testing.T) {
			p := copyFile(t, src)
			if err := os.WriteFile(p+ext, bytes.Repeat([]byte{0xAB}, 4096), 0o644); err != nil {
				t.Fatal(err)
			}
			f := newFixture(t)
			snap := snapshot(t, f.s)
			_, err := f.s.Merge(f.ctx, p, MergeOptions{})
			wantErr(t, err, ErrNotClosed)
			for _, say := range []string{"copy.clip" + ext, "not closed cleanly", "Open it in Clipper on the computer it came from",
				"ask your colleague to close Clipper and send the file again"} {
				if !strings.Contains(err.Error(), say) {
					t.Errorf("message %q should say %q", err, say)
				}
			}
			if snapshot(t, f.s) != snap {
				t.Error("a refused merge changed the project")
			}
		})
	}
}

// TestMergeIntoReadOnly: a project open read-only refuses to merge.
func TestMergeIntoReadOnly(t *testing.T) {
	f := newFixture(t)
	src := share(t, f, ShareOptions{})
	p := f.s.Path()
	f.s.Close()
	ro := tamper(t, p, `PRAGMA user_version = 7`)
	s, err := Open(ro)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Merge(f.ctx, src, MergeOptions{})
	wantErr(t, err, ErrReadOnly)
	wantErr(t, s.Share(f.ctx, filepath.Join(t.TempDir(), "x.clip"), ShareOptions{}), ErrReadOnly)
}
