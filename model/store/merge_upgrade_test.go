package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// olderProject copies the data of f's project into a new file made with
// the first schema only, as a colleague's older Clipper would have written
// it, and returns its path.
func olderProject(t *testing.T, f *fixture) string {
	t.Helper()
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "older.clip")
	o := defaultOptions()
	o.migrations = o.migrations[:1]
	s, err := create(ctx, p, o)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, p)
	for _, q := range []string{
		`ATTACH DATABASE '` + f.s.Path() + `' AS src`,
		`DELETE FROM tags`,
		`INSERT INTO tags SELECT * FROM src.tags`,
		`INSERT INTO coders SELECT * FROM src.coders`,
		`INSERT INTO clippings (rid, id, body_hash, publication, headline, deck, authors, credit, dateline, date, url,
			captions, source_name, imported_at, created_at, updated_at, body, original)
			SELECT rid, id, body_hash, publication, headline, deck, authors, credit, dateline, date, url,
			captions, source_name, imported_at, created_at, updated_at, body, original FROM src.clippings`,
		`INSERT INTO annotations SELECT * FROM src.annotations`,
		`INSERT INTO clip_fts (clip_fts) VALUES ('rebuild')`,
		`INSERT INTO note_fts (note_fts) VALUES ('rebuild')`,
		`DETACH DATABASE src`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	return p
}

func TestMergeUpgradesAnOlderSchema(t *testing.T) {
	theirs := newFixture(t)
	a := theirs.addOn(t, theirs.clip, "claim", "The unemployment rate fell", "from the older file")
	src := olderProject(t, theirs)
	h, err := readHeader(src, 1<<20)
	if err != nil || h.userVersion != 1 {
		t.Fatalf("fixture schema %d, %v", h.userVersion, err)
	}

	ours := newFixture(t) // same text, so the clipping matches by hash
	rep := merge(t, ours, src, MergeOptions{})
	got, err := ours.s.Annotation(ours.ctx, a.ID)
	if err != nil {
		t.Fatalf("the older file's annotation did not arrive: %v (report %s)", err, rep.Summary())
	}
	if got.Note != "from the older file" || !strings.HasPrefix(got.Exact, "The unemployment rate fell") {
		t.Errorf("merged annotation %+v", got)
	}
	// The colleague's file itself is untouched: still the older schema.
	if h, err := readHeader(src, 1<<20); err != nil || h.userVersion != 1 {
		t.Errorf("the merged file was changed: schema %d, %v", h.userVersion, err)
	}
}
