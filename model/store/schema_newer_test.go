package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// newerFile makes a project that claims a newer schema (the next one) with the
// annotations table defined by replacing old with new in its SQL, and one
// annotation stored under that definition; stmts run after.
func newerFile(t *testing.T, old, new string, stmts ...string) string {
	t.Helper()
	f := newFixture(t)
	path := f.s.Path()
	f.s.Close()
	db := rawDB(t, path)
	for _, q := range []string{`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = replace(sql, '` + strings.ReplaceAll(old, "'", "''") + `', '` +
			strings.ReplaceAll(new, "'", "''") + `') WHERE name = 'annotations'`,
		`PRAGMA writable_schema = OFF`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db = rawDB(t, path)
	q := []string{`INSERT INTO annotations (id, clipping_id, tag_id, coder_id, start, "end", exact, body_hash, created_at, updated_at)
		SELECT '` + dupA + `', c.id, t.id, k.id, 0, 2, 'Le', c.body_hash, '2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z'
		FROM clippings c, tags t, coders k WHERE t.name = 'quote'`, fmt.Sprintf(`PRAGMA user_version = %d`, len(defaultMigrations())+1)}
	for _, s := range append(q, stmts...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	return path
}

const noteDef = `note        TEXT NOT NULL DEFAULT ''`

// TestOpenNewerRefusesExpressions: a file from a "newer Clipper" is
// compared leniently, but not so leniently that reading or checking it
// runs an expression Clipper did not write. The first case is the attack
// that made `annotations` use 5 GB: note redefined as a generated column
// computing a 400 MB blob.
func TestOpenNewerRefusesExpressions(t *testing.T) {
	for _, c := range []struct {
		name     string
		old, new string
		stmts    []string
		msg      string
	}{
		{"generated note of 400 MB", noteDef, `note        TEXT AS (zeroblob(400000000))`, nil, "generated column"},
		{"stored generated note", noteDef, `note        TEXT GENERATED ALWAYS AS (zeroblob(1000)) STORED`, nil, "generated column"},
		{"default expression", noteDef, `note        TEXT NOT NULL DEFAULT (zeroblob(400000000))`, nil, "zeroblob()"},
		{"check calling a function", noteDef, noteDef + ` CHECK (length(printf('%.*c', 100000000, 'x')) > 0)`, nil, "printf()"},
		{"new column defaulting to an expression", `deleted_at  TEXT
)`, `deleted_at  TEXT, extra TEXT DEFAULT (hex(randomblob(8)))
)`, nil, "function"},
		{"index on an expression", noteDef, noteDef, []string{`CREATE INDEX evil ON annotations (zeroblob(1000000))`}, `index "evil"`},
		{"note redefined without NOT NULL", noteDef, `note        TEXT DEFAULT ''`, nil, `column "note" of table "annotations" is not defined as Clipper defines it`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := newerFile(t, c.old, c.new, c.stmts...)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("a newer file with an expression Clipper did not write was opened")
			}
			wantErr(t, err, ErrUnsafeSchema)
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should say %q", err, c.msg)
			}
		})
	}
}

// TestOpenNewerAllowsPlainAdditions: what a newer Clipper may well add —
// a column with a literal default, a table, an index on columns — still
// opens read-only and reads.
func TestOpenNewerAllowsPlainAdditions(t *testing.T) {
	path := newerFile(t, noteDef, noteDef,
		`ALTER TABLE annotations ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue' CHECK (length(colour) < 20)`,
		`CREATE TABLE later (id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36), n INTEGER NOT NULL DEFAULT 0)`,
		`CREATE INDEX annotations_colour ON annotations (colour, note COLLATE NOCASE) WHERE colour <> ''`)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ro, _ := s.ReadOnly(); !ro {
		t.Error("a newer file should open read-only")
	}
	as, err := s.Annotations(context.Background(), AnnotationFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("annotations: %v %v", as, err)
	}
}

func TestFunctionCalls(t *testing.T) {
	for sql, want := range map[string]string{
		`CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36), "end" INTEGER REFERENCES x (id))`: "length",
		`CREATE TABLE t (a TEXT CHECK (a IN ('x(', 'y')) /* zeroblob( */ -- printf(
, b AS (upper(a)))`: "as upper",
		`CREATE INDEX i ON t (a COLLATE NOCASE, "lower"(b)) WHERE c IS NOT NULL AND (d > 1)`: "lower",
		`CREATE VIRTUAL TABLE f USING fts4 (content="t", a)`:                                 "",
	} {
		if got := strings.Join(functionCalls(sql), " "); got != want {
			t.Errorf("%s: %q, want %q", sql, got, want)
		}
	}
}
