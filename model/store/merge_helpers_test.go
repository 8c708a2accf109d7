package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

// openAs opens the project at path as coder name, with the first clipping
// of clip's id as the fixture's clipping.
func openAs(t testing.TB, path, name string, clip *model.Clipping) *fixture {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, ctx: context.Background(), tags: map[string]model.Tag{}, clip: clip}
	if f.coder, err = s.EnsureCoder(f.ctx, name); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Tags(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range ts {
		f.tags[tg.Name] = tg
	}
	return f
}

// share shares f's project to a new file and returns its path.
func share(t testing.TB, f *fixture, opt ShareOptions) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "shared.clip")
	if err := f.s.Share(f.ctx, dst, opt); err != nil {
		t.Fatalf("Share: %v", err)
	}
	return dst
}

// merge merges src into f's project and fails the test on error.
func merge(t testing.TB, f *fixture, src string, opt MergeOptions) MergeReport {
	t.Helper()
	if opt.CoderID == "" {
		opt.CoderID = f.coder.ID
	}
	rep, err := f.s.Merge(f.ctx, src, opt)
	if err != nil {
		t.Fatalf("Merge %s: %v", src, err)
	}
	return rep
}

// snapshot dumps every table of the project (FTS shadow tables, op log and
// merge records included), each row as text, rows sorted: two snapshots
// are equal when the data is.
func snapshot(t testing.TB, s *Store) string {
	t.Helper()
	objs, err := readObjects(context.Background(), s.db)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n, o := range objs {
		if o.typ == "table" && !strings.HasPrefix(o.sql, "CREATE VIRTUAL TABLE") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		rows, err := s.db.Query(`SELECT * FROM "` + n + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				parts = append(parts, fmt.Sprintf("%v", v))
			}
			lines = append(lines, strings.Join(parts, "|"))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		slices.Sort(lines)
		fmt.Fprintf(&b, "== %s (%d)\n%s\n", n, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}

// liveSet returns the ids of the live annotations of s.
func liveSet(t testing.TB, s *Store) map[string]model.Annotation {
	t.Helper()
	as, err := s.Annotations(context.Background(), AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]model.Annotation{}
	for _, a := range as {
		m[a.ID] = a
	}
	return m
}

// find returns the code-point span of the first occurrence of sub in body.
func find(t testing.TB, body, sub string) (int, int) {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	start := len([]rune(body[:i]))
	return start, start + len([]rune(sub))
}

// addOn saves an annotation of tag on the text sub of clip, with a note.
func (f *fixture) addOn(t testing.TB, clip *model.Clipping, tag, sub, note string) model.Annotation {
	t.Helper()
	start, end := find(t, clip.Body, sub)
	a := &model.Annotation{ClippingID: clip.ID, TagID: f.tags[tag].ID, CoderID: f.coder.ID, Start: start, End: end,
		Attributes: model.Attributes{Note: note}}
	if err := f.s.AddAnnotation(f.ctx, a); err != nil {
		t.Fatalf("add %q: %v", sub, err)
	}
	return *a
}

// setNote changes the note of annotation a as f's coder.
func (f *fixture) setNote(t testing.TB, a model.Annotation, note string) {
	t.Helper()
	cur, err := f.s.Annotation(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur.Note = note
	if err := f.s.UpdateAnnotation(f.ctx, f.coder.ID, cur); err != nil {
		t.Fatal(err)
	}
}
