package store

import (
	"fmt"
	"strings"
	"testing"

	"clipper/model"
)

// TestMergeCopiesRowsExactly: new annotations are added with every value
// as the file holds it and their notes searchable, whether a row is
// copied inside SQLite (plain rows) or inserted value by value (a row
// with a value not of its column's type, here a note stored as a blob,
// which is merged as text).
func TestMergeCopiesRowsExactly(t *testing.T) {
	f := newFixture(t)
	src := share(t, f, ShareOptions{})
	ben := openAs(t, src, "Ben", f.clip)
	words := strings.Fields(sampleBody)
	var as []*model.Annotation
	for i := range 300 {
		w := words[i%len(words)]
		start, end := find(t, sampleBody, w)
		as = append(as, &model.Annotation{ClippingID: f.clip.ID, TagID: ben.tags["claim"].ID, CoderID: ben.coder.ID,
			Start: start, End: end, Attributes: model.Attributes{Note: fmt.Sprintf("plain note %d", i), Speaker: "Marie"}})
	}
	if err := ben.s.AddAnnotations(ben.ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := ben.s.Close(); err != nil {
		t.Fatal(err)
	}
	path := tamper(t, src, `UPDATE annotations SET note = CAST('blob note' AS BLOB) WHERE rid = 7`)
	odd := idOf(t, path, "annotations", 7)
	rep := merge(t, f, path, MergeOptions{})
	if rep.Annotations.Added != 300 || len(rep.Refused) != 0 {
		t.Fatalf("merge: %s", rep.Summary())
	}
	db := rawDB(t, path)
	defer db.Close()
	const cols = `id, clipping_id, tag_id, coder_id, start, "end", exact, prefix, suffix, body_hash, speaker,
		claimant, status, value, low, high, unit, comparator, note, origin, anchor_status, anchor_quote,
		created_at, updated_at, deleted_at`
	theirs := map[string][]any{}
	rows, err := db.Query(`SELECT ` + cols + ` FROM annotations`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		vals := make([]any, 25)
		ptrs := make([]any, 25)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		theirs[vals[0].(string)] = vals
	}
	rows.Close()
	rows, err = f.s.db.Query(`SELECT ` + cols + `, typeof(note) FROM annotations`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		vals := make([]any, 26)
		ptrs := make([]any, 26)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		id := vals[0].(string)
		want, ok := theirs[id]
		if !ok {
			continue // the fixture's own
		}
		seen++
		if id == odd {
			if vals[25] != "text" || vals[18] != "blob note" {
				t.Errorf("odd row: note %q stored as %v, want text", vals[18], vals[25])
			}
			continue
		}
		for i := range want {
			if g, w := fmtVal(vals[i]), fmtVal(want[i]); g != w {
				t.Errorf("annotation %s column %d: %s, want %s", id, i, g, w)
			}
		}
	}
	if seen != 300 {
		t.Errorf("%d merged annotations found, want 300", seen)
	}
	var n int
	if err := f.s.db.QueryRow(`SELECT count(*) FROM note_fts WHERE note_fts MATCH 'plain'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 299 {
		t.Errorf("%d notes found by search, want 299", n)
	}
	if err := f.s.db.QueryRow(`SELECT count(*) FROM note_fts WHERE note_fts MATCH 'blob'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("blob note found %d times (%v), want 1", n, err)
	}
	checkFTS(t, f.s)
	usable(t, f.s)
}

// fmtVal shows a scanned value with its Go type.
func fmtVal(v any) string {
	if b, ok := v.([]byte); ok {
		return "[]byte(" + string(b) + ")"
	}
	return fmt.Sprintf("%T:%v", v, v)
}
