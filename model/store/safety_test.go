package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"
	"github.com/mattn/go-sqlite3"

	"clipper/model"
)

// populated creates and closes a project with some content: enough pages
// for corruption tests to hit b-tree pages in the middle of the file.
func populated(t *testing.T) string {
	t.Helper()
	f := newFixture(t)
	var cs []*model.Clipping
	for i := range 120 {
		cs = append(cs, &model.Clipping{Body: fmt.Sprintf("Clipping %d says the figure was %d percent. %s", i, i, strings.Repeat("word ", 40)),
			Metadata: model.Metadata{Headline: fmt.Sprintf("Headline %d", i)}})
	}
	if _, err := f.s.AddClippings(f.ctx, cs); err != nil {
		t.Fatal(err)
	}
	var as []*model.Annotation
	for _, c := range cs {
		for k := range 5 {
			as = append(as, &model.Annotation{ClippingID: c.ID, TagID: f.tags["figure"].ID, CoderID: f.coder.ID,
				Start: k * 3, End: k*3 + 2, Attributes: model.Attributes{Note: "note"}})
		}
	}
	if err := f.s.AddAnnotations(f.ctx, as); err != nil {
		t.Fatal(err)
	}
	path := f.s.Path()
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyFile copies src into a new temp file and returns its path.
func copyFile(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.clip")
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// tamper runs SQL on a copy of a project with the raw driver (the app id
// stays) and returns the copy's path.
func tamper(t *testing.T, src string, stmts ...string) string {
	t.Helper()
	dst := copyFile(t, src)
	db := rawDB(t, dst)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	return dst
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 8192)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	other := filepath.Join(dir, "other.db")
	db := rawDB(t, other)
	if _, err := db.Exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	otherApp := filepath.Join(dir, "otherapp.db")
	db = rawDB(t, otherApp)
	if _, err := db.Exec(`PRAGMA application_id = 42; CREATE TABLE t (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for _, c := range []struct {
		name, path string
		msg        string
	}{
		{"text", write("notes.txt", []byte("Dear diary,\nthis is not a database.\n")), "not an SQLite database"},
		{"random bytes", write("random.bin", random), "not an SQLite database"},
		{"empty", write("empty.clip", nil), "empty"},
		{"SQLite without app id", other, "another application"},
		{"SQLite of another app", otherApp, "0x2a"},
		{"folder", dir, "not a regular file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, err := Open(c.path)
			wantErr(t, err, ErrNotProject)
			t.Log(err)
			if !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should name the file and say %q", err, c.msg)
			}
			if after, _ := os.ReadFile(c.path); !bytes.Equal(before, after) {
				t.Error("Open modified a foreign file")
			}
		})
	}
}

func TestOpenDetectsCorruption(t *testing.T) {
	src := populated(t)
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(good) / page
	if pages < 20 {
		t.Fatalf("test project has only %d pages", pages)
	}
	garbage := func(b []byte, off, n int, seed uint64) {
		r := rand.New(rand.NewPCG(seed, 7))
		for i := off; i < off+n; i++ {
			b[i] = byte(r.Uint32())
		}
	}
	for _, c := range []struct {
		name string
		edit func([]byte) []byte
	}{
		{"garbage pages in the middle", func(b []byte) []byte {
			garbage(b, pages/2*page, 3*page, 1)
			return b
		}},
		{"garbage inside pages in the middle", func(b []byte) []byte {
			for p := pages/3 + 1; p < pages*2/3; p += 2 {
				garbage(b, p*page+100, 200, uint64(p))
			}
			return b
		}},
		{"truncated to half", func(b []byte) []byte { return b[:pages/2*page] }},
		{"truncated mid-page", func(b []byte) []byte { return b[:len(b)-1000] }},
		{"truncated header", func(b []byte) []byte { return b[:60] }},
		{"bad page size in header", func(b []byte) []byte { b[16], b[17] = 0x03, 0x00; return b }},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := c.edit(bytes.Clone(good))
			p := filepath.Join(t.TempDir(), "bad.clip")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(p)
			if err == nil {
				s.Close()
			}
			wantErr(t, err, ErrCorrupt)
			t.Log(err)
		})
	}
}

// TestBigFileCheckedByCheck: a file above the full-check limit opens
// without quick_check, reports Verified false, and Check finds the damage.
func TestBigFileCheckedByCheck(t *testing.T) {
	src := populated(t)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(b) / page
	o := defaultOptions()
	o.checkLimit = int64(len(b)) - 1

	s, err := open(context.Background(), src, o)
	if err != nil {
		t.Fatal(err)
	}
	if s.Verified() {
		t.Error("Verified without a check")
	}
	if err := s.Check(context.Background()); err != nil || !s.Verified() {
		t.Errorf("Check of a good file: %v (verified %v)", err, s.Verified())
	}
	s.Close()

	r := rand.New(rand.NewPCG(5, 7))
	for i := pages / 2 * page; i < (pages/2+3)*page; i++ {
		b[i] = byte(r.Uint32())
	}
	bad := filepath.Join(t.TempDir(), "bad.clip")
	if err := os.WriteFile(bad, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = open(context.Background(), bad, o)
	if err != nil {
		t.Fatalf("open without quick_check: %v; the damage should be in pages Open does not read", err)
	}
	defer s.Close()
	err = s.Check(context.Background())
	wantErr(t, err, ErrCorrupt)
	t.Log(err)
	if s.Verified() {
		t.Error("Verified after a failed check")
	}
}

func TestOpenRefusesUnsafeSchema(t *testing.T) {
	src := populated(t)
	for _, c := range []struct {
		name  string
		stmts []string
		msg   string
	}{
		{"trigger", []string{`CREATE TRIGGER evil AFTER INSERT ON annotations BEGIN DELETE FROM tags; END`}, `trigger "evil"`},
		{"view", []string{`CREATE VIEW v AS SELECT * FROM clippings`}, `view "v"`},
		{"view replacing a table", []string{`DROP TABLE settings`,
			`CREATE VIEW settings AS SELECT 'k' AS key, 'v' AS value, '' AS created_at, '' AS updated_at`}, "view where Clipper expects a table"},
		{"extra table", []string{`CREATE TABLE spy (x)`}, `table "spy"`},
		{"extra index", []string{`CREATE INDEX idx ON annotations (note)`}, `index "idx"`},
		{"extra column", []string{`ALTER TABLE annotations ADD COLUMN extra TEXT`}, "annotations"},
		{"dropped index", []string{`DROP INDEX annotations_clipping`}, "missing"},
		{"weakened CHECK", []string{`PRAGMA writable_schema = ON`,
			`UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (start >= 0)', '') WHERE name = 'annotations'`}, "definition"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := tamper(t, src, c.stmts...)
			s, err := Open(p)
			if err == nil {
				s.Close()
			}
			wantErr(t, err, ErrUnsafeSchema)
			t.Log(err)
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should mention %q", err, c.msg)
			}
		})
	}
}

// TestHostileFunctionNotRun plants a view and a trigger that call an
// application function and checks it never runs: Open refuses the file
// before touching them, and trusted_schema=OFF blocks them even when used.
func TestHostileFunctionNotRun(t *testing.T) {
	var calls atomic.Int64
	boom := func() int64 { calls.Add(1); return 1 }
	name := "clipper-test-" + uuid.NewString()
	sql.Register(name, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := connectHook(c); err != nil {
			return err
		}
		return c.RegisterFunc("boom", boom, false)
	}})
	plain := "clipper-test-plain-" + uuid.NewString()
	sql.Register(plain, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		return c.RegisterFunc("boom", boom, false)
	}})

	src := populated(t)
	p := tamper(t, src,
		`CREATE VIEW clip_view AS SELECT boom() AS x`,
		`CREATE TRIGGER clip_trigger AFTER INSERT ON settings BEGIN SELECT boom(); END`)
	o := defaultOptions()
	o.driver = name
	_, err := open(context.Background(), p, o)
	wantErr(t, err, ErrUnsafeSchema)
	if n := calls.Load(); n != 0 {
		t.Fatalf("Open ran the hostile function %d times", n)
	}

	db, err := sql.Open(name, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var x int
	err = db.QueryRow(`SELECT x FROM clip_view`).Scan(&x)
	if err == nil || !strings.Contains(err.Error(), "unsafe use of boom()") {
		t.Errorf("querying the view: %v, want unsafe use", err)
	}
	_, err = db.Exec(`INSERT INTO settings VALUES ('k', 'v', '', '')`)
	if err == nil || !strings.Contains(err.Error(), "unsafe use of boom()") {
		t.Errorf("firing the trigger: %v, want unsafe use", err)
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("hostile function ran %d times with trusted_schema=OFF", n)
	}

	// Control: without the hook the same view does run the function, so
	// the checks above can fail.
	pdb, err := sql.Open(plain, p)
	if err != nil {
		t.Fatal(err)
	}
	defer pdb.Close()
	if err := pdb.QueryRow(`SELECT x FROM clip_view`).Scan(&x); err != nil || calls.Load() == 0 {
		t.Errorf("control: %v, %d calls", err, calls.Load())
	}
}

func TestNewerSchemaOpensReadOnly(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 2)
	src := f.s.Path()
	f.s.Close()
	p := tamper(t, src, `PRAGMA user_version = 7`)
	before, _ := os.ReadFile(p)

	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ro, msg := s.ReadOnly()
	if want := fmt.Sprintf("made by a newer Clipper (schema 7, this one knows %d); opened read-only", next-1); !ro || msg != want {
		t.Errorf("ReadOnly = %v %q, want %q", ro, msg, want)
	}
	if s.SchemaVersion() != 7 {
		t.Errorf("SchemaVersion = %d", s.SchemaVersion())
	}
	ctx := context.Background()
	if got, err := s.Annotation(ctx, a.ID); err != nil || got.Exact != "Le" {
		t.Errorf("reading a newer file: %+v %v", got, err)
	}
	if c, err := s.EnsureCoder(ctx, "ana"); err != nil || c.ID != f.coder.ID {
		t.Errorf("EnsureCoder of an existing coder on a read-only file: %v", err)
	}
	if _, err := s.DataVersion(ctx); err != nil {
		t.Error(err)
	}
	tag := &model.Tag{Name: "x", Kind: model.KindCustom}
	for name, write := range map[string]func() error{
		"SetSetting":       func() error { return s.SetSetting(ctx, "k", "v") },
		"EnsureCoder":      func() error { _, err := s.EnsureCoder(ctx, "New"); return err },
		"RenameCoder":      func() error { return s.RenameCoder(ctx, f.coder.ID, "B") },
		"AddClipping":      func() error { _, err := s.AddClipping(ctx, &model.Clipping{Body: "b"}); return err },
		"UpdateMetadata":   func() error { return s.UpdateMetadata(ctx, f.clip.ID, model.Metadata{}) },
		"CreateTag":        func() error { return s.CreateTag(ctx, f.coder.ID, tag) },
		"UpdateTag":        func() error { return s.UpdateTag(ctx, f.coder.ID, f.tags["claim"]) },
		"DeleteTag":        func() error { return s.DeleteTag(ctx, f.coder.ID, f.tags["claim"].ID, "", nil) },
		"AddAnnotation":    func() error { return s.AddAnnotation(ctx, f.ann("claim", 0, 2)) },
		"UpdateAnnotation": func() error { return s.UpdateAnnotation(ctx, f.coder.ID, a) },
		"DeleteAnnotation": func() error { return s.DeleteAnnotation(ctx, f.coder.ID, a.ID) },
		"Undo":             func() error { _, err := s.Undo(ctx, f.coder.ID); return err },
		"Redo":             func() error { _, err := s.Redo(ctx, f.coder.ID); return err },
	} {
		err := write()
		wantErr(t, err, ErrReadOnly)
		if !strings.Contains(err.Error(), "newer Clipper") {
			t.Errorf("%s: message %q should say why", name, err)
		}
	}
	// Writing around the store's checks still fails: the file is open
	// with mode=ro.
	_, err = s.db.Exec(`INSERT INTO settings VALUES ('k', 'v', '', '')`)
	wantErr(t, classify(err), ErrReadOnly)
	s.Close()
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Error("a read-only open changed the file")
	}
}

// next is the schema version one past this Clipper's.
var next = len(defaultMigrations()) + 1

// vNext is an extra migration for tests, one past the newest: it adds a
// column and a table.
func vNext(fail bool) migration {
	return migration{version: next, name: "test next", up: func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE coders ADD COLUMN email TEXT NOT NULL DEFAULT ''`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE memos (id TEXT PRIMARY KEY, text TEXT NOT NULL)`); err != nil {
			return err
		}
		if fail {
			return fmt.Errorf("step failed on purpose")
		}
		return nil
	}}
}

func TestMigrationUpgradesWithBackup(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 2)
	p := f.s.Path()
	f.s.Close()
	ctx := context.Background()
	o := defaultOptions()
	o.migrations = append(o.migrations, vNext(false))

	s, err := open(ctx, p, o)
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != next {
		t.Errorf("SchemaVersion = %d, want %d", s.SchemaVersion(), next)
	}
	var cols int
	if err := s.db.QueryRow(`SELECT count(*) FROM pragma_table_xinfo('coders') WHERE name = 'email'`).Scan(&cols); err != nil || cols != 1 {
		t.Errorf("new column missing: %d %v", cols, err)
	}
	if got, err := s.Annotation(ctx, a.ID); err != nil || got.Exact != "Le" {
		t.Errorf("data after upgrade: %+v %v", got, err)
	}
	s.Close()

	// The backup is the file before, openable by this code.
	cur := next - 1
	bak, err := Open(fmt.Sprintf("%s.bak-v%d", p, cur))
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if bak.SchemaVersion() != cur {
		t.Errorf("backup version %d", bak.SchemaVersion())
	}
	if _, err := bak.Annotation(ctx, a.ID); err != nil {
		t.Error(err)
	}
	bak.Close()

	// Reopening with the newer code checks its schema and needs no upgrade.
	if s, err = open(ctx, p, o); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(fmt.Sprintf("%s.bak-v%d-2", p, cur)); err == nil {
		t.Error("a second backup was made without an upgrade")
	}

	// This code sees a newer file and opens it read-only.
	s, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if ro, msg := s.ReadOnly(); !ro || !strings.Contains(msg, fmt.Sprintf("schema %d, this one knows %d", next, cur)) {
		t.Errorf("ReadOnly = %v %q", ro, msg)
	}
	s.Close()
}

func TestFailedMigrationKeepsOldVersion(t *testing.T) {
	f := newFixture(t)
	p := f.s.Path()
	f.s.Close()
	o := defaultOptions()
	o.migrations = append(o.migrations, vNext(true))
	_, err := open(context.Background(), p, o)
	if err == nil || !strings.Contains(err.Error(), "failed on purpose") {
		t.Fatalf("open = %v, want the step's error", err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatalf("file after a failed upgrade: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != next-1 {
		t.Errorf("version after failed upgrade = %d, want %d", s.SchemaVersion(), next-1)
	}
	if _, err := os.Stat(fmt.Sprintf("%s.bak-v%d", p, next-1)); err != nil {
		t.Errorf("backup missing: %v", err)
	}
}

func TestVacuumInto(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 2)
	dst := filepath.Join(t.TempDir(), "share.clip")
	if err := f.s.VacuumInto(f.ctx, dst); err != nil {
		t.Fatal(err)
	}
	wantErr(t, f.s.VacuumInto(f.ctx, dst), ErrExists)
	c, err := Open(dst)
	if err != nil {
		t.Fatalf("copy does not open: %v", err)
	}
	defer c.Close()
	if got, err := c.Annotation(f.ctx, a.ID); err != nil || got.Exact != "Le" {
		t.Errorf("copy content: %+v %v", got, err)
	}
	if ops, err := opsOf(c.Undo(f.ctx, f.coder.ID)); err != nil || len(ops) != 1 {
		t.Errorf("undo in the copy: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), "*.tmp-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
