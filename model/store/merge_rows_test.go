package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// idOf returns the id of the row rid of table in the file at path.
func idOf(t *testing.T, path, table string, rid int) string {
	t.Helper()
	db := rawDB(t, path)
	var id string
	if err := db.QueryRow(`SELECT id FROM `+table+` WHERE rowid = ?`, rid).Scan(&id); err != nil {
		t.Fatalf("id of %s row %d: %v", table, rid, err)
	}
	db.Close()
	return id
}

// patch replaces every occurrence of old by new (same length) in the bytes
// of the file at path: how a duplicate id gets past SQLite's own checks.
func patch(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(old) != len(new) || !bytes.Contains(b, []byte(old)) {
		t.Fatalf("patch %q → %q", old, new)
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(b, []byte(old), []byte(new)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Two valid UUIDs for rows made to share an id.
const (
	dupA = "01900000-0000-7000-8000-00000000aaa1"
	dupB = "01900000-0000-7000-8000-00000000aaa2"
)

// refusedIn returns the refusals of the report in table.
func refusedIn(rep MergeReport, table string) []RefusedRow {
	var out []RefusedRow
	for _, r := range rep.Refused {
		if r.Table == table {
			out = append(out, r)
		}
	}
	return out
}

// poison is one way to poison a row of populated()'s file: the SQL, and
// the row refused for it (table, rowid, a word of the reason).
type poison struct {
	name  string
	sql   []string
	table string
	rid   int
	why   string
	// annotations of populated's 600 that do not arrive with the row
	lost int
}

// Clipping row 2 of populated() carries annotation rows 1–5.
var poisons = []poison{
	{"clipping timestamp", []string{`UPDATE clippings SET imported_at = 'yesterday' WHERE rid = 2`},
		"clippings", 2, `imported_at "yesterday" is not a timestamp`, 5},
	{"timestamp in another format", []string{`UPDATE clippings SET created_at = '2024-05-03 10:00:00' WHERE rid = 3`},
		"clippings", 3, "created_at", 5},
	{"authors not a list of names", []string{`UPDATE clippings SET authors = '[1, 2]' WHERE rid = 2`},
		"clippings", 2, "authors", 5},
	{"authors not JSON (CHECK broken)", []string{`PRAGMA ignore_check_constraints = ON`, `UPDATE clippings SET authors = 'Ana' WHERE rid = 2`},
		"clippings", 2, "authors", 5},
	{"details of another shape", []string{`UPDATE clippings SET details = '[{"k": "v"}]' WHERE rid = 2`},
		"clippings", 2, "details", 5},
	{"captions of another shape", []string{`UPDATE clippings SET captions = '["x"]' WHERE rid = 2`},
		"clippings", 2, "captions", 5},
	{"headline not UTF-8", []string{`UPDATE clippings SET headline = CAST(x'ff41' AS TEXT) WHERE rid = 2`},
		"clippings", 2, "headline is not valid UTF-8", 5},
	{"headline a blob", []string{`UPDATE clippings SET headline = x'41' WHERE rid = 2`},
		"clippings", 2, "headline is a blob", 5},
	{"text altered behind its hash", []string{`UPDATE clippings SET body = body || ' (edited)' WHERE rid = 2`,
		`INSERT INTO clip_fts (clip_fts) VALUES ('rebuild')`}, "clippings", 2, "does not match its hash", 5},
	{"words not a number", []string{`UPDATE clippings SET words = 'many' WHERE rid = 2`}, "clippings", 2, "words", 5},
	{"date not a date", []string{`UPDATE clippings SET date = '2024-13-45' WHERE rid = 2`}, "clippings", 2, "date", 5},
	{"span outside the text", []string{`UPDATE annotations SET "end" = 100000 WHERE rid = 3`},
		"annotations", 3, "outside its clipping", 1},
	{"start not a number", []string{`UPDATE annotations SET start = 'x', "end" = 'y' WHERE rid = 3`},
		"annotations", 3, `start is "x"`, 1},
	{"value not a number", []string{`UPDATE annotations SET value = 'abc' WHERE rid = 3`}, "annotations", 3, "value", 1},
	{"status outside the list (CHECK broken)", []string{`PRAGMA ignore_check_constraints = ON`,
		`UPDATE annotations SET status = 'proven' WHERE rid = 3`}, "annotations", 3, "status", 1},
	{"deletion time not a timestamp", []string{`UPDATE annotations SET deleted_at = 'now' WHERE rid = 3`},
		"annotations", 3, "deleted_at", 1},
	{"note not UTF-8", []string{`UPDATE annotations SET note = CAST(x'c328' AS TEXT) WHERE rid = 3`},
		"annotations", 3, "note is not valid UTF-8", 1},
	{"coder in neither file", []string{`PRAGMA foreign_keys = OFF`,
		`UPDATE annotations SET coder_id = '00000000-0000-7000-8000-000000000000' WHERE rid = 4`},
		"annotations", 4, "in neither file", 1},
	{"tag with a zero-width space", []string{
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('` + dupA + `', 'claim' || char(8203), 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '` + dupA + `' WHERE rid = 3`}, "tags", -1, "invisible character (U+200B)", 1},
	{"tag with terminal escapes", []string{
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('` + dupA + `', char(27) || '[31mRED', 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '` + dupA + `' WHERE rid = 3`}, "tags", -1, "control character", 1},
	{"tag looking like claim", []string{
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('` + dupA + `', 'cl' || char(8204) || 'aim', 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '` + dupA + `' WHERE rid = 3`}, "tags", -1, `looks like the tag "claim"`, 1},
	{"tag in Cyrillic looking like claim", []string{
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('` + dupA + `', char(1089) || 'laim', 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '` + dupA + `' WHERE rid = 3`}, "tags", -1, `looks like the tag "claim" but its 'с' (U+0441) is a Cyrillic letter`, 1},
	{"tag shortcut of two letters", []string{`UPDATE tags SET shortcut = 'ab' WHERE name = 'figure'`},
		"tags", 3, "shortcut", 600},
	{"coder with a bidi override", []string{`UPDATE coders SET name = 'Ana' || char(8238) || 'live' WHERE rowid = 1`},
		"coders", 1, "bidirectional control", 600},
	{"coder looking like Ana", []string{`UPDATE coders SET name = 'An' || char(8205) || 'a' WHERE rowid = 1`},
		"coders", 1, `looks like the coder "Ana"`, 600},
	{"coder name too long", []string{`UPDATE coders SET name = printf('%.101c', 'x') WHERE rowid = 1`},
		"coders", 1, "longer than 100", 600},
	{"rejection timestamp", []string{`INSERT INTO rejections (id, clipping_id, coder_id, kind, start, "end", text, created_at, updated_at)
		SELECT '` + dupA + `', id, (SELECT id FROM coders), 'quote', 0, 4, 'Clip', 'then', 'then' FROM clippings WHERE rid = 2`},
		"rejections", -1, "created_at", 0},
}

// TestMergeRefusesBadRows: a file with one bad row merges without it (and
// without the rows that depend on it), says why in the report, and leaves
// the project with nothing Diagnose objects to.
func TestMergeRefusesBadRows(t *testing.T) {
	src := populated(t)
	for _, p := range poisons {
		t.Run(p.name, func(t *testing.T) {
			path := tamper(t, src, p.sql...)
			id := dupA
			if p.rid > 0 {
				id = idOf(t, path, p.table, p.rid)
			}
			f := newFixture(t)
			rep := merge(t, f, path, MergeOptions{})
			checkRefused(t, rep, p.table, id, p.why)
			if got := rep.Annotations.Added; got != 600-p.lost {
				t.Errorf("%d annotations added, want %d: %s", got, 600-p.lost, rep.Summary())
			}
			if p.lost > 0 && p.table != "annotations" && len(refusedIn(rep, "annotations")) != p.lost {
				t.Errorf("annotations of the refused row: %+v", refusedIn(rep, "annotations"))
			}
			if !strings.Contains(rep.Summary(), "refused") {
				t.Errorf("summary does not mention the refusal: %s", rep.Summary())
			}
			usable(t, f.s)
		})
	}
}

// checkRefused fails unless the report refuses row id of table with a
// reason containing why.
func checkRefused(t *testing.T, rep MergeReport, table, id, why string) {
	t.Helper()
	i := slices.IndexFunc(rep.Refused, func(r RefusedRow) bool { return r.Table == table && r.ID == id })
	if i < 0 {
		t.Fatalf("%s %s not refused; refused: %+v", table, id, rep.Refused)
	}
	if !strings.Contains(rep.Refused[i].Reason, why) {
		t.Errorf("reason %q should say %q", rep.Refused[i].Reason, why)
	}
}

// usable fails unless every read of the project succeeds with no problem
// and Diagnose finds nothing.
func usable(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Clippings(ctx); err != nil {
		t.Error(err)
	}
	if _, err := s.ClippingSummaries(ctx); err != nil {
		t.Error(err)
	}
	if _, err := s.Annotations(ctx, AnnotationFilter{IncludeDeleted: true}); err != nil {
		t.Error(err)
	}
	if _, err := s.Tags(ctx); err != nil {
		t.Error(err)
	}
	if _, err := s.Coders(ctx); err != nil {
		t.Error(err)
	}
	if ps := s.Problems(); len(ps) > 0 {
		t.Errorf("reads met problems: %+v", ps)
	}
	ps, err := s.Diagnose(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) > 0 {
		t.Errorf("the merge brought problems: %+v", ps)
	}
}

// TestMergeRefusesDuplicateIDs: rows that share an id (a file patched
// behind SQLite's back; integrity_check finds the index out of step) are
// refused with every copy, with a sentence instead of "UNIQUE constraint
// failed".
func TestMergeRefusesDuplicateIDs(t *testing.T) {
	src := populated(t)
	for _, c := range []struct {
		table string
		rid   int
		lost  int
	}{{"annotations", 7, 2}, {"clippings", 4, 10}, {"coders", 1, 600}} {
		t.Run(c.table, func(t *testing.T) {
			stmts := []string{`PRAGMA foreign_keys = OFF`,
				fmt.Sprintf(`UPDATE %s SET id = '%s' WHERE rowid = %d`, c.table, dupA, c.rid)}
			switch c.table {
			case "coders":
				stmts = append(stmts, `INSERT INTO coders (id, name, created_at, updated_at) VALUES ('`+dupB+`', 'Ben',
					'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
					`UPDATE annotations SET coder_id = '`+dupA+`'`)
			case "clippings":
				stmts = append(stmts, fmt.Sprintf(`UPDATE clippings SET id = '%s' WHERE rowid = %d`, dupB, c.rid+1),
					`UPDATE annotations SET clipping_id = '`+dupA+`' WHERE clipping_id = (SELECT id FROM clippings WHERE rowid = 4)`,
					`UPDATE annotations SET clipping_id = '`+dupB+`' WHERE clipping_id = (SELECT id FROM clippings WHERE rowid = 5)`)
			default:
				stmts = append(stmts, fmt.Sprintf(`UPDATE %s SET id = '%s' WHERE rowid = %d`, c.table, dupB, c.rid+1))
			}
			path := tamper(t, src, stmts...)
			patch(t, path, dupB, dupA)
			if _, err := checkIncomingNow(context.Background(), copyFile(t, path)); err != nil {
				t.Fatalf("the patched file should pass as undamaged: %v", err)
			}
			f := newFixture(t)
			rep := merge(t, f, path, MergeOptions{})
			got := refusedIn(rep, c.table)
			if len(got) != 1 || got[0].ID != dupA || !strings.Contains(got[0].Reason, "rows with this id") {
				t.Errorf("refused %s: %+v", c.table, got)
			}
			if a := rep.Annotations.Added; a != 600-c.lost {
				t.Errorf("%d annotations added, want %d", a, 600-c.lost)
			}
			usable(t, f.s)
		})
	}
}

// TestMergeReAnchorsMovedSpans: an annotation whose exact text is not at
// its span is not refused: it is placed like any moved span — found again,
// or orphaned for the researcher — and reported as re-anchored.
func TestMergeReAnchorsMovedSpans(t *testing.T) {
	src := populated(t)
	for _, c := range []struct {
		exact, status string
	}{{"ng 0", "fuzzy"}, {"a text that is nowhere", "orphan"}} {
		t.Run(c.status, func(t *testing.T) {
			path := tamper(t, src, fmt.Sprintf(`UPDATE annotations SET exact = '%s' WHERE rid = 3`, c.exact))
			id := idOf(t, path, "annotations", 3)
			f := newFixture(t)
			rep := merge(t, f, path, MergeOptions{})
			if len(rep.Refused) != 0 || rep.Annotations.Added != 600 {
				t.Fatalf("report: %s %+v", rep.Summary(), rep.Refused)
			}
			i := slices.IndexFunc(rep.Annotations.ReAnchored, func(r ReAnchored) bool { return r.AnnotationID == id })
			if i < 0 {
				t.Fatalf("not re-anchored: %+v", rep.Annotations.ReAnchored)
			}
			if got := rep.Annotations.ReAnchored[i].Status; got != c.status && !(c.status == "fuzzy" && got == "remapped") {
				t.Errorf("status %s, want %s", got, c.status)
			}
			a, err := f.s.Annotation(f.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if c.status != "orphan" && a.Exact != c.exact {
				t.Errorf("placed on %q (%d–%d), want %q", a.Exact, a.Start, a.End, c.exact)
			}
			usable(t, f.s)
		})
	}
}

// TestMergePoisonedFile: one file poisoned in every way above merges what
// is sound, names every row it refused, and leaves a project that reads,
// shares and merges again without a problem.
func TestMergePoisonedFile(t *testing.T) {
	src := populated(t)
	var stmts []string
	var clips, anns int
	for _, p := range poisons {
		if p.table != "clippings" && p.table != "annotations" {
			continue // these refuse everything, or reuse dupA
		}
		for _, q := range p.sql {
			if p.table == "clippings" {
				q = strings.Replace(q, fmt.Sprintf("rid = %d", p.rid), fmt.Sprintf("rid = %d", 10+clips), 1)
			} else {
				q = strings.Replace(q, fmt.Sprintf("rid = %d", p.rid), fmt.Sprintf("rid = %d", 300+10*anns), 1)
			}
			stmts = append(stmts, q)
		}
		if p.table == "clippings" {
			clips++
		} else {
			anns++
		}
	}
	stmts = append(stmts,
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('`+dupA+`', char(27) || '[31mRED', 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '`+dupA+`' WHERE rid = 501`)
	path := tamper(t, src, stmts...)
	f := newFixture(t)
	rep := merge(t, f, path, MergeOptions{})
	t.Log(rep.Summary())
	if len(refusedIn(rep, "clippings")) != clips || len(refusedIn(rep, "tags")) != 1 || len(refusedIn(rep, "annotations")) != 5*clips+anns+1 {
		t.Errorf("refused: %+v", rep.Refused)
	}
	for _, r := range rep.Refused {
		if r.Reason == "" || r.ID == "" {
			t.Errorf("refusal without a reason or id: %+v", r)
		}
	}
	if rep.Annotations.Added < 500 {
		t.Errorf("the sound rows should arrive: %s", rep.Summary())
	}
	usable(t, f.s)
	shared := share(t, f, ShareOptions{})
	g := newFixture(t)
	if rep := merge(t, g, shared, MergeOptions{}); len(rep.Refused) != 0 {
		t.Errorf("the shared copy spread bad rows: %+v", rep.Refused)
	}
	usable(t, g.s)
}

// TestMergeStopsWhenCancelled: the checks of an incoming file run under
// the caller's context: a cancelled merge stops with ctx's error and
// changes nothing.
func TestMergeStopsWhenCancelled(t *testing.T) {
	src := populated(t)
	f := newFixture(t)
	snap := snapshot(t, f.s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.s.Merge(ctx, src, MergeOptions{})
	wantErr(t, err, context.Canceled)
	if snapshot(t, f.s) != snap {
		t.Error("a cancelled merge changed the project")
	}
}
